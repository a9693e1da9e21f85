"""An independent client of the emulator: boto3 asks for structured output and checks the reply with jsonschema.

Usage: python3 structured_output.py <emulator URL>. Prints OK and exits 0 when the reply is valid for the schema.
"""
import json
import sys

import boto3
import jsonschema

SCHEMA = {
    "type": "object",
    "properties": {
        "summary": {"type": "string", "maxLength": 20},
        "priority": {"type": "string", "enum": ["low", "medium", "high"]},
        "estimate_hours": {"type": "number", "minimum": 0.5},
        "steps": {"type": "array", "items": {"type": "string"}, "minItems": 2, "maxItems": 4},
    },
    "required": ["summary", "priority", "steps"],
    "additionalProperties": False,
}

client = boto3.client(
    "bedrock-runtime",
    endpoint_url=sys.argv[1],
    region_name="us-east-1",
    aws_access_key_id="AKIDEXAMPLE",
    aws_secret_access_key="secret",
)
response = client.converse(
    modelId="anthropic.claude-3-haiku-20240307-v1:0",
    messages=[{"role": "user", "content": [{"text": "The VPN drops every hour"}]}],
    outputConfig={"textFormat": {"type": "json_schema",
                                 "structure": {"jsonSchema": {"schema": json.dumps(SCHEMA), "name": "ticket"}}}},
)
reply = json.loads(response["output"]["message"]["content"][0]["text"])
jsonschema.validate(reply, SCHEMA)
print("OK", json.dumps(reply))
