"""An independent client of the emulator: boto3 drives an agent the way the Bedrock guide writes it.

create_agent, create_agent_action_group (the guide's Lambda executor is refused; RETURN_CONTROL with a function schema
is accepted), prepare_agent, then invoke_agent reading chunk, trace and returnControl events, and a second invoke_agent
answering the return of control. Usage: python3 agents.py <emulator URL>. Prints OK lines and exits 0 when all held.
"""
import json
import sys
import uuid

import boto3
from botocore.exceptions import ClientError

options = dict(endpoint_url=sys.argv[1], region_name="us-east-1", aws_access_key_id="AKIDEXAMPLE",
               aws_secret_access_key="secret")
bedrock_agent = boto3.client("bedrock-agent", **options)
bedrock_agent_rt = boto3.client("bedrock-agent-runtime", **options)

agent_response = bedrock_agent.create_agent(
    agentName="order-support-agent",
    agentResourceRoleArn="arn:aws:iam::123456789012:role/AmazonBedrockExecutionRoleForAgents",
    foundationModel="anthropic.claude-3-5-sonnet-20241022-v2:0",
    instruction="""You are an order support agent for Techoral Store.
When a customer asks about their order:
1. Use get_order_status to look up the current status.
2. If the customer wants to cancel, use initiate_cancellation.
Always be polite and concise. Never make up order information.""",
    idleSessionTTLInSeconds=600,
)
agent_id = agent_response["agent"]["agentId"]

try:
    bedrock_agent.create_agent_action_group(
        agentId=agent_id, agentVersion="DRAFT", actionGroupName="order-operations",
        actionGroupExecutor={"lambda": "arn:aws:lambda:us-east-1:123456789012:function:order-support-handler"},
        functionSchema={"functions": [{"name": "get_order_status"}]},
    )
    sys.exit("a Lambda executor was accepted")
except ClientError as e:
    assert e.response["Error"]["Code"] == "ValidationException", e.response
    assert "RETURN_CONTROL" in e.response["Error"]["Message"], e.response
    print("OK lambda refused")

bedrock_agent.create_agent_action_group(
    agentId=agent_id, agentVersion="DRAFT", actionGroupName="order-operations",
    actionGroupExecutor={"customControl": "RETURN_CONTROL"},
    functionSchema={"functions": [
        {"name": "get_order_status", "description": "Retrieve the current status of a customer order",
         "parameters": {"order_id": {"type": "string", "required": True, "description": "The order ID (ORD-XXXXXX)"}}},
        {"name": "initiate_cancellation", "description": "Initiate cancellation of an order",
         "parameters": {"order_id": {"type": "string", "required": True},
                        "reason": {"type": "string", "required": False}}},
    ]},
    description="Functions for looking up and managing customer orders",
)
assert bedrock_agent.prepare_agent(agentId=agent_id)["agentStatus"] == "PREPARING"
assert bedrock_agent.get_agent(agentId=agent_id)["agent"]["agentStatus"] == "PREPARED"

session_id = str(uuid.uuid4())


def invoke(**kwargs):
    response = bedrock_agent_rt.invoke_agent(agentId=agent_id, agentAliasId="TSTALIASID", sessionId=session_id,
                                             enableTrace=True, **kwargs)
    assert response["sessionId"] == session_id, response["sessionId"]
    text, calls, control = "", [], None
    for event in response["completion"]:
        if "chunk" in event:
            text += event["chunk"]["bytes"].decode()
        elif "trace" in event:
            trace = event["trace"]["trace"]
            if "orchestrationTrace" in trace:
                orch = trace["orchestrationTrace"]
                if "invocationInput" in orch:
                    inv = orch["invocationInput"]
                    if inv.get("invocationType") == "ACTION_GROUP":
                        calls.append(inv["actionGroupInvocationInput"]["function"])
        elif "returnControl" in event:
            control = event["returnControl"]
    return text, calls, control


text, calls, control = invoke(inputText="My order ORD-447829 hasn't arrived. It was supposed to be here 3 days ago.")
assert control is None and "get_order_status" in text, (text, control)
print("OK chunk " + text)

text, calls, control = invoke(inputText="What is the status of that order?")
assert calls == ["get_order_status"], calls
call = control["invocationInputs"][0]["functionInvocationInput"]
assert call["parameters"] == [{"name": "order_id", "type": "string", "value": "ORD-447829"}], call
print("OK returnControl " + call["function"] + " " + json.dumps(call["parameters"]))

result = json.dumps({"order_id": "ORD-447829", "status": "SHIPPED", "carrier": "FedEx"})
text, calls, control = invoke(sessionState={
    "invocationId": control["invocationId"],
    "returnControlInvocationResults": [{"functionResult": {
        "actionGroup": call["actionGroup"], "function": call["function"], "responseBody": {"TEXT": {"body": result}}}}]})
assert control is None and text == result, (text, control)
print("OK answer " + text)
