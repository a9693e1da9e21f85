package dev.camelbedrock.component.options;

/** Latency-optimized inference (performanceLatency). */
public enum PerformanceLatency implements OptionValue {

    STANDARD("standard"),
    OPTIMIZED("optimized");

    private final String value;

    PerformanceLatency(String value) {
        this.value = value;
    }

    /** The value as written in a URI or header, and sent to Bedrock. */
    @Override
    public String toString() {
        return value;
    }
}
