package dev.camelbedrock.emulator.invoke;

import javax.imageio.ImageIO;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;

/**
 * Paints deterministic abstract pictures: a two-colour gradient and 6–14 translucent shapes whose colours,
 * positions and sizes come from a SHA-256 of everything that should change the picture (model, prompt, negative
 * prompt, style, seed, image index). Same inputs → same bytes; another seed or prompt → other pixels. Uses only
 * {@link BufferedImage}, Java2D shapes (no fonts, so it works headless on minimal JDKs) and {@link ImageIO}.
 */
final class ImageRenderer {

    private ImageRenderer() {
    }

    static BufferedImage render(int width, int height, String key, List<Color> palette) {
        long seed = ByteBuffer.wrap(Invocation.sha256(key)).getLong();
        Random rnd = new Random(seed);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setPaint(new GradientPaint(rnd.nextInt(width), 0, color(rnd, palette, 255),
                    rnd.nextInt(width), height, color(rnd, palette, 255)));
            g.fillRect(0, 0, width, height);
            int shapes = 6 + rnd.nextInt(9);
            int unit = Math.max(8, Math.min(width, height));
            for (int i = 0; i < shapes; i++) {
                g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.3f + rnd.nextFloat() * 0.5f));
                g.setColor(color(rnd, palette, 255));
                int w = unit / 8 + rnd.nextInt(unit / 2);
                int h = unit / 8 + rnd.nextInt(unit / 2);
                int x = rnd.nextInt(width) - w / 2;
                int y = rnd.nextInt(height) - h / 2;
                switch (rnd.nextInt(4)) {
                    case 0:
                        g.fillOval(x, y, w, h);
                        break;
                    case 1:
                        g.fillRect(x, y, w, h);
                        break;
                    case 2:
                        g.fillRoundRect(x, y, w, h, w / 3, h / 3);
                        break;
                    default:
                        Polygon p = new Polygon();
                        int n = 3 + rnd.nextInt(4);
                        for (int k = 0; k < n; k++) {
                            p.addPoint(x + rnd.nextInt(w), y + rnd.nextInt(h));
                        }
                        g.fillPolygon(p);
                }
            }
            g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.6f));
            g.setStroke(new BasicStroke(Math.max(1, unit / 128f)));
            for (int i = 0; i < 3; i++) {
                g.setColor(color(rnd, palette, 255));
                g.drawLine(rnd.nextInt(width), rnd.nextInt(height), rnd.nextInt(width), rnd.nextInt(height));
            }
        } finally {
            g.dispose();
        }
        return img;
    }

    /** An all-black image: what a content-filtered generation carries instead of a picture. */
    static BufferedImage blank(int width, int height) {
        return new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    }

    /** PNG or JPEG bytes ({@code webp} has no ImageIO writer in the JDK: it is written as PNG). */
    static byte[] encode(BufferedImage img, String format) {
        String f = "jpeg".equals(format) || "jpg".equals(format) ? "jpeg" : "png";
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024)) {
            if (!ImageIO.write(img, f, out)) {
                throw new IllegalStateException("No ImageIO writer for " + f);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Width and height of an encoded image (PNG, JPEG, GIF, BMP), or null when ImageIO cannot read it. */
    static int[] size(byte[] data) {
        try {
            BufferedImage img = ImageIO.read(new java.io.ByteArrayInputStream(data));
            return img == null ? null : new int[] {img.getWidth(), img.getHeight()};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Color color(Random rnd, List<Color> palette, int alpha) {
        if (palette != null && !palette.isEmpty()) {
            return palette.get(rnd.nextInt(palette.size()));
        }
        return new Color(rnd.nextInt(256), rnd.nextInt(256), rnd.nextInt(256), alpha);
    }
}
