package dev.camelbedrock.component.throughput;

import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import dev.camelbedrock.component.options.EndpointOptions;
import dev.camelbedrock.component.operation.EndpointContext;
import dev.camelbedrock.component.BedrockHeaders;
import dev.camelbedrock.component.error.BedrockInputException;
import dev.camelbedrock.component.support.ExchangeOptions;
import dev.camelbedrock.component.support.Waiting;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the provisioned-throughput operations share: which throughput an exchange names, name checks, reading one
 * (and, with waitForCompletion, waiting until it is InService or Failed), and the result headers.
 */
final class ProvisionedThroughputs {

    private static final Logger LOG = LoggerFactory.getLogger(ProvisionedThroughputs.class);
    private static final Pattern NAME = Pattern.compile("([0-9a-zA-Z][_-]?){1,63}");

    private final EndpointContext endpoint;

    ProvisionedThroughputs(EndpointContext endpoint) {
        this.endpoint = endpoint;
    }

    EndpointOptions config() {
        return endpoint.getConfiguration();
    }

    /** The name or ARN of the throughput to get, update or delete. */
    String id(ExchangeOptions opts) {
        return opts.required(BedrockHeaders.PROVISIONED_MODEL_ID, config().getProvisionedModelId(), "provisionedModelId",
                "provisioned throughput (its name or ARN)");
    }

    static String checkName(String name, String operation) {
        if (name.length() > 63 || !NAME.matcher(name).matches()) {
            throw new BedrockInputException(operation, null, "provisionedModelName '" + name + "' is not a valid name; accepted: 1 to 63"
                    + " letters or digits, optionally with single - or _ between them");
        }
        return name;
    }

    /** The pollInterval and waitTimeout when waitForCompletion is on, else null. */
    Waiting.Settings waitSettings(String operation) {
        return config().isWaitForCompletion() ? Waiting.settings(config(), operation) : null;
    }

    /** Reads the throughput once; with {@code wait}, again every pollInterval until it is InService or Failed. */
    CompletableFuture<BedrockProvisionedThroughput> read(String id, Waiting.Settings wait, String operation) {
        if (wait == null) {
            return get(id);
        }
        return Waiting.until(() -> get(id), ProvisionedThroughputs::status, "provisioned throughput " + id, operation, wait, LOG);
    }

    private CompletableFuture<BedrockProvisionedThroughput> get(String id) {
        return endpoint.controlPlaneClient().getProvisionedModelThroughput(r -> r.provisionedModelId(id))
                .thenApply(BedrockProvisionedThroughput::of);
    }

    static Waiting.Status status(BedrockProvisionedThroughput pt) {
        return switch (pt.status()) {
            case "InService" -> Waiting.Status.succeeded(pt.status());
            case "Failed" -> Waiting.Status.failed(pt.status(), pt.failureMessage());
            default -> Waiting.Status.pending(pt.status());
        };
    }

    static void apply(Exchange exchange, BedrockProvisionedThroughput pt) {
        var message = exchange.getMessage();
        message.setBody(pt);
        message.setHeader(BedrockHeaders.PROVISIONED_MODEL_ARN, pt.arn());
        message.setHeader(BedrockHeaders.PROVISIONED_MODEL_STATUS, pt.status());
    }
}
