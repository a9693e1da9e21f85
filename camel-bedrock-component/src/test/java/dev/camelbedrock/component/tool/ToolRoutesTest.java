package dev.camelbedrock.component.tool;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelbedrock.component.CauseMessages;
import dev.camelbedrock.component.support.JsonDocuments;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.catalog.DefaultCamelCatalog;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** bedrock-tool: routes register as tools with the schema their options describe, and run calls as exchanges. */
class ToolRoutesTest {

    @Test
    void aJavaRouteIsAToolWithTheSchemaOfItsParameters() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("bedrock-tool:get_order_status?tags=orders,support&description=Status of an order"
                         + "&parameter.order_id=string&parameter.order_id.description=ORD-XXXXXX&parameter.order_id.required=true"
                         + "&parameter.detail=string&parameter.detail.enum=short,full")
                            .setBody(simple("${header.order_id} is SHIPPED (${body[detail]})"));
                }
            });
            context.start();
            RouteTool tool = BedrockToolRegistry.of(context).find("get_order_status");
            assertThat(tool).isNotNull();
            assertThat(tool.tags()).containsExactlyInAnyOrder("orders", "support");
            assertThat(tool.description()).isEqualTo("Status of an order");
            assertThat(tool.inputSchema()).isEqualTo(JsonDocuments.parse("{\"type\":\"object\",\"properties\":{"
                    + "\"detail\":{\"type\":\"string\",\"enum\":[\"short\",\"full\"]},"
                    + "\"order_id\":{\"type\":\"string\",\"description\":\"ORD-XXXXXX\"}},\"required\":[\"order_id\"]}"));
            assertThat(tool.violations(JsonDocuments.parse("{\"detail\":\"long\"}"))).hasSize(2);
            assertThat(tool.violations(JsonDocuments.parse("{\"order_id\":\"ORD-1\",\"detail\":\"full\"}"))).isEmpty();

            Object result = tool.runner().run("tooluse_1", Map.of("order_id", "ORD-1", "detail", "full")).get(5, TimeUnit.SECONDS);
            assertThat(result).isEqualTo("ORD-1 is SHIPPED (full)");
            assertThat(BedrockToolRegistry.of(context).select(java.util.List.of("support"), java.util.List.of()))
                    .extracting(RouteTool::name).containsExactly("get_order_status");

            context.getRouteController().stopRoute(context.getRoutes().get(0).getRouteId());
            assertThat(BedrockToolRegistry.of(context).find("get_order_status")).as("unregistered when the route stops").isNull();
        }
    }

    @Test
    void aYamlRouteIsAToolAndItsFailureReachesTheCaller() throws Exception {
        String yaml = """
                - route:
                    from:
                      uri: bedrock-tool:initiate_cancellation
                      parameters:
                        tags: orders
                        description: Cancel an order
                        parameter.order_id: string
                        parameter.order_id.required: true
                        returnDirect: true
                      steps:
                        - throwException:
                            exceptionType: java.lang.IllegalStateException
                            message: "order ${header.order_id} has already shipped"
                - route:
                    from:
                      uri: bedrock-tool:create_order
                      parameters:
                        tags: orders
                        inputSchema: classpath:schemas/create-order.schema.json
                      steps:
                        - setBody:
                            simple: "${body[customer][id]}"
                """;
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            PluginHelper.getRoutesLoader(context).loadRoutes(ResourceHelper.fromString("tools.camel.yaml", yaml));
            context.start();
            RouteTool cancel = BedrockToolRegistry.of(context).find("initiate_cancellation");
            assertThat(cancel.returnDirect()).isTrue();
            assertThatThrownBy(() -> cancel.runner().run("t1", Map.of("order_id", "ORD-7")).get(5, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(IllegalStateException.class).hasMessageContaining("order ORD-7 has already shipped");

            RouteTool create = BedrockToolRegistry.of(context).find("create_order");
            assertThat(create.inputSchema().at("/properties/items/items/required").toString()).isEqualTo("[\"sku\",\"qty\"]");
            assertThat(create.violations(JsonDocuments.parse("{\"customer\":{\"id\":\"C1\"},\"items\":[{\"sku\":\"A\",\"qty\":0}]}")))
                    .singleElement().asString().contains("qty");
            Object id = create.runner().run("t2", Map.of("customer", Map.of("id", "C1"), "items", java.util.List.of()))
                    .get(5, TimeUnit.SECONDS);
            assertThat(id).isEqualTo("C1");
        }
    }

    @Test
    void badToolRoutesFailWhenTheyStart() throws Exception {
        assertStartFails("bedrock-tool:get order?description=x", "tool name 'get order' is not accepted by Bedrock");
        assertStartFails("bedrock-tool:t1?parameter.id=uuid", "parameter.id=uuid, which is not a JSON Schema type; accepted: string,"
                + " integer, number, boolean, array, object");
        assertStartFails("bedrock-tool:t1?parameter.id.description=x", "describes parameter 'id' but has no parameter.id=<type>");
        assertStartFails("bedrock-tool:t1?parameter.id=string&parameter.id.requird=true", "parameter.id.requird; accepted after");
        assertStartFails("bedrock-tool:t1?parameter.n=integer&parameter.n.enum=1,two", "enum value 'two' which is not of type integer");
        assertStartFails("bedrock-tool:t1?inputSchema={\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"strin\"}}}",
                "is not a valid JSON Schema");
        assertStartFails("bedrock-tool:t1?inputSchema={\"type\":\"array\"}", "must describe an object");
        assertStartFails("bedrock-tool:t1?inputSchema=classpath:nope.json", "names resource 'classpath:nope.json' which cannot be read");
        assertStartFails("bedrock-tool:t1?inputSchema={\"type\":\"object\"}&parameter.a=string", "both inputSchema and parameter");
    }

    @Test
    void twoRoutesCannotBeTheSameTool() throws Exception {
        DefaultCamelContext context = new DefaultCamelContext();
        assertThatThrownBy(() -> {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("bedrock-tool:lookup?description=first").setBody(constant("1"));
                    from("bedrock-tool:lookup?description=second").setBody(constant("2"));
                }
            });
            context.start();
        }).satisfies(e -> assertThat(CauseMessages.of(e)).contains("two routes are the tool 'lookup'"));
        context.close();
    }

    @Test
    void theSecondDescriptorIsInTheCatalogAndValidatesToolUris() throws Exception {
        String json;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/dev/camelbedrock/component/tool/bedrock-tool.json")) {
            assertThat(in).as("generated bedrock-tool descriptor").isNotNull();
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        JsonNode root = JsonDocuments.parse(json);
        assertThat(root.at("/component/consumerOnly").asBoolean()).isTrue();
        assertThat(root.at("/properties/parameters/prefix").asText()).isEqualTo("parameter.");
        var catalog = new DefaultCamelCatalog();
        catalog.addComponent("bedrock-tool", BedrockToolComponent.class.getName(), json);
        assertThat(catalog.validateEndpointProperties("bedrock-tool:get_order_status?tags=orders&description=x"
                + "&parameter.order_id=string&parameter.order_id.required=true&returnDirect=true").isSuccess()).isTrue();
        assertThat(catalog.validateEndpointProperties("bedrock-tool:x?tagz=orders").getUnknown()).contains("tagz");
    }

    private static void assertStartFails(String uri, String message) throws Exception {
        DefaultCamelContext context = new DefaultCamelContext();
        assertThatThrownBy(() -> {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri).setBody(constant("x"));
                }
            });
            context.start();
        }).satisfies(e -> assertThat(CauseMessages.of(e)).as(uri).contains(message));
        context.close();
    }

}
