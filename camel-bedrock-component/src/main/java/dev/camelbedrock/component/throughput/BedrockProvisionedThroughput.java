package dev.camelbedrock.component.throughput;

import java.time.Instant;

import software.amazon.awssdk.services.bedrock.model.GetProvisionedModelThroughputResponse;
import software.amazon.awssdk.services.bedrock.model.ProvisionedModelSummary;

/**
 * A provisioned throughput as createProvisionedThroughput and getProvisionedThroughput return it (the body), and
 * as listProvisionedThroughputs lists it. Use {@link #arn()} as the modelId of converse or invokeModel.
 *
 * @param name                     the provisioned model name
 * @param arn                      the provisioned model ARN
 * @param modelArn                 the model it serves
 * @param desiredModelArn          the model it is being moved to (same as modelArn unless Updating)
 * @param foundationModelArn       the foundation model underneath
 * @param modelUnits               the model units in service
 * @param desiredModelUnits        the model units asked for
 * @param status                   Creating, InService, Updating or Failed
 * @param commitmentDuration       OneMonth, SixMonths, or null for no commitment
 * @param commitmentExpirationTime when the commitment ends; null without one
 * @param creationTime             when it was bought
 * @param lastModifiedTime         when it last changed
 * @param failureMessage           why it failed, when status is Failed (get only)
 */
public record BedrockProvisionedThroughput(String name, String arn, String modelArn, String desiredModelArn,
                                           String foundationModelArn, Integer modelUnits, Integer desiredModelUnits, String status,
                                           String commitmentDuration, Instant commitmentExpirationTime, Instant creationTime,
                                           Instant lastModifiedTime, String failureMessage) {

    public static BedrockProvisionedThroughput of(GetProvisionedModelThroughputResponse r) {
        return new BedrockProvisionedThroughput(r.provisionedModelName(), r.provisionedModelArn(), r.modelArn(), r.desiredModelArn(),
                r.foundationModelArn(), r.modelUnits(), r.desiredModelUnits(), r.statusAsString(), r.commitmentDurationAsString(),
                r.commitmentExpirationTime(), r.creationTime(), r.lastModifiedTime(), r.failureMessage());
    }

    public static BedrockProvisionedThroughput of(ProvisionedModelSummary s) {
        return new BedrockProvisionedThroughput(s.provisionedModelName(), s.provisionedModelArn(), s.modelArn(), s.desiredModelArn(),
                s.foundationModelArn(), s.modelUnits(), s.desiredModelUnits(), s.statusAsString(), s.commitmentDurationAsString(),
                s.commitmentExpirationTime(), s.creationTime(), s.lastModifiedTime(), null);
    }
}
