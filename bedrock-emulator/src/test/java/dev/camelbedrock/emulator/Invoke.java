package dev.camelbedrock.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamResponseHandler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** InvokeModel helpers over the real SDK: JSON bodies in, parsed answers and decoded stream chunks out. */
final class Invoke {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Invoke() {
    }

    /** A non-streaming answer: parsed body plus the raw response (headers). */
    static final class Answer {
        final InvokeModelResponse response;
        final JsonNode json;

        Answer(InvokeModelResponse response) {
            this.response = response;
            this.json = parse(response.body().asByteArray());
        }

        String header(String name) {
            return response.sdkHttpResponse().firstMatchingHeader(name).orElse(null);
        }
    }

    /** A streamed answer: every chunk's decoded inner JSON, in order. */
    static final class Streamed {
        final List<JsonNode> chunks = new CopyOnWriteArrayList<>();
        volatile InvokeModelWithResponseStreamResponse response;
        volatile Throwable error;

        JsonNode last() {
            return chunks.get(chunks.size() - 1);
        }
    }

    static Answer invoke(BedrockRuntimeAsyncClient client, String modelId, String body) {
        return invoke(client, modelId, body, b -> { });
    }

    /** With more request members, e.g. the guardrail identifier, version and trace. */
    static Answer invoke(BedrockRuntimeAsyncClient client, String modelId, String body,
                         Consumer<InvokeModelRequest.Builder> more) {
        return new Answer(Sdk.join(client.invokeModel(b -> more.accept(b.modelId(modelId)
                .body(SdkBytes.fromUtf8String(body))))));
    }

    static Answer invoke(BedrockRuntimeAsyncClient client, String modelId, JsonNode body) {
        return invoke(client, modelId, body.toString());
    }

    static Streamed stream(BedrockRuntimeAsyncClient client, String modelId, String body) {
        return stream(client, b -> b.modelId(modelId).body(SdkBytes.fromUtf8String(body)));
    }

    static Streamed stream(BedrockRuntimeAsyncClient client, Consumer<InvokeModelWithResponseStreamRequest.Builder> req) {
        return stream(client, req, new Streamed());
    }

    /** Like {@link #stream}, but a failure is kept in {@code error} with the chunks received before it. */
    static Streamed streamUntilError(BedrockRuntimeAsyncClient client, String modelId, String body) {
        Streamed s = new Streamed();
        try {
            stream(client, b -> b.modelId(modelId).body(SdkBytes.fromUtf8String(body)), s);
        } catch (RuntimeException e) {
            s.error = e;
        }
        return s;
    }

    private static Streamed stream(BedrockRuntimeAsyncClient client,
                                   Consumer<InvokeModelWithResponseStreamRequest.Builder> req, Streamed s) {
        InvokeModelWithResponseStreamResponseHandler handler = InvokeModelWithResponseStreamResponseHandler.builder()
                .onResponse(r -> s.response = r)
                .subscriber(InvokeModelWithResponseStreamResponseHandler.Visitor.builder()
                        .onChunk(c -> s.chunks.add(parse(c.bytes().asByteArray())))
                        .build())
                .onError(t -> s.error = t)
                .build();
        Sdk.join(client.invokeModelWithResponseStream(InvokeModelWithResponseStreamRequest.builder()
                .applyMutation(req).build(), handler));
        return s;
    }

    static JsonNode parse(byte[] bytes) {
        try {
            return MAPPER.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
