package dev.camelbedrock.benchmarks.subject;

import java.net.URI;
import java.time.Duration;

import dev.camelbedrock.benchmarks.load.AsyncCall;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.Message;

/**
 * The baseline: the AWS SDK's {@code BedrockRuntimeAsyncClient}, used directly, built the way the component builds
 * its own (Netty client, the same maxConcurrency, timeouts and protocol, the SDK's default retry policy), so that the
 * only difference in a comparison is Camel and the component.
 */
public final class RawSdk implements Subject {

    private final BedrockRuntimeAsyncClient client;
    private final String prompt;

    /** {@code httpProtocol} null: the SDK's default for bedrock-runtime, as the component leaves it when unset. */
    public RawSdk(URI endpoint, String httpProtocol, int maxConcurrency, String prompt) {
        NettyNioAsyncHttpClient.Builder http = NettyNioAsyncHttpClient.builder()
                .maxConcurrency(maxConcurrency)
                .connectionTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofMinutes(10));
        if (httpProtocol != null) {
            http.protocol(Protocol.valueOf(httpProtocol));
        }
        this.client = BedrockRuntimeAsyncClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(Bench.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(Bench.ACCESS_KEY, Bench.SECRET_KEY)))
                .httpClientBuilder(http)
                .build();
        this.prompt = prompt;
    }

    /** Converse with the prompt; the reply text is read as a user would. */
    @Override
    public AsyncCall call() {
        return done -> client.converse(ConverseRequest.builder().modelId(Bench.MODEL).messages(user(prompt)).build())
                .whenComplete((response, failure) -> {
                    if (failure == null) {
                        response.output().message().content().get(0).text();
                    }
                    done.done(failure);
                });
    }

    /** ConverseStream with the prompt: each text delta goes to {@code sink} and is appended to the call's text. */
    public AsyncCall stream(DeltaSink sink) {
        return done -> {
            StringBuilder text = new StringBuilder();
            int[] index = {0};
            ConverseStreamResponseHandler handler = ConverseStreamResponseHandler.builder()
                    .subscriber(ConverseStreamResponseHandler.Visitor.builder()
                            .onContentBlockDelta(e -> {
                                String delta = e.delta().text();
                                if (delta != null) {
                                    sink.delta(delta, index[0]++);
                                    text.append(delta);
                                }
                            })
                            .build())
                    .build();
            client.converseStream(ConverseStreamRequest.builder().modelId(Bench.MODEL).messages(user(prompt)).build(),
                    handler).whenComplete((v, failure) -> done.done(failure));
        };
    }

    private static Message user(String text) {
        return Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText(text)).build();
    }

    @Override
    public void close() {
        client.close();
    }
}
