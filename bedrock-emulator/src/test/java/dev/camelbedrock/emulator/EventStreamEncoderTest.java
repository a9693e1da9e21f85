package dev.camelbedrock.emulator;

import dev.camelbedrock.emulator.eventstream.EventStreamEncoder;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The framer against the worked example and the test vectors of the wire-protocol reference (§3.2). */
class EventStreamEncoderTest {

    @Test
    void messageStartWorkedExampleIsByteExact() {
        byte[] frame = EventStreamEncoder.event("messageStart",
                "{\"role\":\"assistant\"}".getBytes(StandardCharsets.UTF_8));
        String expected = ""
                + "000000760000005296d5fade0b3a6576"
                + "656e742d7479706507000c6d65737361"
                + "67655374617274 0d3a636f6e74656e74".replace(" ", "")
                + "2d747970650700106170706c69636174"
                + "696f6e2f6a736f6e0d3a6d6573736167"
                + "652d747970650700056576656e747b22"
                + "726f6c65223a22617373697374616e74"
                + "227d6fa8c599";
        assertThat(frame).hasSize(118);
        assertThat(HexFormat.of().formatHex(frame)).isEqualTo(expected);
    }

    @Test
    void throttlingExceptionVector() {
        byte[] frame = EventStreamEncoder.exception("throttlingException",
                "{\"message\":\"slow down\"}".getBytes(StandardCharsets.UTF_8));
        assertPrelude(frame, 136, 97, "de0175f4", "832ee072");
    }

    @Test
    void chunkEventVector() {
        byte[] frame = EventStreamEncoder.encode(List.of(Map.entry(":event-type", "chunk"),
                        Map.entry(":content-type", "application/json"), Map.entry(":message-type", "event")),
                "{\"bytes\":\"eyJ0eXBlIjoibWVzc2FnZV9zdG9wIn0=\"}".getBytes(StandardCharsets.UTF_8));
        assertPrelude(frame, 135, 75, "87ea2bf3", "ba48ab22");
    }

    private static void assertPrelude(byte[] frame, int total, int headers, String preludeCrc, String messageCrc) {
        String hex = HexFormat.of().formatHex(frame);
        assertThat(frame).hasSize(total);
        assertThat(hex.substring(0, 8)).isEqualTo(String.format("%08x", total));
        assertThat(hex.substring(8, 16)).isEqualTo(String.format("%08x", headers));
        assertThat(hex.substring(16, 24)).isEqualTo(preludeCrc);
        assertThat(hex.substring(hex.length() - 8)).isEqualTo(messageCrc);
    }
}
