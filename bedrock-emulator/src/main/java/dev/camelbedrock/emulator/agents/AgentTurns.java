package dev.camelbedrock.emulator.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.core.Exchange;
import dev.camelbedrock.emulator.core.ServiceException;
import dev.camelbedrock.emulator.core.StreamPlayer;
import dev.camelbedrock.emulator.eventstream.EventStreamEncoder;
import dev.camelbedrock.emulator.json.Json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One InvokeAgent turn, decided without a model and the same way every time. A function of the agent's action groups is
 * called when every significant word of its name (its first five letters; not get, check, initiate ...) appears in the user's text; its parameters
 * are read from that text, else from the session's earlier turns: {@code name=value}, or the parameter's name words
 * followed by a value holding a digit ("order 12345", "order id is A-7"), or for a lone number parameter the first
 * number. The call goes back to the caller as a returnControl event; the caller's results become the answer. With no
 * function wanted, the agent answers with what it can do.
 */
final class AgentTurns {

    private static final Set<String> VERBS = Set.of("get", "set", "list", "find", "check", "lookup", "fetch", "do", "run",
            "call", "initiate", "start", "perform", "request", "the", "a", "by", "for", "of");
    private static final Pattern NUMBER = Pattern.compile("-?\\b\\d+(?:\\.\\d+)?\\b");

    private AgentTurns() {
    }

    static void invoke(Exchange ex, Agents agents) {
        Agents.Agent agent = agents.get(ex.pathParam("agentId"));
        String alias = ex.pathParam("agentAliasId");
        if (!Agents.TEST_ALIAS.equals(alias)) {
            throw ServiceException.notFound("Agent alias " + alias + " of agent " + agent.id + " is not found; the emulator's"
                    + " agents have the alias " + Agents.TEST_ALIAS + " only.");
        }
        if (!"PREPARED".equals(agent.status)) {
            throw new ServiceException("ConflictException", 409, "Agent " + agent.id + " is " + agent.status
                    + "; call PrepareAgent before invoking its draft through " + Agents.TEST_ALIAS + ".");
        }
        JsonNode req = ex.json();
        String sessionId = ex.pathParam("sessionId");
        JsonNode state = req.path("sessionState");
        List<String> texts = new ArrayList<>();
        Turn turn;
        Agents.Session session;
        synchronized (agents) {
            session = agent.sessions.computeIfAbsent(sessionId, k -> new Agents.Session());
            attributes(state.path("sessionAttributes"), session.sessionAttributes);
            attributes(state.path("promptSessionAttributes"), session.promptSessionAttributes);
            JsonNode results = state.path("returnControlInvocationResults");
            if (results.isArray() && !results.isEmpty()) {
                turn = answerResults(agent, session, state.path("invocationId").asText(null), results, sessionId);
            } else {
                String input = req.path("inputText").asText("");
                if (input.isBlank()) {
                    throw ServiceException.validation("inputText is empty and sessionState has no returnControlInvocationResults:"
                            + " there is nothing for agent " + agent.id + " to answer.");
                }
                turn = decide(agents, agent, session, input);
                session.userTurns.add(input);
            }
            if (req.path("endSession").asBoolean(false)) {
                agent.sessions.remove(sessionId);
            }
        }
        boolean trace = req.path("enableTrace").asBoolean(false);
        List<Supplier<byte[]>> frames = new ArrayList<>();
        if (trace) {
            ObjectNode orchestration = Json.object();
            orchestration.putObject("rationale").put("traceId", ex.requestId() + "-0").put("text", turn.rationale);
            frames.add(frame("trace", tracePart(agent, sessionId, orchestration)));
        }
        if (turn.returnControl != null) {
            if (trace) {
                JsonNode call = turn.returnControl.path("invocationInputs").path(0).path("functionInvocationInput");
                ObjectNode orchestration = Json.object();
                ObjectNode input = orchestration.putObject("invocationInput").put("traceId", ex.requestId() + "-0")
                        .put("invocationType", "ACTION_GROUP");
                input.putObject("actionGroupInvocationInput").put("actionGroupName", call.path("actionGroup").asText())
                        .put("function", call.path("function").asText()).put("executionType", "RETURN_CONTROL")
                        .put("invocationId", turn.returnControl.path("invocationId").asText())
                        .set("parameters", call.path("parameters").deepCopy());
                frames.add(frame("trace", tracePart(agent, sessionId, orchestration)));
            }
            frames.add(frame("returnControl", turn.returnControl));
        } else {
            for (String part : chunks(turn.answer)) {
                frames.add(frame("chunk", Json.object().put("bytes",
                        Base64.getEncoder().encodeToString(part.getBytes(StandardCharsets.UTF_8)))));
            }
            if (trace) {
                ObjectNode orchestration = Json.object();
                orchestration.putObject("observation").put("traceId", ex.requestId() + "-0").put("type", "FINISH")
                        .putObject("finalResponse").put("text", turn.answer);
                frames.add(frame("trace", tracePart(agent, sessionId, orchestration)));
            }
        }
        StreamPlayer.play(ex, frames, Map.of("x-amzn-bedrock-agent-content-type", "application/json",
                "x-amz-bedrock-agent-session-id", sessionId));
    }

