package dev.camelbedrock.benchmarks.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.benchmarks.report.Json;

/**
 * The emulator in a forked JVM ({@link BenchEmulatorMain} on this JVM's classpath), started once per run and
 * steered through its admin API ({@code /_emulator/config}, {@code /stats}, {@code /streams/resume}). The admin calls
 * use {@link HttpURLConnection} with {@code Connection: close}: it leaves no thread behind in the subject JVM (the JDK
 * HttpClient would keep a selector thread alive and be counted as a subject thread).
 */
public final class EmulatorProcess implements AutoCloseable {

    private final Process process;
    private final URI uri;
    private final List<String> command;
    private final Path log;

    private EmulatorProcess(Process process, URI uri, List<String> command, Path log) {
        this.process = process;
        this.uri = uri;
        this.command = command;
        this.log = log;
    }

    /**
     * Forks the emulator: {@code ioThreads} Netty workers, {@code heap} as {@code -Xmx}. Its output goes to a file
     * (no reader thread in this JVM), polled for the listening line.
     */
    public static EmulatorProcess start(int ioThreads, String heap) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(javaBinary(), "-Xmx" + heap, "-XX:+UseParallelGC",
                "-cp", System.getProperty("java.class.path"), BenchEmulatorMain.class.getName(),
                "--port", "0", "--io-threads", String.valueOf(ioThreads)));
        Path log = Files.createTempFile("bench-emulator-", ".log");
        log.toFile().deleteOnExit();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < end) {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (line.startsWith(BenchEmulatorMain.LISTENING)) {
                    URI uri = URI.create(line.substring(BenchEmulatorMain.LISTENING.length()).trim());
                    return new EmulatorProcess(p, uri, cmd, log);
                }
            }
            if (!p.isAlive()) {
                break;
            }
            Thread.sleep(50);
        }
        p.destroyForcibly();
        throw new IOException("The benchmark emulator did not start: " + Files.readString(log, StandardCharsets.UTF_8));
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public URI uri() {
        return uri;
    }

    public long pid() {
        return process.pid();
    }

    public ObjectNode describe() {
        ObjectNode n = Json.object();
        n.put("uri", uri.toString());
        n.put("pid", process.pid());
        n.put("command", String.join(" ", command.stream()
                .map(s -> s.length() > 200 ? "<classpath of the harness>" : s).toList()));
        n.put("extraConfig", System.getProperty(EXTRA_CONFIG));
        return n;
    }

    /**
     * Sets latency and chunk delay (ms) for what follows; also removes quotas, releases held streams and resets the
     * stats. Fields of {@code -Dbench.emulator.config=<JSON object>} are added to every such configuration: an
     * override for emulator settings this harness does not set itself (e.g. a latency distribution instead of the
     * fixed {@code latencyMs}).
     */
    public void configure(long latencyMs, long chunkDelayMs) throws IOException {
        ObjectNode body = Json.object().put("latencyMs", latencyMs).put("chunkDelayMs", chunkDelayMs);
        body.putNull("pauseStreamsAfter");
        body.putArray("quotas"); // none: P5's quota must not throttle the scenarios after it
        String extra = System.getProperty(EXTRA_CONFIG);
        if (extra != null && !extra.isBlank()) {
            body.setAll((ObjectNode) Json.MAPPER.readTree(extra));
        }
        admin("POST", "/_emulator/config", body);
        resetStats();
    }

    public static final String EXTRA_CONFIG = "bench.emulator.config";

    /** Every event stream holds after {@code events} events until {@link #resumeStreams()}. */
    public void pauseStreamsAfter(int events) throws IOException {
        admin("POST", "/_emulator/config", Json.object().put("pauseStreamsAfter", events));
    }

    public void resumeStreams() throws IOException {
        admin("POST", "/_emulator/streams/resume", null);
    }

    public int heldStreams() throws IOException {
        return admin("GET", "/_emulator/config", null).path("heldStreams").asInt();
    }

    /** Waits until {@code count} streams are held; returns how many are. */
    public int awaitHeldStreams(int count, Duration timeout) throws IOException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        int held = heldStreams();
        while (held < count && System.nanoTime() < end) {
            Thread.sleep(100);
            held = heldStreams();
        }
        return held;
    }

    /** Bedrock API calls the emulator answered since the last reset, all operations. */
    public long totalCalls() throws IOException {
        return stats().path("total").asLong();
    }

    public JsonNode stats() throws IOException {
        return admin("GET", "/_emulator/stats", null);
    }

    public void resetStats() throws IOException {
        admin("DELETE", "/_emulator/stats", null);
    }

    /** One admin or API request; returns the parsed JSON answer (an empty object for an empty one). */
    public JsonNode admin(String method, String path, JsonNode body) throws IOException {
        Response r = send(method, path, body);
        if (r.status() >= 300) {
            throw new IOException(method + " " + path + " answered " + r.status() + ": " + r.body());
        }
        return r.body().isBlank() ? Json.object() : Json.MAPPER.readTree(r.body());
    }

    /** The status and body of a request to the emulator (admin or API), whatever the status. */
    public Response send(String method, String path, JsonNode body) throws IOException {
        HttpURLConnection c = (HttpURLConnection) uri.resolve(path).toURL().openConnection();
        try {
            c.setRequestMethod(method);
            c.setRequestProperty("Connection", "close");
            c.setConnectTimeout(10_000);
            c.setReadTimeout(60_000);
            if (body != null) {
                c.setDoOutput(true);
                c.setRequestProperty("Content-Type", "application/json");
                try (OutputStream os = c.getOutputStream()) {
                    os.write(Json.MAPPER.writeValueAsBytes(body));
                }
            }
            int status = c.getResponseCode();
            InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
            String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Response(status, text, c.getHeaderField("x-amzn-ErrorType"));
        } finally {
            c.disconnect();
        }
    }

    public record Response(int status, String body, String errorType) {
    }

    /** What the emulator printed, for error messages. */
    public String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
