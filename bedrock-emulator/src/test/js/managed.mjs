// Knowledge bases, guardrails and provisioned throughput through the official AWS SDK for JavaScript v3, on an
// emulator process started with --knowledge-base and --guardrail. Prints one JSON document on stdout.
import { BedrockAgentRuntimeClient, RetrieveCommand, RetrieveAndGenerateCommand } from "@aws-sdk/client-bedrock-agent-runtime";
import { BedrockRuntimeClient, ApplyGuardrailCommand } from "@aws-sdk/client-bedrock-runtime";
import {
  BedrockClient,
  CreateProvisionedModelThroughputCommand,
  GetProvisionedModelThroughputCommand,
} from "@aws-sdk/client-bedrock";

const endpoint = process.env.EMULATOR_URL;
const region = process.env.AWS_REGION;
const kb = process.env.KB_ID;
const agentRuntime = new BedrockAgentRuntimeClient({ endpoint, region, maxAttempts: 1 });
const runtime = new BedrockRuntimeClient({ endpoint, region, maxAttempts: 1 });
const bedrock = new BedrockClient({ endpoint, region, maxAttempts: 1 });
const model = "anthropic.claude-3-haiku-20240307-v1:0";
const out = {};

try {
  const r = await agentRuntime.send(new RetrieveCommand({
    knowledgeBaseId: kb,
    retrievalQuery: { text: "how many days do I have to return an item" },
    retrievalConfiguration: { vectorSearchConfiguration: { numberOfResults: 2, overrideSearchType: "HYBRID" } },
  }));
  out.retrieve = {
    status: r.$metadata.httpStatusCode,
    count: r.retrievalResults.length,
    topUri: r.retrievalResults[0].location.s3Location.uri,
    topText: r.retrievalResults[0].content.text,
    topScore: r.retrievalResults[0].score,
    topCategory: r.retrievalResults[0].metadata.category,
    nextToken: r.nextToken ?? null,
  };

  const g = await agentRuntime.send(new RetrieveAndGenerateCommand({
    input: { text: "How long do refunds take?" },
    retrieveAndGenerateConfiguration: {
      type: "KNOWLEDGE_BASE",
      knowledgeBaseConfiguration: {
        knowledgeBaseId: kb,
        modelArn: `arn:aws:bedrock:${region}::foundation-model/${model}`,
      },
    },
  }));
  out.rag = {
    sessionId: g.sessionId,
    text: g.output.text,
    citations: g.citations.map((c) => ({
      text: c.generatedResponsePart.textResponsePart.text,
      start: c.generatedResponsePart.textResponsePart.span.start,
      end: c.generatedResponsePart.textResponsePart.span.end,
      uri: c.retrievedReferences[0].location.s3Location.uri,
    })),
  };

  const a = await runtime.send(new ApplyGuardrailCommand({
    guardrailIdentifier: "support1",
    guardrailVersion: "1",
    source: "INPUT",
    content: [{ text: { text: "Reach me at jane@example.com, my SSN is not here." } }],
  }));
  out.guardrail = {
    action: a.action,
    outputs: a.outputs.map((o) => o.text),
    pii: a.assessments[0].sensitiveInformationPolicy.piiEntities.map((p) => `${p.type}:${p.action}`),
  };

  const c = await bedrock.send(new CreateProvisionedModelThroughputCommand({
    provisionedModelName: "js-pt",
    modelId: model,
    modelUnits: 1,
  }));
  const p = await bedrock.send(new GetProvisionedModelThroughputCommand({ provisionedModelId: c.provisionedModelArn }));
  out.pt = {
    createStatus: c.$metadata.httpStatusCode,
    arn: c.provisionedModelArn,
    status: p.status,
    name: p.provisionedModelName,
    modelArn: p.modelArn,
    creationTimeIsDate: p.creationTime instanceof Date,
  };
} catch (e) {
  out.fatal = { name: e.name, message: e.message, stack: e.stack };
} finally {
  agentRuntime.destroy();
  runtime.destroy();
  bedrock.destroy();
}
console.log(JSON.stringify(out));
