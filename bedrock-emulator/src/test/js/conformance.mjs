// Talks to the Bedrock emulator through the official AWS SDK for JavaScript v3, with its default
// HTTP handler for bedrock-runtime (NodeHttp2Handler: h2c prior knowledge over http://).
// Prints one JSON document on stdout for the Java test to assert on.
import {
  BedrockRuntimeClient,
  ConverseCommand,
  ConverseStreamCommand,
  CountTokensCommand,
} from "@aws-sdk/client-bedrock-runtime";

const endpoint = process.env.EMULATOR_URL;
const client = new BedrockRuntimeClient({ endpoint, region: process.env.AWS_REGION, maxAttempts: 1 });
const model = "anthropic.claude-3-haiku-20240307-v1:0";
const out = {};

try {
  const c = await client.send(new ConverseCommand({
    modelId: model,
    system: [{ text: "You are terse." }],
    messages: [{ role: "user", content: [{ text: "hello from javascript" }] }],
    inferenceConfig: { maxTokens: 100, temperature: 0.5 },
  }));
  out.converse = {
    status: c.$metadata.httpStatusCode,
    requestId: c.$metadata.requestId,
    text: c.output.message.content[0].text,
    stopReason: c.stopReason,
    usage: c.usage,
    latencyMs: c.metrics.latencyMs,
  };

  const s = await client.send(new ConverseStreamCommand({
    modelId: "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us." + model,
    messages: [{ role: "user", content: [{ text: "stream this reply please" }] }],
  }));
  const events = [];
  let text = "";
  let usage = null;
  let stopReason = null;
  for await (const ev of s.stream) {
    const type = Object.keys(ev).find((k) => ev[k] !== undefined);
    events.push(type);
    if (ev.contentBlockDelta?.delta?.text) text += ev.contentBlockDelta.delta.text;
    if (ev.messageStop) stopReason = ev.messageStop.stopReason;
    if (ev.metadata) usage = ev.metadata.usage;
  }
  out.stream = { status: s.$metadata.httpStatusCode, events, text, stopReason, usage };

  const t = await client.send(new CountTokensCommand({
    modelId: model,
    input: { converse: { messages: [{ role: "user", content: [{ text: "count these words" }] }] } },
  }));
  out.countTokens = { inputTokens: t.inputTokens };

  try {
    await client.send(new ConverseCommand({
      modelId: model,
      messages: [{ role: "assistant", content: [{ text: "I start" }] }],
    }));
    out.validation = { name: "none" };
  } catch (e) {
    out.validation = { name: e.name, status: e.$metadata?.httpStatusCode, message: e.message };
  }
} catch (e) {
  out.fatal = { name: e.name, message: e.message, stack: e.stack };
} finally {
  client.destroy();
}
console.log(JSON.stringify(out));