    /** What the agent does this turn: answers, or returns control with the calls it wants made. */
    private record Turn(String rationale, String answer, ObjectNode returnControl) {
    }

    private static Turn decide(Agents agents, Agents.Agent agent, Agents.Session session, String input) {
        Agents.Function function = wanted(agent, input);
        if (function == null) {
            List<String> names = new ArrayList<>();
            agent.actionGroups.forEach(g -> g.functions().forEach(f -> names.add(f.name())));
            String answer = names.isEmpty() ? "I am " + agent.name() + ". You said: " + input
                    : "I am " + agent.name() + ". I can help with " + String.join(", ", names) + ". You said: " + input;
            return new Turn("No function of " + agent.name() + " fits the request; answering directly.", answer, null);
        }
        ArrayNode parameters = Json.array();
        for (Agents.Parameter p : function.parameters()) {
            String value = value(p, function.parameters().size(), input);
            for (int i = session.userTurns.size() - 1; value == null && i >= 0; i--) {
                value = value(p, function.parameters().size(), session.userTurns.get(i));
            }
            if (value == null && p.required()) {
                return new Turn("The user wants " + function.name() + " but gave no " + p.name() + ".",
                        "To run " + function.name() + " I need the " + p.name().replace('_', ' ') + ". What is it?", null);
            }
            if (value != null) {
                parameters.addObject().put("name", p.name()).put("type", p.type()).put("value", value);
            }
        }
        String invocationId = agents.newInvocationId();
        session.pending.put(invocationId, List.of(function));
        ObjectNode rc = Json.object().put("invocationId", invocationId);
        ObjectNode call = rc.putArray("invocationInputs").addObject().putObject("functionInvocationInput");
        call.put("actionGroup", function.actionGroup()).put("function", function.name()).put("actionInvocationType", "RESULT");
        call.set("parameters", parameters);
        return new Turn("The user asks for " + function.name() + "; I will call it with " + Json.string(parameters) + ".", null, rc);
    }

    private static Turn answerResults(Agents.Agent agent, Agents.Session session, String invocationId, JsonNode results,
                                      String sessionId) {
        if (invocationId == null || !session.pending.containsKey(invocationId)) {
            throw ServiceException.validation("sessionState.invocationId " + (invocationId == null ? "is missing" : invocationId
                    + " matches no return of control awaiting results") + " in session " + sessionId + " of agent " + agent.id
                    + (session.pending.isEmpty() ? "; none is pending." : "; pending: " + session.pending.keySet() + "."));
        }
        session.pending.remove(invocationId);
        List<String> bodies = new ArrayList<>();
        for (JsonNode r : results) {
            JsonNode f = r.path("functionResult");
            JsonNode api = r.path("apiResult");
            JsonNode body = (f.isMissingNode() ? api : f).path("responseBody");
            String text = body.path("TEXT").path("body").asText(body.isMissingNode() ? "" : Json.string(body));
            if ("FAILURE".equals(f.path("responseState").asText()) || "REPROMPT".equals(f.path("responseState").asText())) {
                text = "The call of " + f.path("function").asText() + " failed: " + text;
            }
            bodies.add(text);
        }
        String answer = String.join(" ", bodies);
        return new Turn("The caller answered invocation " + invocationId + "; I report the result.", answer, null);
    }

