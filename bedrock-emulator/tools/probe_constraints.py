#!/usr/bin/env python3
"""Sends requests that each break one documented constraint to a running emulator with boto3, its own parameter
validation switched off, and reports which are answered with the expected error (never a success, never a 500).

Usage: probe_constraints.py http://127.0.0.1:8099
"""
import json
import sys

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

URL = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8099"
CFG = Config(parameter_validation=False, retries={"max_attempts": 1})
KW = dict(endpoint_url=URL, region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="y", config=CFG)
rt = boto3.client("bedrock-runtime", **KW)
cp = boto3.client("bedrock", **KW)
ar = boto3.client("bedrock-agent-runtime", **KW)

H = "anthropic.claude-3-haiku-20240307-v1:0"
TITAN = "amazon.titan-text-express-v1"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 16
JPEG = b"\xff\xd8\xff\xe0" + b"\0" * 16
USER = [{"role": "user", "content": [{"text": "hi"}]}]
SWAP = {}


def swap_body(request, **_):
    """boto3 cannot serialise some wrong types at all: the valid body it built is edited on the wire instead."""
    change = SWAP.pop("change", None)
    if change is not None:
        body = json.loads(request.body or b"{}")
        change(body)
        request.body = json.dumps(body).encode()
        request.headers["Content-Length"] = str(len(request.body))


for client in (rt, cp, ar):
    client.meta.events.register("before-send", swap_body)


def wired(call, change):
    def run():
        SWAP["change"] = change
        return call()
    return run


def doc(name="notes", fmt="txt"):
    return {"document": {"name": name, "format": fmt, "source": {"bytes": b"hello"}}}


def img(data=PNG, fmt="png"):
    return {"image": {"format": fmt, "source": {"bytes": data}}}


def conv(content, **kw):
    return lambda: rt.converse(modelId=kw.pop("model", H), messages=[{"role": "user", "content": content}], **kw)


KB = {"type": "KNOWLEDGE_BASE", "knowledgeBaseConfiguration": {"knowledgeBaseId": "ABCDEFGHIJ", "modelArn": H}}


def rag(**gen):
    cfg = {"type": "KNOWLEDGE_BASE", "knowledgeBaseConfiguration": {"knowledgeBaseId": "ABCDEFGHIJ", "modelArn": H,
           "generationConfiguration": {"inferenceConfig": {"textInferenceConfig": gen}}}}
    return lambda: ar.retrieve_and_generate(input={"text": "q"}, retrieveAndGenerateConfiguration=cfg)


