package dev.camelbedrock.component.support;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.error.BedrockInputException;
import org.apache.camel.Exchange;

/**
 * Idempotency tokens for calls that must not happen twice (buying provisioned throughput, starting an ingestion job).
 * The SDK would send a random token, so a retried exchange would buy again; these come from the exchange instead.
 */
public final class ClientTokens {

    private ClientTokens() {
    }

    /**
     * The CamelBedrockClientRequestToken header when set (1-256 characters), else a name-based UUID of the operation,
     * the exchange id and {@code discriminator} (what tells two such calls of one exchange apart, e.g. the name).
     * Camel's error-handler redelivery keeps the exchange and its id, so it sends the same token; a message that enters
     * the route again as a new exchange (a broker redelivery) needs the header, e.g. set from the message id.
     */
    public static String of(Exchange exchange, ExchangeOptions opts, String operation, String discriminator) {
        String given = opts.string(BedrockHeaders.CLIENT_REQUEST_TOKEN, null);
        if (given != null) {
            if (given.isBlank() || given.length() > 256) {
                throw new BedrockInputException(operation, null, "header " + BedrockHeaders.CLIENT_REQUEST_TOKEN + " has "
                        + given.length() + " characters; accepted: 1 to 256, not blank");
            }
            return given;
        }
        String seed = "camel-bedrock/" + operation + "/" + exchange.getExchangeId() + "/" + discriminator;
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
