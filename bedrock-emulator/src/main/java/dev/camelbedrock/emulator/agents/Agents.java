package dev.camelbedrock.emulator.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.core.ServiceException;
import dev.camelbedrock.emulator.json.Json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** The emulator's agents: their definitions, action groups and open sessions. */
public final class Agents {

    /** The draft alias every agent has: invokes the working draft once it is prepared. */
    public static final String TEST_ALIAS = "TSTALIASID";

    private final String accountId;
    private final Map<String, Agent> agents = new LinkedHashMap<>();
    private final AtomicInteger agentIds = new AtomicInteger();
    private final AtomicInteger groupIds = new AtomicInteger();
    private final AtomicInteger invocationIds = new AtomicInteger();

    public Agents(String accountId) {
        this.accountId = accountId;
    }

    /** One agent. Its status is NOT_PREPARED until PrepareAgent, PREPARED after (PREPARING in PrepareAgent's answer). */
    static final class Agent {
        final String id;
        final String arn;
        final ObjectNode definition;
        final Instant createdAt = Instant.now();
        Instant updatedAt = createdAt;
        Instant preparedAt;
        String status = "NOT_PREPARED";
        final List<ActionGroup> actionGroups = new ArrayList<>();
        final Map<String, Session> sessions = new LinkedHashMap<>();

        Agent(String id, String arn, ObjectNode definition) {
            this.id = id;
            this.arn = arn;
            this.definition = definition;
        }

        String name() {
            return definition.path("agentName").asText();
        }

        String instruction() {
            return definition.path("instruction").asText("");
        }

        ObjectNode toJson() {
            ObjectNode a = definition.deepCopy();
            a.remove("clientToken");
            a.put("agentId", id).put("agentArn", arn).put("agentVersion", "DRAFT").put("agentStatus", status)
                    .put("createdAt", createdAt.toString()).put("updatedAt", updatedAt.toString());
            if (!a.has("idleSessionTTLInSeconds")) {
                a.put("idleSessionTTLInSeconds", 600);
            }
            if (!a.has("agentResourceRoleArn")) {
                a.put("agentResourceRoleArn", "arn:aws:iam::" + arn.split(":")[4] + ":role/AmazonBedrockExecutionRoleForAgents");
            }
            if (preparedAt != null) {
                a.put("preparedAt", preparedAt.toString());
            }
            return a;
        }
    }

    /** An action group: its functions are answered by the caller (RETURN_CONTROL). */
    record ActionGroup(String id, String name, ObjectNode definition, List<Function> functions, Instant createdAt) {
        ObjectNode toJson(Agent agent) {
            ObjectNode g = definition.deepCopy();
            g.remove("clientToken");
            g.put("agentId", agent.id).put("agentVersion", "DRAFT").put("actionGroupId", id).put("actionGroupName", name)
                    .put("createdAt", createdAt.toString()).put("updatedAt", createdAt.toString());
            if (!g.has("actionGroupState")) {
                g.put("actionGroupState", "ENABLED");
            }
            return g;
        }
    }

    /** A function of a function-schema action group. */
    record Function(String actionGroup, String name, String description, List<Parameter> parameters) {
    }

    record Parameter(String name, String type, boolean required) {
    }

    /** A conversation with an agent: the user's turns, its attributes and the calls awaiting results. */
    static final class Session {
        final List<String> userTurns = new ArrayList<>();
        final ObjectNode sessionAttributes = Json.object();
        final ObjectNode promptSessionAttributes = Json.object();
        final Map<String, List<Function>> pending = new LinkedHashMap<>();
    }

    synchronized Agent create(JsonNode request, String region) {
        String id = String.format("AGENT%05d", agentIds.incrementAndGet());
        Agent agent = new Agent(id, "arn:aws:bedrock:" + region + ":" + accountId + ":agent/" + id, (ObjectNode) request.deepCopy());
        agents.put(id, agent);
        return agent;
    }

    synchronized Agent get(String id) {
        Agent agent = agents.get(id);
        if (agent == null) {
            throw ServiceException.notFound("Agent " + id + " is not found. Check the agentId and try again.");
        }
        return agent;
    }

    synchronized List<Agent> list() {
        return List.copyOf(agents.values());
    }

    synchronized Agent delete(String id) {
        Agent agent = get(id);
        agents.remove(id);
        return agent;
    }

    synchronized ActionGroup addActionGroup(Agent agent, JsonNode request, List<Function> functions) {
        String name = request.path("actionGroupName").asText();
        if (agent.actionGroups.stream().anyMatch(g -> g.name().equals(name))) {
            throw new ServiceException("ConflictException", 409, "Action group " + name + " already exists in agent " + agent.id + ".");
        }
        ActionGroup group = new ActionGroup(String.format("ACTGRP%04d", groupIds.incrementAndGet()), name,
                (ObjectNode) request.deepCopy(), functions, Instant.now());
        agent.actionGroups.add(group);
        agent.updatedAt = Instant.now();
        if ("PREPARED".equals(agent.status)) {
            agent.status = "NOT_PREPARED"; // a changed draft needs preparing again
        }
        return group;
    }

    synchronized String newInvocationId() {
        return String.format("00000000-0000-4000-8000-%012d", invocationIds.incrementAndGet());
    }

    public synchronized void reset() {
        agents.clear();
        agentIds.set(0);
        groupIds.set(0);
        invocationIds.set(0);
    }
}
