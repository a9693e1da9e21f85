// Talks to the Bedrock emulator through the official AWS SDK for JavaScript v3, with its default
// HTTP handler for bedrock-runtime (NodeHttp2Handler: h2c prior knowledge over http://).
// Prints one JSON document on stdout for the Java test to assert on.
import {
  BedrockRuntimeClient,
  ConverseCommand,
  ConverseStreamCommand,
  CountTokensCommand,
  InvokeModelCommand,
  InvokeModelWithResponseStreamCommand,
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

  const utf8 = new TextDecoder();
  const claudeBody = (text) => JSON.stringify({
    anthropic_version: "bedrock-2023-05-31",
    max_tokens: 200,
    messages: [{ role: "user", content: text }],
  });

  const im = await client.send(new InvokeModelCommand({
    modelId: model,
    contentType: "application/json",
    accept: "application/json",
    body: claudeBody("invoke from javascript"),
  }));
  const imBody = JSON.parse(utf8.decode(im.body));
  out.invokeModel = {
    status: im.$metadata.httpStatusCode,
    contentType: im.contentType,
    type: imBody.type,
    role: imBody.role,
    text: imBody.content[0].text,
    stopReason: imBody.stop_reason,
    usage: imBody.usage,
  };

  const ims = await client.send(new InvokeModelWithResponseStreamCommand({
    modelId: model,
    contentType: "application/json",
    body: claudeBody("stream from javascript please"),
  }));
  const types = [];
  let streamed = "";
  let metrics = null;
  for await (const ev of ims.body) {
    if (ev.chunk) {
      const inner = JSON.parse(utf8.decode(ev.chunk.bytes));
      types.push(inner.type);
      if (inner.type === "content_block_delta") streamed += inner.delta.text;
      if (inner["amazon-bedrock-invocationMetrics"]) metrics = inner["amazon-bedrock-invocationMetrics"];
    }
  }
  out.invokeStream = { status: ims.$metadata.httpStatusCode, contentType: ims.contentType, types, text: streamed, metrics };

  const emb = await client.send(new InvokeModelCommand({
    modelId: "amazon.titan-embed-text-v2:0",
    body: JSON.stringify({ inputText: "embed from javascript", dimensions: 256, embeddingTypes: ["float", "binary"] }),
  }));
  const embBody = JSON.parse(utf8.decode(emb.body));
  const norm = Math.sqrt(embBody.embedding.reduce((s, x) => s + x * x, 0));
  out.embedding = {
    length: embBody.embedding.length,
    norm,
    tokens: embBody.inputTextTokenCount,
    byType: Object.keys(embBody.embeddingsByType),
    binaryLength: embBody.embeddingsByType.binary.length,
  };

  const img = await client.send(new InvokeModelCommand({
    modelId: "amazon.nova-canvas-v1:0",
    body: JSON.stringify({
      taskType: "TEXT_IMAGE",
      textToImageParams: { text: "a lighthouse at dusk" },
      imageGenerationConfig: { numberOfImages: 1, width: 512, height: 320, seed: 3 },
    }),
  }));
  const imgBody = JSON.parse(utf8.decode(img.body));
  const png = Buffer.from(imgBody.images[0], "base64");
  out.image = {
    count: imgBody.images.length,
    error: imgBody.error,
    signature: png.subarray(1, 4).toString("latin1"),
    width: png.readUInt32BE(16),
    height: png.readUInt32BE(20),
  };

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
