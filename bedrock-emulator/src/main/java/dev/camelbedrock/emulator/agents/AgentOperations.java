package dev.camelbedrock.emulator.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.core.Exchange;
import dev.camelbedrock.emulator.core.Op;
import dev.camelbedrock.emulator.core.Operation;
import dev.camelbedrock.emulator.core.Service;
import dev.camelbedrock.emulator.core.ServiceException;
import dev.camelbedrock.emulator.json.Json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The agents room: the bedrock-agent control plane of agents and action groups, and InvokeAgent (bedrock-agent-runtime).
 * Request shapes are checked before these handlers run; they check what the shapes cannot say.
 */
public final class AgentOperations {

    private AgentOperations() {
    }

    public static List<Operation> operations(Supplier<Agents> agents) {
        Service a = Service.AGENT;
        return List.of(
                Op.of("CreateAgent", "PUT", "/agents/", a, ex -> create(ex, agents.get())),
                Op.of("GetAgent", "GET", "/agents/{agentId}/", a,
                        ex -> ex.sendJson(200, wrap("agent", agents.get().get(ex.pathParam("agentId")).toJson()))),
                Op.of("ListAgents", "POST", "/agents/", a, ex -> list(ex, agents.get())),
                Op.of("DeleteAgent", "DELETE", "/agents/{agentId}/", a, ex -> {
                    agents.get().delete(ex.pathParam("agentId"));
                    ex.sendJson(202, Json.object().put("agentId", ex.pathParam("agentId")).put("agentStatus", "DELETING"));
                }),
                Op.of("PrepareAgent", "POST", "/agents/{agentId}/", a, ex -> prepare(ex, agents.get())),
                Op.of("CreateAgentActionGroup", "PUT", "/agents/{agentId}/agentversions/{agentVersion}/actiongroups/", a,
                        ex -> createActionGroup(ex, agents.get())),
                Op.streaming("InvokeAgent", "POST", "/agents/{agentId}/agentAliases/{agentAliasId}/sessions/{sessionId}/text",
                        Service.AGENT_RUNTIME, ex -> AgentTurns.invoke(ex, agents.get())));
    }

    private static ObjectNode wrap(String field, JsonNode value) {
        ObjectNode body = Json.object();
        body.set(field, value);
        return body;
    }

    private static void create(Exchange ex, Agents agents) {
        ex.sendJson(202, wrap("agent", agents.create(ex.json(), ex.region()).toJson()));
    }

    private static void list(Exchange ex, Agents agents) {
        ObjectNode body = Json.object();
        ArrayNode summaries = body.putArray("agentSummaries");
        for (Agents.Agent agent : agents.list()) {
            ObjectNode s = summaries.addObject().put("agentId", agent.id).put("agentName", agent.name())
                    .put("agentStatus", agent.status).put("updatedAt", agent.updatedAt.toString());
            if (agent.definition.has("description")) {
                s.put("description", agent.definition.get("description").asText());
            }
            if (agent.preparedAt != null) {
                s.put("latestAgentVersion", "DRAFT");
            }
        }
        ex.sendJson(200, body);
    }

    private static void prepare(Exchange ex, Agents agents) {
        Agents.Agent agent = agents.get(ex.pathParam("agentId"));
        Instant now = Instant.now();
        synchronized (agents) {
            agent.preparedAt = now;
            agent.status = "PREPARED"; // what GetAgent reports from now on; this answer says the work has begun
        }
        ex.sendJson(202, Json.object().put("agentId", agent.id).put("agentStatus", "PREPARING").put("agentVersion", "DRAFT")
                .put("preparedAt", now.toString()));
    }

    private static void createActionGroup(Exchange ex, Agents agents) {
        Agents.Agent agent = agents.get(ex.pathParam("agentId"));
        if (!"DRAFT".equals(ex.pathParam("agentVersion"))) {
            throw ServiceException.validation("Action groups can only be added to the DRAFT version of an agent; agentVersion was "
                    + ex.pathParam("agentVersion") + ".");
        }
        JsonNode req = ex.json();
        String name = req.path("actionGroupName").asText();
        JsonNode executor = req.path("actionGroupExecutor");
        if (executor.has("lambda")) {
            throw ServiceException.validation("Action group " + name + " names the Lambda function " + executor.get("lambda").asText()
                    + "; the emulator runs no Lambda functions. Use actionGroupExecutor {customControl: RETURN_CONTROL} and answer"
                    + " the returnControl event of InvokeAgent with sessionState.returnControlInvocationResults.");
        }
        boolean parentSignature = req.has("parentActionGroupSignature");
        if (!parentSignature && !"RETURN_CONTROL".equals(executor.path("customControl").asText(null))) {
            throw ServiceException.validation("Action group " + name + " needs actionGroupExecutor {customControl: RETURN_CONTROL}:"
                    + " the emulator returns every function call to the caller.");
        }
        if (req.has("apiSchema")) {
            throw ServiceException.validation("Action group " + name + " has an apiSchema; the emulator's agents take a functionSchema"
                    + " (functions with parameters) only.");
        }
        List<Agents.Function> functions = new ArrayList<>();
        for (JsonNode f : req.path("functionSchema").path("functions")) {
            List<Agents.Parameter> parameters = new ArrayList<>();
            f.path("parameters").fields().forEachRemaining(p -> parameters.add(new Agents.Parameter(p.getKey(),
                    p.getValue().path("type").asText("string"), p.getValue().path("required").asBoolean(false))));
            functions.add(new Agents.Function(name, f.path("name").asText(), f.path("description").asText(""), parameters));
        }
        if (!parentSignature && functions.isEmpty()) {
            throw ServiceException.validation("Action group " + name + " has no functions: give functionSchema.functions.");
        }
        Agents.ActionGroup group = agents.addActionGroup(agent, req, functions);
        ex.sendJson(200, wrap("agentActionGroup", group.toJson(agent)));
    }
}
