package dev.camelbedrock.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrock.BedrockAsyncClient;
import software.amazon.awssdk.services.bedrockagent.BedrockAgentAsyncClient;
import software.amazon.awssdk.services.bedrockagentruntime.BedrockAgentRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.CountTokensInput;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailContentBlock;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import static dev.camelbedrock.emulator.Sdk.CREDENTIALS;
import static dev.camelbedrock.emulator.Sdk.HAIKU;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks the emulator's shape tables (derived from the service models) and sends, for a sample of operations of the
 * four services, one request per constraint the walk meets in a valid request — below a minimum, above a maximum,
 * outside a pattern or an enum, a required member missing, a value of the wrong JSON type — through the AWS SDK
 * for Java (an interceptor replaces the SDK's serialised body, so no client-side check stands in between), and
 * expects the service's answer for each: 400 and its ValidationException message naming the member's path and the
 * constraint, or SerializationException for a wrong type. No rejected request changes the emulator's state.
 */
class ShapeConstraintsTest {

    enum Kind { BELOW_MIN, ABOVE_MAX, PATTERN, ENUM, REQUIRED, WRONG_TYPE }

    /** One request breaking one constraint, and the answer expected for it. */
    record Case(String operation, String path, Kind kind, JsonNode body, String code, String expected) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final List<String> PATTERN_BREAKERS = List.of("!!", " x ", "\u00e9\u00e9", "--", "0", "a", "a:b");

    static BedrockEmulator emulator;
    static final BodySwap SWAP = new BodySwap();
    static BedrockRuntimeAsyncClient runtime;
    static BedrockAsyncClient controlPlane;
    static BedrockAgentAsyncClient agent;
    static BedrockAgentRuntimeAsyncClient agentRuntime;

    @BeforeAll
    static void start() {
        emulator = BedrockEmulator.builder().build().start();
        runtime = BedrockRuntimeAsyncClient.builder().endpointOverride(emulator.uri()).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).overrideConfiguration(o -> o.addExecutionInterceptor(SWAP)
                        .retryStrategy(AwsRetryStrategy.doNotRetry())).build();
        controlPlane = BedrockAsyncClient.builder().endpointOverride(emulator.uri()).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).overrideConfiguration(o -> o.addExecutionInterceptor(SWAP)
                        .retryStrategy(AwsRetryStrategy.doNotRetry())).build();
        agent = BedrockAgentAsyncClient.builder().endpointOverride(emulator.uri()).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).overrideConfiguration(o -> o.addExecutionInterceptor(SWAP)
                        .retryStrategy(AwsRetryStrategy.doNotRetry())).build();
        agentRuntime = BedrockAgentRuntimeAsyncClient.builder().endpointOverride(emulator.uri())
                .region(Region.US_EAST_1).credentialsProvider(CREDENTIALS).overrideConfiguration(o -> o
                        .addExecutionInterceptor(SWAP).retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    @AfterAll
    static void stop() {
        runtime.close();
        controlPlane.close();
        agent.close();
        agentRuntime.close();
        emulator.close();
    }

    @Test
    void everyConstraintOfTheSampledOperationsIsAnsweredAsTheServiceDoes() throws Exception {
        List<Case> cases = new ArrayList<>();
        cases.addAll(send("bedrock-runtime", "Converse", """
                {"messages":[{"role":"user","content":[{"text":"hi"},{"document":{"name":"notes","format":"txt",
                  "source":{"s3Location":{"uri":"s3://bucket/notes.txt"}}}}]}],
                 "system":[{"text":"be brief"}],
                 "inferenceConfig":{"maxTokens":100,"temperature":0.5,"topP":0.9,"stopSequences":["END"]},
                 "toolConfig":{"tools":[{"toolSpec":{"name":"calc","description":"adds",
                   "inputSchema":{"json":{"type":"object"}}}}],"toolChoice":{"tool":{"name":"calc"}}},
                 "guardrailConfig":{"guardrailIdentifier":"abc","guardrailVersion":"1","trace":"enabled"},
                 "requestMetadata":{"team":"a"},"additionalModelResponseFieldPaths":["/stop_sequence"],
                 "performanceConfig":{"latency":"standard"},"serviceTier":{"type":"default"}}""",
                () -> runtime.converse(b -> b.modelId(HAIKU).messages(Sdk.user("hi")))));
        cases.addAll(send("bedrock-runtime", "CountTokens", """
                {"input":{"converse":{"messages":[{"role":"user","content":[{"text":"hi"}]}],
                  "system":[{"text":"be brief"}]}}}""",
                () -> runtime.countTokens(b -> b.modelId(HAIKU).input(CountTokensInput.fromConverse(c -> c
                        .messages(Sdk.user("hi")))))));
        cases.addAll(send("bedrock-runtime", "ApplyGuardrail", """
                {"source":"INPUT","outputScope":"INTERVENTIONS",
                 "content":[{"text":{"text":"hello","qualifiers":["query"]}}]}""",
                () -> runtime.applyGuardrail(b -> b.guardrailIdentifier("abc").guardrailVersion("1")
                        .source("INPUT").content(GuardrailContentBlock.fromText(t -> t.text("hello"))))));
        cases.addAll(send("bedrock-agent-runtime", "Retrieve", """
                {"retrievalQuery":{"text":"q"},"retrievalConfiguration":{"vectorSearchConfiguration":
                  {"numberOfResults":5,"overrideSearchType":"HYBRID"}},"nextToken":"abc"}""",
                () -> agentRuntime.retrieve(b -> b.knowledgeBaseId("ABCDEFGHIJ").retrievalQuery(q -> q.text("q")))));
        cases.addAll(send("bedrock-agent-runtime", "RetrieveAndGenerate", """
                {"input":{"text":"q"},"sessionId":"session-1","retrieveAndGenerateConfiguration":{"type":"KNOWLEDGE_BASE",
                  "knowledgeBaseConfiguration":{"knowledgeBaseId":"ABCDEFGHIJ","modelArn":"%s",
                   "generationConfiguration":{"inferenceConfig":{"textInferenceConfig":
                    {"temperature":0.5,"topP":0.5,"maxTokens":100,"stopSequences":["x"]}}}}}}""".formatted(HAIKU),
                () -> agentRuntime.retrieveAndGenerate(b -> b.input(i -> i.text("q")))));
        cases.addAll(send("bedrock", "CreateProvisionedModelThroughput", """
                {"modelUnits":1,"provisionedModelName":"pm-1","modelId":"%s","commitmentDuration":"OneMonth",
                 "clientRequestToken":"token-1","tags":[{"key":"team","value":"a"}]}""".formatted(HAIKU),
                () -> controlPlane.createProvisionedModelThroughput(b -> b.modelUnits(1)
                        .provisionedModelName("pm-1").modelId(HAIKU))));
        cases.addAll(send("bedrock-agent", "StartIngestionJob", """
                {"clientToken":"abcdefghijklmnopqrstuvwxyz0123456789","description":"nightly"}""",
                () -> agent.startIngestionJob(b -> b.knowledgeBaseId("ABCDEFGHIJ").dataSourceId("ABCDEFGHIJ"))));

        EnumSet<Kind> seen = EnumSet.noneOf(Kind.class);
        cases.forEach(c -> seen.add(c.kind()));
        assertThat(seen).as("kinds of constraint met by the walk").containsExactlyInAnyOrder(Kind.values());
        assertThat(cases).hasSizeGreaterThan(100);
        // no rejected request changed the emulator's state
        assertThat(controlPlane.listProvisionedModelThroughputs(b -> { }).join().provisionedModelSummaries())
                .isEmpty();
    }

    /** Walks the operation's input shape over a valid body, sends every mutation and checks every answer. */
    private static List<Case> send(String service, String operation, String validBody, Supplier<CompletableFuture<?>> call)
            throws Exception {
        JsonNode table = table(service);
        JsonNode shapes = table.get("shapes");
        String input = table.get("operations").get(operation).get("input").asText();
        ObjectNode body = (ObjectNode) JSON.readTree(validBody);
        List<Case> cases = new ArrayList<>();
        walk(operation, shapes, input, body, body, "", cases);
        for (Case c : cases) {
            SWAP.body = JSON.writeValueAsBytes(c.body());
            AwsServiceException e = failure(call.get());
            assertThat(e).as("%s %s %s: %s", operation, c.kind(), c.path(), c.body()).isNotNull();
            assertThat(e.statusCode()).as("%s %s at %s", operation, c.kind(), c.path()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).as("%s %s at %s: %s", operation, c.kind(), c.path(),
                    e.awsErrorDetails().errorMessage()).isEqualTo(c.code());
            if (c.expected() != null) {
                assertThat(e.awsErrorDetails().errorMessage()).as("%s %s at %s", operation, c.kind(), c.path())
                        .contains(c.expected());
            }
        }
        SWAP.body = null;
        return cases;
    }

    /** Adds the mutations of {@code node} (of shape {@code shapeName}, at {@code path} inside {@code root}). */
    private static void walk(String op, JsonNode shapes, String shapeName, JsonNode node, ObjectNode root, String path,
                             List<Case> out) {
        JsonNode shape = shapes.get(shapeName);
        String type = shape.get("type").asText();
        if (!path.isEmpty()) {
            JsonNode wrong = switch (type) {
                case "string", "blob", "timestamp" -> F.objectNode();
                case "structure" -> shape.path("document").asBoolean() ? null : F.textNode("x");
                case "list", "map" -> F.textNode("x");
                default -> F.textNode("x");
            };
            if (wrong != null) {
                out.add(mutation(op, root, path, Kind.WRONG_TYPE, wrong, "SerializationException", null));
            }
        }
        switch (type) {
            case "structure" -> {
                if (shape.path("document").asBoolean()) {
                    return;
                }
                for (JsonNode r : shape.path("required")) {
                    if (node.has(r.asText()) && !shape.get("members").get(r.asText()).has("location")) {
                        String at = join(path, r.asText());
                        out.add(mutation(op, root, at, Kind.REQUIRED, null, "ValidationException",
                                "Value null at '" + at + "' failed to satisfy constraint: Member must not be null"));
                    }
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> f = it.next();
                    JsonNode member = shape.get("members").get(f.getKey());
                    walk(op, shapes, member.get("shape").asText(), f.getValue(), root, join(path, f.getKey()), out);
                }
            }
            case "list" -> {
                sizes(op, shape, node, root, path, out);
                for (int i = 0; i < node.size(); i++) {
                    walk(op, shapes, shape.get("member").asText(), node.get(i), root, path + "." + (i + 1) + ".member",
                            out);
                }
            }
            case "map" -> sizes(op, shape, node, root, path, out);
            case "string" -> string(op, shape, root, path, out);
            case "integer", "long", "float", "double" -> {
                if (shape.has("min")) {
                    BigDecimal below = shape.get("min").decimalValue().subtract(BigDecimal.ONE);
                    out.add(mutation(op, root, path, Kind.BELOW_MIN, F.numberNode(below), "ValidationException",
                            "at '" + path + "' failed to satisfy constraint: Member must have value greater than or "
                                    + "equal to " + number(shape.get("min"))));
                }
                if (shape.has("max")) {
                    BigDecimal above = shape.get("max").decimalValue().add(BigDecimal.ONE);
                    out.add(mutation(op, root, path, Kind.ABOVE_MAX, F.numberNode(above), "ValidationException",
                            "at '" + path + "' failed to satisfy constraint: Member must have value less than or "
                                    + "equal to " + number(shape.get("max"))));
                }
            }
            default -> {
            }
        }
    }

    private static void string(String op, JsonNode shape, ObjectNode root, String path, List<Case> out) {
        String at = "at '" + path + "' failed to satisfy constraint: ";
        if (shape.has("enum")) {
            out.add(mutation(op, root, path, Kind.ENUM, F.textNode("NOT_IN_THE_ENUM"), "ValidationException",
                    at + "Member must satisfy enum value set: ["));
            return;
        }
        long min = shape.path("min").asLong(0);
        long max = shape.path("max").asLong(Long.MAX_VALUE);
        if (min > 0) {
            out.add(mutation(op, root, path, Kind.BELOW_MIN, F.textNode("a".repeat((int) min - 1)),
                    "ValidationException", at + "Member must have length greater than or equal to " + min));
        }
        if (max <= 100_000) {
            out.add(mutation(op, root, path, Kind.ABOVE_MAX, F.textNode("a".repeat((int) max + 1)),
                    "ValidationException", at + "Member must have length less than or equal to " + max));
        }
        if (shape.has("pattern")) {
            Pattern p = Pattern.compile(shape.get("pattern").asText(), Pattern.DOTALL);
            for (String candidate : PATTERN_BREAKERS) {
                if (candidate.length() >= min && candidate.length() <= max && !p.matcher(candidate).matches()) {
                    out.add(mutation(op, root, path, Kind.PATTERN, F.textNode(candidate), "ValidationException",
                            at + "Member must satisfy regular expression pattern: " + shape.get("pattern").asText()));
                    return;
                }
            }
        }
    }

    private static void sizes(String op, JsonNode shape, JsonNode node, ObjectNode root, String path, List<Case> out) {
        String at = "at '" + path + "' failed to satisfy constraint: ";
        long min = shape.path("min").asLong(0);
        if (min > 0 && min <= 50 && node.size() >= 1) {
            out.add(mutation(op, root, path, Kind.BELOW_MIN, resized(node, (int) min - 1), "ValidationException",
                    at + "Member must have length greater than or equal to " + min));
        }
        if (shape.has("max") && shape.get("max").asLong() <= 50 && node.size() >= 1) {
            long max = shape.get("max").asLong();
            out.add(mutation(op, root, path, Kind.ABOVE_MAX, resized(node, (int) max + 1), "ValidationException",
                    at + "Member must have length less than or equal to " + max));
        }
    }

    /** A copy of a list or map with {@code size} entries (repeating its first one, keys made distinct). */
    private static JsonNode resized(JsonNode node, int size) {
        if (node.isArray()) {
            ArrayNode a = F.arrayNode();
            for (int i = 0; i < size; i++) {
                a.add(node.get(0).deepCopy());
            }
            return a;
        }
        ObjectNode o = F.objectNode();
        Map.Entry<String, JsonNode> first = node.fields().next();
        for (int i = 0; i < size; i++) {
            o.set(first.getKey() + (i == 0 ? "" : String.valueOf(i)), first.getValue().deepCopy());
        }
        return o;
    }

    /** The valid body with the value at {@code path} replaced ({@code null}: removed). */
    private static Case mutation(String op, ObjectNode root, String path, Kind kind, JsonNode value, String code,
                                 String expected) {
        ObjectNode copy = root.deepCopy();
        List<Object> steps = new ArrayList<>(); // field names and list indexes ("n.member")
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length; i++) {
            if (i + 1 < parts.length && "member".equals(parts[i + 1]) && parts[i].matches("[0-9]+")) {
                steps.add(Integer.parseInt(parts[i]) - 1);
                i++;
            } else {
                steps.add(parts[i]);
            }
        }
        JsonNode parent = copy;
        for (Object step : steps.subList(0, steps.size() - 1)) {
            parent = step instanceof Integer n ? parent.get(n) : parent.get((String) step);
        }
        Object last = steps.get(steps.size() - 1);
        if (last instanceof Integer n) {
            ((ArrayNode) parent).set(n, value);
        } else if (value == null) {
            ((ObjectNode) parent).remove((String) last);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
        return new Case(op, path, kind, copy, code, expected);
    }

    private static String join(String path, String member) {
        return path.isEmpty() ? member : path + "." + member;
    }

    private static String number(JsonNode n) {
        return n.isIntegralNumber() ? Long.toString(n.asLong()) : n.decimalValue().stripTrailingZeros().toPlainString();
    }

    private static JsonNode table(String service) throws Exception {
        try (InputStream in = ShapeConstraintsTest.class.getResourceAsStream(
                "/dev/camelbedrock/emulator/shapes/" + service + ".json")) {
            return JSON.readTree(in);
        }
    }

    private static AwsServiceException failure(CompletableFuture<?> f) {
        try {
            f.join();
            return null;
        } catch (CompletionException e) {
            return e.getCause() instanceof AwsServiceException a ? a : null;
        }
    }

    /** Replaces the body the SDK serialised (and its length) with the one under test. */
    static final class BodySwap implements ExecutionInterceptor {
        volatile byte[] body;

        @Override
        public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
            byte[] b = body;
            return b == null ? context.httpRequest() : context.httpRequest().toBuilder()
                    .putHeader("Content-Length", String.valueOf(b.length)).build();
        }

        @Override
        public Optional<AsyncRequestBody> modifyAsyncHttpContent(Context.ModifyHttpRequest context,
                                                                  ExecutionAttributes attributes) {
            byte[] b = body;
            return b == null ? context.asyncRequestBody() : Optional.of(AsyncRequestBody.fromBytes(b));
        }
    }
}
