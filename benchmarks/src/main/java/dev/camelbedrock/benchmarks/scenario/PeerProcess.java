package dev.camelbedrock.benchmarks.scenario;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.camelbedrock.benchmarks.load.ClosedLoop;
import dev.camelbedrock.benchmarks.report.Json;

/**
 * Starts the peer driver ({@code dev.camelbedrock.benchmarks.peer.PeerMain}, module {@code benchmarks/peer}) in a JVM
 * of its own, on the classpath Maven resolved for that module (its jar carries it as
 * {@code META-INF/camel-bedrock-benchmarks/peer.classpath}), and reads its result line.
 */
final class PeerProcess {

    static final String CLASSPATH_RESOURCE = "META-INF/camel-bedrock-benchmarks/peer.classpath";
    static final String MAIN = "dev.camelbedrock.benchmarks.peer.PeerMain";
    static final String RESULT_PREFIX = "PEER_RESULT ";

    private PeerProcess() {
    }

    /** The peer JVM's classpath: the driver's own jar (or classes folder) and its resolved dependencies. */
    static String classpath() throws IOException {
        URL resource = PeerProcess.class.getClassLoader().getResource(CLASSPATH_RESOURCE);
        if (resource == null) {
            throw new IOException(CLASSPATH_RESOURCE + " is not on the classpath: build benchmarks/peer first"
                                  + " (./mvnw -pl benchmarks -am package -DskipTests)");
        }
        String dependencies;
        try (var in = resource.openStream()) {
            dependencies = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
        String location = resource.toString();
        String own;
        try {
            if (location.startsWith("jar:")) {
                own = Path.of(new URI(location.substring(4, location.indexOf("!/")))).toString();
            } else {
                own = Path.of(resource.toURI()).toString();
                own = own.substring(0, own.length() - CLASSPATH_RESOURCE.length() - 1);
            }
        } catch (URISyntaxException e) {
            throw new IOException("Cannot locate the peer driver from " + location, e);
        }
        return own + java.io.File.pathSeparator + dependencies;
    }

    /** Runs the peer's closed loop with {@code threads} callers; returns its window (its JVM's threads, absolute). */
    static ClosedLoop.Window run(URI emulator, int threads, Duration warmup, Duration measure) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath(), MAIN,
                "--url", emulator.toString(), "--threads", String.valueOf(threads),
                "--warmup-ms", String.valueOf(warmup.toMillis()), "--measure-ms", String.valueOf(measure.toMillis())));
        Path log = Files.createTempFile("bench-peer-", ".log");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long timeout = warmup.plus(measure).toSeconds() + 300;
            if (!p.waitFor(timeout, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("The peer driver did not finish within " + timeout + " s: " + Files.readString(log));
            }
            String output = Files.readString(log);
            for (String line : output.split("\n")) {
                if (line.startsWith(RESULT_PREFIX)) {
                    return window(Json.MAPPER.readTree(line.substring(RESULT_PREFIX.length())));
                }
            }
            throw new IOException("The peer driver exited " + p.exitValue() + " without a result: " + output);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static ClosedLoop.Window window(JsonNode r) {
        Map<String, Integer> byName = Json.MAPPER.convertValue(r.path("threadsByName"), new TypeReference<>() {
        });
        return new ClosedLoop.Window(r.path("completed").asLong(), r.path("failed").asLong(), r.path("seconds").asDouble(),
                r.path("throughput").asDouble(), Double.NaN, Double.NaN, r.path("peakLiveThreads").asInt(), byName,
                r.path("firstError").isNull() ? null : r.path("firstError").asText(), r.path("warmupSeconds").asDouble());
    }
}
