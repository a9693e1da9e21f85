package dev.camelbedrock.emulator;

import dev.camelbedrock.emulator.admin.AdminOperations;
import dev.camelbedrock.emulator.auth.StrictAuth;
import dev.camelbedrock.emulator.json.Json;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar bedrock-emulator.jar [--host H] [--port N] [--config F] [--latency-ms N] [--latency SPEC]
 * [--latency-seed N] [--quota MODEL=RPM[:TPM]]... [--chunk-delay-ms N] [--request-log-size N]
 * [--require-inference-profiles] [--strict-auth AK:SECRET] [--api-key KEY] [--fault JSON] ...}
 * (see the README for all options). Prints {@code Bedrock emulator listening on
 * http://HOST:PORT} when ready and runs until killed.
 */
public final class BedrockEmulatorMain {

    /** Default port of the command line (in-process default is a free port). */
    public static final int DEFAULT_PORT = 8765;

    private BedrockEmulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        BedrockEmulator emulator;
        try {
            emulator = launch(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            usage();
            System.exit(2);
            return;
        }
        if (emulator == null) {
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.close();
            stopped.countDown();
        }, "bedrock-emulator-shutdown"));
        stopped.await();
    }

    /**
     * Parses the command line, starts the emulator and prints the "listening" line to {@code out}. Returns
     * {@code null} for {@code --help}; throws {@link IllegalArgumentException} for a bad command line.
     */
    public static BedrockEmulator launch(String[] args, java.io.PrintStream out) {
        BedrockEmulator.Builder b = BedrockEmulator.builder().port(DEFAULT_PORT);
        Long latency = null;
        Latency latencyDistribution = null;
        Long chunkDelay = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                value = a.substring(eq + 1);
                a = a.substring(0, eq);
            }
            switch (a) {
                case "--help":
                case "-h":
                    usage();
                    return null;
                case "--host":
                    b.host(value != null ? value : arg(args, ++i, a));
                    break;
                case "--port":
                    b.port(Integer.parseInt(value != null ? value : arg(args, ++i, a)));
                    break;
                case "--config":
                case "--rules":
                    b.rulesFile(Path.of(value != null ? value : arg(args, ++i, a)));
                    break;
                case "--latency-ms":
                    latency = Long.parseLong(value != null ? value : arg(args, ++i, a));
                    break;
                case "--latency":
                    latencyDistribution = Latency.parse(value != null ? value : arg(args, ++i, a));
                    break;
                case "--latency-seed":
                    b.latencySeed(Long.parseLong(value != null ? value : arg(args, ++i, a)));
                    break;
                case "--quota":
                    b.quota(Quota.parse(value != null ? value : arg(args, ++i, a)));
                    break;
                case "--chunk-delay-ms":
                    chunkDelay = Long.parseLong(value != null ? value : arg(args, ++i, a));
                    break;
                case "--request-log-size":
                    b.requestLogCapacity(Integer.parseInt(value != null ? value : arg(args, ++i, a)));
                    break;
                case "--region":
                    b.region(value != null ? value : arg(args, ++i, a));
                    break;
                case "--require-inference-profiles":
                    b.requireInferenceProfiles(true);
                    break;
                case "--pt-ready-ms":
                    b.provisionedThroughputReadyDelay(java.time.Duration.ofMillis(
                            Long.parseLong(value != null ? value : arg(args, ++i, a))));
                    break;
                case "--model-unit-quota":
                    b.modelUnitQuota(Integer.parseInt(value != null ? value : arg(args, ++i, a)));
                    break;
                case "--knowledge-base": {
                    String[] kv = dev.camelbedrock.emulator.resources.ResourceSettings.idValue(a,
                            value != null ? value : arg(args, ++i, a));
                    b.knowledgeBase(kv[0], Path.of(kv[1]));
                    break;
                }
                case "--ingestion-delay-ms":
                    b.ingestionJobDelay(java.time.Duration.ofMillis(
                            Long.parseLong(value != null ? value : arg(args, ++i, a))));
                    break;
                case "--guardrail": {
                    String[] kv = dev.camelbedrock.emulator.resources.ResourceSettings.idValue(a,
                            value != null ? value : arg(args, ++i, a));
                    b.guardrail(kv[0], Path.of(kv[1]));
                    break;
                }
                case "--account-id":
                    b.accountId(value != null ? value : arg(args, ++i, a));
                    break;
                case "--strict-auth": {
                    String[] pair = StrictAuth.keyPair(value != null ? value : arg(args, ++i, a));
                    b.strictAuth(pair[0], pair[1]);
                    break;
                }
                case "--api-key":
                    b.apiKey(value != null ? value : arg(args, ++i, a));
                    break;
                case "--fault":
                    fault(b, value != null ? value : arg(args, ++i, a));
                    break;
                default:
                    throw new IllegalArgumentException("Unknown option: " + a);
            }
        }
        if (latency != null) {
            b.latencyMs(latency);
        }
        if (latencyDistribution != null) {
            b.latency(latencyDistribution);
        }
        if (chunkDelay != null) {
            b.chunkDelayMs(chunkDelay);
        }
        BedrockEmulator emulator = b.build().start();
        out.println("Bedrock emulator listening on http://" + emulator.host() + ":" + emulator.port());
        out.flush();
        return emulator;
    }

    /** {@code --fault JSON}: one fault object or an array of them. */
    private static void fault(BedrockEmulator.Builder b, String json) {
        try {
            AdminOperations.parseFaults(Json.parse(json)).forEach(b::fault);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("--fault expects JSON: " + e.getMessage());
        }
    }

    private static String arg(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException("Missing value for " + option);
        }
        return args[i];
    }

    private static void usage() {
        System.err.println("Usage: java -jar bedrock-emulator.jar [options]\n"
                + "  --port N                    port to bind (default " + DEFAULT_PORT + "; 0 = any free port)\n"
                + "  --host H                    interface to bind (default 127.0.0.1)\n"
                + "  --config F                  rules/config JSON file (see README)\n"
                + "  --latency-ms N              delay before every response (default 0)\n"
                + "  --latency SPEC              delay distribution: N, uniform:MIN-MAX, normal:MEAN,SD, exponential:MEAN\n"
                + "  --latency-seed N            seed of the latency random numbers (default: unseeded)\n"
                + "  --quota MODEL=RPM[:TPM]     per-model requests/tokens per minute (MODEL: id or regex); repeatable\n"
                + "  --chunk-delay-ms N          delay between stream events (default 0)\n"
                + "  --request-log-size N        requests kept for GET /_emulator/requests (default 1000)\n"
                + "  --region R                  region for ARNs of unsigned requests (default us-east-1)\n"
                + "  --require-inference-profiles  reject base ids of profile-only models like the service\n"
                + "  --knowledge-base ID=FOLDER  a knowledge base over the .md/.txt files of FOLDER (repeatable)\n"
                + "  --ingestion-delay-ms N      ingestion jobs: STARTING and IN_PROGRESS time each (default 100)\n"
                + "  --guardrail ID=FILE         a guardrail from a CreateGuardrail request body (repeatable)\n"
                + "  --pt-ready-ms N             provisioned throughput: Creating/Updating time (default 1000)\n"
                + "  --model-unit-quota N        provisioned throughput: model units in all (default 10)\n"
                + "  --account-id N              12-digit account id in ARNs (default 123456789012)\n"
                + "  --strict-auth AK:SECRET     strict mode: verify SigV4 against this key pair (repeatable)\n"
                + "  --api-key KEY               strict mode: accept Authorization: Bearer KEY (repeatable)\n"
                + "  --fault JSON                a fault (or array of faults) armed from the start (repeatable)");
    }
}
