package dev.camelbedrock.examples;

import org.apache.camel.builder.RouteBuilder;

/** A streaming chat route in Java DSL: each text delta is handled while the model is still writing. */
public class StreamingChatRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:java-stream").routeId("java-streaming-chat")
                .to("bedrock:converseStream?modelId={{bedrock.chat-model}}&maxTokens=300")
                .split(body()).streaming()
                    .process(e -> {
                        System.out.print(e.getMessage().getBody(String.class));
                        System.out.flush();
                    })
                .end()
                .process(e -> System.out.println())
                .log("Java streaming chat finished: stop reason ${header.CamelBedrockStopReason},"
                     + " ${header.CamelBedrockOutputTokens} output tokens");
    }
}