    /** The function whose name's significant words all appear in the text; the one with the most such words wins. */
    private static Agents.Function wanted(Agents.Agent agent, String input) {
        String text = input.toLowerCase(Locale.ROOT);
        Agents.Function best = null;
        int bestWords = 0;
        for (Agents.ActionGroup g : agent.actionGroups) {
            if ("DISABLED".equals(g.definition().path("actionGroupState").asText())) {
                continue;
            }
            for (Agents.Function f : g.functions()) {
                List<String> words = words(f.name()).stream().filter(w -> !VERBS.contains(w)).toList();
                boolean all = !words.isEmpty() && words.stream().allMatch(w -> text.contains(stem(w)));
                if (all && words.size() > bestWords) {
                    best = f;
                    bestWords = words.size();
                }
            }
        }
        return best;
    }

    private static String value(Agents.Parameter p, int count, String text) {
        Matcher explicit = Pattern.compile("\\b" + Pattern.quote(p.name()) + "\\s*[=:]\\s*\"?([^\\s\",;]+)",
                Pattern.CASE_INSENSITIVE).matcher(text);
        if (explicit.find()) {
            return explicit.group(1);
        }
        List<String> words = words(p.name()).stream().filter(w -> !w.equals("id") && !w.equals("number")).toList();
        boolean numeric = p.type().equals("integer") || p.type().equals("number");
        if (!words.isEmpty()) {
            String anchor = String.join("[\\s_-]*", words.stream().map(w -> Pattern.quote(stem(w)) + "\\w*").toList());
            Matcher m = Pattern.compile("\\b" + anchor + "(?:\\s+(?:number|id|no\\.?|is|was|of|code))*\\s*[#:=]?\\s*"
                    + "([A-Za-z0-9][A-Za-z0-9_.-]*[A-Za-z0-9]|\\d)", Pattern.CASE_INSENSITIVE).matcher(text);
            while (m.find()) {
                String v = m.group(1);
                if (numeric ? NUMBER.matcher(v).matches() : v.chars().anyMatch(Character::isDigit)) {
                    return v;
                }
            }
        }
        if (numeric && count == 1) {
            Matcher n = NUMBER.matcher(text);
            return n.find() ? n.group() : null;
        }
        return null;
    }

    /** A name's words in lower case: order_status, orderStatus and order-status give [order, status]. */
    static List<String> words(String name) {
        List<String> out = new ArrayList<>();
        for (String w : name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").split("[\\s_-]+")) {
            if (!w.isEmpty()) {
                out.add(w.toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** A word's first five letters, so that "orders" and "cancel" still find "order" and "cancellation". */
    private static String stem(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return w.length() <= 5 ? w : w.substring(0, 5);
    }

    private static void attributes(JsonNode given, ObjectNode kept) {
        if (given.isObject()) {
            kept.setAll((ObjectNode) given);
        }
    }

    private static ObjectNode tracePart(Agents.Agent agent, String sessionId, ObjectNode orchestration) {
        ObjectNode part = Json.object().put("agentId", agent.id).put("agentAliasId", Agents.TEST_ALIAS)
                .put("agentVersion", "DRAFT").put("sessionId", sessionId);
        part.putObject("trace").set("orchestrationTrace", orchestration);
        return part;
    }

    /** The answer in pieces of a few words, as the service streams it. */
    private static List<String> chunks(String answer) {
        List<String> out = new ArrayList<>();
        String[] words = answer.split("(?<= )");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            sb.append(words[i]);
            if ((i + 1) % 6 == 0) {
                out.add(sb.toString());
                sb.setLength(0);
            }
        }
        if (sb.length() > 0 || out.isEmpty()) {
            out.add(sb.toString());
        }
        return out;
    }

    private static Supplier<byte[]> frame(String type, ObjectNode payload) {
        byte[] f = EventStreamEncoder.event(type, Json.bytes(payload));
        return () -> f;
    }
}