CASES = [
    ("maxTokens over the model limit", lambda: rt.converse(modelId=H, messages=USER, inferenceConfig={"maxTokens": 5000})),
    ("maxTokens over the limit in an InvokeModel body", lambda: rt.invoke_model(modelId=H, body=b'{"anthropic_version":"bedrock-2023-05-31","max_tokens":5000,"messages":[{"role":"user","content":"hi"}]}')),
    ("document name with a period", conv([{"text": "x"}, doc("notes.txt")])),
    ("document name with an underscore", conv([{"text": "x"}, doc("my_notes")])),
    ("document name with two spaces", conv([{"text": "x"}, doc("my  notes")])),
    ("image over 3.75 MB", conv([{"text": "x"}, img(PNG + b"\0" * 3_800_000)])),
    ("21 images", conv([{"text": "x"}] + [img() for _ in range(21)])),
    ("6 documents", conv([{"text": "x"}] + [doc("d%d" % i) for i in range(6)])),
    ("document without a text block", conv([doc()])),
    ("image in an assistant turn", lambda: rt.converse(modelId=H, messages=USER + [{"role": "assistant", "content": [img()]}, {"role": "user", "content": [{"text": "x"}]}])),
    ("bytes that are no image", conv([{"text": "x"}, img(b"hello world, no image")])),
    ("PNG labelled jpeg", conv([{"text": "x"}, img(PNG, "jpeg")])),
    ("video to a model without video", conv([{"text": "x"}, {"video": {"format": "mp4", "source": {"bytes": b"0000"}}}])),
    ("image to a text-only model", conv([{"text": "x"}, img()], model=TITAN)),
    ("tools to a model without tool use", lambda: rt.converse(modelId=TITAN, messages=USER, toolConfig={"tools": [{"toolSpec": {"name": "t", "inputSchema": {"json": {"type": "object"}}}}]})),
    ("CountTokens on a model that cannot count", lambda: rt.count_tokens(modelId="meta.llama3-8b-instruct-v1:0", input={"converse": {"messages": USER}})),
    ("empty requestMetadata", lambda: rt.converse(modelId=H, messages=USER, requestMetadata={})),
    ("17 requestMetadata entries", lambda: rt.converse(modelId=H, messages=USER, requestMetadata={"k%d" % i: "v" for i in range(17)})),
    ("requestMetadata key pattern", lambda: rt.converse(modelId=H, messages=USER, requestMetadata={"bad!key": "v"})),
    ("requestMetadata value pattern", lambda: rt.converse(modelId=H, messages=USER, requestMetadata={"k": "bad!value"})),
    ("11 additionalModelResponseFieldPaths", lambda: rt.converse(modelId=H, messages=USER, additionalModelResponseFieldPaths=["/a%d" % i for i in range(11)])),
    ("2501 stop sequences", lambda: rt.converse(modelId=H, messages=USER, inferenceConfig={"stopSequences": ["s"] * 2501})),
    ("s3Location.uri not s3://", conv([{"text": "x"}, {"document": {"name": "d", "format": "txt", "source": {"s3Location": {"uri": "https://x/y"}}}}])),
    ("outputConfig.textFormat.type not in its enum", lambda: rt.converse(modelId=H, messages=USER, outputConfig={"textFormat": {"type": "xml", "structure": {"jsonSchema": {"schema": "{}"}}}})),
    ("InvokeModel trace header enum", lambda: rt.invoke_model(modelId=H, body=b"{}", trace="LOUD")),
    ("InvokeModel latency header enum", lambda: rt.invoke_model(modelId=H, body=b"{}", performanceConfigLatency="fast")),
    ("InvokeModel service-tier header enum", lambda: rt.invoke_model(modelId=H, body=b"{}", serviceTier="gold")),
    ("RAG temperature out of range", rag(temperature=2)),
    ("RAG topP out of range", rag(topP=-1)),
    ("RAG maxTokens below 0", rag(maxTokens=-1)),
    ("RAG too many stop sequences", rag(stopSequences=["s"] * 5)),
    ("RAG stop sequence too long", rag(stopSequences=["s" * 1001])),
    ("RAG external source with empty bytes", lambda: ar.retrieve_and_generate(input={"text": "q"}, retrieveAndGenerateConfiguration={"type": "EXTERNAL_SOURCES", "externalSourcesConfiguration": {"modelArn": H, "sources": [{"sourceType": "BYTE_CONTENT", "byteContent": {"identifier": "a", "contentType": "text/plain", "data": b""}}]}})),
    ("Retrieve with numberOfResults 0", lambda: ar.retrieve(knowledgeBaseId="ABCDEFGHIJ", retrievalQuery={"text": "q"}, retrievalConfiguration={"vectorSearchConfiguration": {"numberOfResults": 0}})),
    ("ApplyGuardrail with malformed content", wired(lambda: rt.apply_guardrail(guardrailIdentifier="abc", guardrailVersion="1", source="INPUT", content=[{"text": {"text": "x"}}]), lambda b: b.update(content=[{"foo": 1}]))),
    ("ApplyGuardrail without content", lambda: rt.apply_guardrail(guardrailIdentifier="abc", guardrailVersion="1", source="INPUT")),
    ("provisioned throughput: 201 tags", lambda: cp.create_provisioned_model_throughput(modelUnits=1, provisionedModelName="pm", modelId=H, tags=[{"key": "k%d" % i, "value": "v"} for i in range(201)])),
    ("provisioned throughput: tag key too long", lambda: cp.create_provisioned_model_throughput(modelUnits=1, provisionedModelName="pm", modelId=H, tags=[{"key": "k" * 129, "value": "v"}])),
    ("provisioned throughput: tag key pattern", lambda: cp.create_provisioned_model_throughput(modelUnits=1, provisionedModelName="pm", modelId=H, tags=[{"key": "bad!", "value": "v"}])),
    ("ApplyGuardrail source of the wrong type", lambda: rt.apply_guardrail(guardrailIdentifier="abc", guardrailVersion="1", source=123, content=[{"text": {"text": "x"}}])),
    ("RAG type of the wrong type", lambda: ar.retrieve_and_generate(input={"text": "q"}, retrieveAndGenerateConfiguration={"type": ["x"]})),
    ("RAG knowledgeBaseConfiguration of the wrong type", wired(lambda: ar.retrieve_and_generate(input={"text": "q"}, retrieveAndGenerateConfiguration=KB), lambda b: b["retrieveAndGenerateConfiguration"].update(knowledgeBaseConfiguration="x"))),
    ("RAG externalSourcesConfiguration of the wrong type", wired(lambda: ar.retrieve_and_generate(input={"text": "q"}, retrieveAndGenerateConfiguration=KB), lambda b: b.update(retrieveAndGenerateConfiguration={"type": "EXTERNAL_SOURCES", "externalSourcesConfiguration": 5}))),
    ("performanceConfig of the wrong type", wired(lambda: rt.converse(modelId=H, messages=USER), lambda b: b.update(performanceConfig="fast"))),
    ("provisionedModelName of the wrong type", lambda: cp.create_provisioned_model_throughput(modelUnits=1, provisionedModelName=123, modelId=H)),
]


def main():
    ok = 0
    for name, call in CASES:
        try:
            call()
            verdict, detail = "ACCEPTED", ""
        except ClientError as e:
            status = e.response["ResponseMetadata"]["HTTPStatusCode"]
            code = e.response["Error"]["Code"]
            verdict = "ok" if status == 400 and code in ("ValidationException", "SerializationException") else "WRONG"
            detail = "%d %s: %s" % (status, code, e.response["Error"]["Message"][:160])
        except Exception as e:  # a client that cannot parse the answer
            verdict, detail = "BROKEN", repr(e)[:160]
        ok += verdict == "ok"
        print("%-8s %-50s %s" % (verdict, name, detail))
    after = cp.list_provisioned_model_throughputs()["provisionedModelSummaries"]
    print("provisioned throughputs after the rejected creates: %d" % len(after))
    print("%d of %d answered as the service does" % (ok, len(CASES)))
    return 0 if ok == len(CASES) and not after else 1


if __name__ == "__main__":
    sys.exit(main())
