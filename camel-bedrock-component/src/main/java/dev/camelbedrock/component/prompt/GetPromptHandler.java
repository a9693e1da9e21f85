package dev.camelbedrock.component.prompt;

import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.error.BedrockInputException;
import dev.camelbedrock.component.operation.BedrockCall;
import dev.camelbedrock.component.operation.BedrockOperationHandler;
import dev.camelbedrock.component.operation.EndpointContext;
import dev.camelbedrock.component.support.ExchangeOptions;
import org.apache.camel.Exchange;
import software.amazon.awssdk.services.bedrockagent.model.GetPromptRequest;

/**
 * {@code bedrock:getPrompt}: reads a managed prompt (the promptIdentifier option or header, an id or ARN; promptVersion
 * for a version, else the draft), for routes that render its template themselves. Out: the GetPromptResponse (variants
 * with their templates, model and inference configuration); its ARN and version in headers.
 */
public class GetPromptHandler implements BedrockOperationHandler {

    static final Pattern IDENTIFIER = Pattern.compile("([0-9a-zA-Z]{10})|(arn:aws(-[^:]+)?:bedrock:[a-z0-9-]+:[0-9]{12}:prompt/[0-9a-zA-Z]{10}(:[0-9]{1,5})?)");
    static final Pattern VERSION = Pattern.compile("[0-9]{1,5}|DRAFT");

    private final EndpointContext endpoint;

    public GetPromptHandler(EndpointContext endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public CompletableFuture<?> handle(Exchange exchange, BedrockCall call) {
        String operation = call.operation();
        ExchangeOptions opts = new ExchangeOptions(exchange, operation);
        String id = opts.required(BedrockHeaders.PROMPT_IDENTIFIER, endpoint.getConfiguration().getPromptIdentifier(),
                "promptIdentifier", "prompt id or ARN");
        if (!IDENTIFIER.matcher(id).matches()) {
            throw new BedrockInputException(operation, null, "promptIdentifier is '" + id + "'; accepted: a prompt id (10 letters or"
                    + " digits) or a prompt ARN");
        }
        String version = opts.string(BedrockHeaders.PROMPT_VERSION, endpoint.getConfiguration().getPromptVersion());
        if (version != null && !VERSION.matcher(version).matches()) {
            throw new BedrockInputException(operation, null, "promptVersion is '" + version + "'; accepted: a version number or DRAFT");
        }
        return endpoint.agentClient().getPrompt(GetPromptRequest.builder().promptIdentifier(id).promptVersion(version).build())
                .thenAccept(response -> {
                    exchange.getMessage().setBody(response);
                    exchange.getMessage().setHeader(BedrockHeaders.PROMPT_ARN, response.arn());
                    exchange.getMessage().setHeader(BedrockHeaders.PROMPT_VERSION, response.version());
                    exchange.getMessage().setHeader(BedrockHeaders.REQUEST_ID, response.responseMetadata().requestId());
                });
    }
}
