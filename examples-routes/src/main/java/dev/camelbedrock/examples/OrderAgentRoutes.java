package dev.camelbedrock.examples;

import org.apache.camel.builder.RouteBuilder;

/**
 * The Java DSL twin of routes/order-agent.camel.yaml: the tools get_order_status and initiate_cancellation, and an
 * agent route whose converse endpoint runs the tool loop over the tools tagged {@code orders}. Tool names are unique in
 * a CamelContext, so the twin runs in a context of its own.
 */
public class OrderAgentRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("bedrock-tool:get_order_status?tags=orders"
             + "&description=Look up the status of an order by its id. Call it before acting on an order."
             + "&parameter.order_id=string&parameter.order_id.description=The order id, ORD- followed by six digits"
             + "&parameter.order_id.required=true")
                .routeId("java-tool-get-order-status")
                .choice()
                    .when(simple("${header.order_id} == 'ORD-000001'"))
                        .setBody(simple("Order ${header.order_id} has SHIPPED on 2026-12-01 (tracking 1Z999AA10123456784)."))
                    .otherwise()
                        .setBody(simple("Order ${header.order_id} is PROCESSING: it has not shipped yet."));

        from("bedrock-tool:initiate_cancellation?tags=orders"
             + "&description=Request the cancellation of an order that has not shipped yet."
             + "&parameter.order_id=string&parameter.order_id.required=true"
             + "&parameter.reason=string&parameter.reason.enum=customer_request,duplicate,other")
                .routeId("java-tool-initiate-cancellation")
                .setBody(simple("{\"order_id\":\"${header.order_id}\",\"status\":\"CANCELLATION_REQUESTED\"}"));

        from("direct:java-order-agent").routeId("java-order-agent")
                .to("bedrock:converse?modelId={{bedrock.chat-model}}"
                    + "&systemPrompt=You are an order support agent. Check an order with the tools before you act on it."
                    + "&toolTags=orders&maxToolRounds=5"
                    + "&guardrailIdentifier={{?bedrock.agent-guardrail-id}}&guardrailVersion={{?bedrock.agent-guardrail-version}}")
                .log("Order agent (${header.CamelBedrockToolRounds} tool rounds, ${header.CamelBedrockTotalTokens} tokens): ${body}");
    }
}
