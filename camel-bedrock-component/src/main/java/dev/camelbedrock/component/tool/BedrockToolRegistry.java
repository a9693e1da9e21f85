package dev.camelbedrock.component.tool;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.camel.CamelContext;

/**
 * The tool routes of one CamelContext, by name. A {@code bedrock-tool:} consumer registers its route when it starts and
 * removes it when it stops; {@code converse} endpoints with {@code toolTags} or {@code toolNames} look them up.
 */
public final class BedrockToolRegistry {

    private final Map<String, RouteTool> tools = new TreeMap<>();

    /** The registry of {@code context}, created on first use. */
    public static BedrockToolRegistry of(CamelContext context) {
        var extension = context.getCamelContextExtension();
        synchronized (BedrockToolRegistry.class) {
            BedrockToolRegistry registry = extension.getContextPlugin(BedrockToolRegistry.class);
            if (registry == null) {
                registry = new BedrockToolRegistry();
                extension.addContextPlugin(BedrockToolRegistry.class, registry);
            }
            return registry;
        }
    }

    /** Adds a tool; refuses a name that another started route already has. */
    public synchronized void register(RouteTool tool) {
        if (tools.containsKey(tool.name())) {
            throw new IllegalArgumentException("two routes are the tool '" + tool.name() + "' (bedrock-tool:" + tool.name()
                    + "); tool names must be unique in a CamelContext");
        }
        tools.put(tool.name(), tool);
    }

    /** Removes the tool if {@code tool} is the one registered under its name. */
    public synchronized void unregister(RouteTool tool) {
        tools.remove(tool.name(), tool);
    }

    public synchronized RouteTool find(String name) {
        return tools.get(name);
    }

    /** The tools that have any of {@code tags}, or whose name is among {@code names}, in name order. */
    public synchronized List<RouteTool> select(Collection<String> tags, Collection<String> names) {
        List<RouteTool> out = new ArrayList<>();
        for (RouteTool t : tools.values()) {
            if (names.contains(t.name()) || t.tags().stream().anyMatch(tags::contains)) {
                out.add(t);
            }
        }
        return out;
    }

    /** The names of every registered tool, in order; for messages. */
    public synchronized List<String> names() {
        return new ArrayList<>(tools.keySet());
    }
}
