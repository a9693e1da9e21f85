package dev.camelbedrock.emulator;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrock.BedrockAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.Message;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Real AWS SDK clients pointed at the emulator, and small helpers. */
final class Sdk {

    static final String HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";
    static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG"));

    private Sdk() {
    }

    /** The async runtime client with the SDK's DEFAULT HTTP client settings (Netty, HTTP/2 prior knowledge). */
    static BedrockRuntimeAsyncClient runtimeH2(URI endpoint) {
        return BedrockRuntimeAsyncClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** The async runtime client forced to HTTP/1.1. */
    static BedrockRuntimeAsyncClient runtimeH1(URI endpoint) {
        return BedrockRuntimeAsyncClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS)
                .httpClientBuilder(NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP1_1))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    static BedrockAsyncClient controlPlane(URI endpoint) {
        return BedrockAsyncClient.builder()
                .endpointOverride(endpoint)
                .region(Region.EU_WEST_1)
                .credentialsProvider(CREDENTIALS)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    static software.amazon.awssdk.services.bedrockagentruntime.BedrockAgentRuntimeAsyncClient agentRuntime(
            URI endpoint) {
        return software.amazon.awssdk.services.bedrockagentruntime.BedrockAgentRuntimeAsyncClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    static software.amazon.awssdk.services.bedrockagent.BedrockAgentAsyncClient agent(URI endpoint) {
        return software.amazon.awssdk.services.bedrockagent.BedrockAgentAsyncClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    static Message user(String text) {
        return Message.builder().role("user").content(ContentBlock.fromText(text)).build();
    }

    static Message assistant(String text) {
        return Message.builder().role("assistant").content(ContentBlock.fromText(text)).build();
    }

    static ConverseRequest converse(String modelId, String text) {
        return ConverseRequest.builder().modelId(modelId).messages(user(text)).build();
    }

    static ConverseStreamRequest converseStream(String modelId, String text) {
        return ConverseStreamRequest.builder().modelId(modelId).messages(user(text)).build();
    }

    static SdkBytes png() {
        return SdkBytes.fromByteArray(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13});
    }

    static <T> T join(CompletableFuture<T> f) {
        try {
            return f.get(120, TimeUnit.SECONDS); // generous: a loaded machine is slow, a hang still ends
        } catch (ExecutionException e) {
            Throwable t = e.getCause();
            while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
                t = t.getCause();
            }
            if (t instanceof RuntimeException) {
                throw (RuntimeException) t;
            }
            throw new CompletionException(t);
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Collects the events of a ConverseStream in order. */
    static final class StreamCollector {
        final List<ConverseStreamOutput> events = new CopyOnWriteArrayList<>();
        final CompletableFuture<Void> done = new CompletableFuture<>();
        volatile Throwable error;
        final ConverseStreamResponseHandler handler = ConverseStreamResponseHandler.builder()
                .subscriber(events::add)
                .onError(t -> error = t)
                .build();

        List<String> types() {
            return events.stream().map(e -> e.sdkEventType().toString()).toList();
        }
    }

    // ---- raw HTTP (admin API and shapes the SDK cannot produce) ----

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();

    static HttpResponse<String> http(String method, URI uri, String body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120));
            if (body == null) {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
            }
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
