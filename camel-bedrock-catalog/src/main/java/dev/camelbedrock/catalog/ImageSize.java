package dev.camelbedrock.catalog;

/**
 * A width × height pair in pixels, written {@code "1024x1024"} in the data file.
 *
 * @param width  width in pixels
 * @param height height in pixels
 */
public record ImageSize(int width, int height) {

    /** Parses {@code "WIDTHxHEIGHT"} (also accepts {@code X} and {@code ×}). */
    public static ImageSize parse(String text) {
        String[] parts = text.trim().split("[xX×]");
        if (parts.length != 2) {
            throw new IllegalArgumentException("not an image size (expected WIDTHxHEIGHT, e.g. 1024x1024): '" + text + "'");
        }
        try {
            int w = Integer.parseInt(parts[0].trim());
            int h = Integer.parseInt(parts[1].trim());
            if (w <= 0 || h <= 0) {
                throw new IllegalArgumentException("image size must be positive: '" + text + "'");
            }
            return new ImageSize(w, h);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an image size (expected WIDTHxHEIGHT, e.g. 1024x1024): '" + text + "'", e);
        }
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
