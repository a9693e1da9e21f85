package dev.camelbedrock.catalog;

/**
 * A width:height ratio such as {@code 16:9}, kept as written (not reduced) so messages echo the data.
 *
 * @param width  the width term, positive
 * @param height the height term, positive
 */
public record AspectRatio(int width, int height) {

    public AspectRatio {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("aspect ratio terms must be positive: " + width + ":" + height);
        }
    }

    /** Parses {@code "W:H"}. */
    public static AspectRatio parse(String text) {
        String[] parts = text.trim().split(":");
        if (parts.length != 2) {
            throw new IllegalArgumentException("not an aspect ratio (expected W:H, e.g. 16:9): '" + text + "'");
        }
        try {
            return new AspectRatio(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an aspect ratio (expected W:H, e.g. 16:9): '" + text + "'", e);
        }
    }

    /** The ratio of a width and height, reduced to lowest terms (1344x768 → 7:4). */
    public static AspectRatio of(int width, int height) {
        int g = gcd(width, height);
        return new AspectRatio(width / g, height / g);
    }

    /** This ratio in lowest terms. */
    public AspectRatio reduced() {
        return of(width, height);
    }

    /** Compares the ratios numerically: negative when this one is narrower (taller) than {@code other}. */
    public int compareRatio(AspectRatio other) {
        return Long.compare((long) width * other.height, (long) other.width * height);
    }

    /** Whether the two ratios are numerically equal (2:2 equals 1:1). */
    public boolean sameRatio(AspectRatio other) {
        return compareRatio(other) == 0;
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return Math.max(a, 1);
    }

    @Override
    public String toString() {
        return width + ":" + height;
    }
}
