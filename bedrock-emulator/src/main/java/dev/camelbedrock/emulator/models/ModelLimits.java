package dev.camelbedrock.emulator.models;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelbedrock.emulator.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What one model accepts beyond the service model's shapes: its maximum output tokens, tool use, document blocks
 * and CountTokens (the {@code limits} of {@code foundation-models.json}, first match on the base model id); images
 * and video follow the model's input modalities.
 *
 * @param maxOutputTokens the largest {@code maxTokens} the model takes
 * @param toolUse         whether Converse may give it tools
 * @param documents       whether its messages may carry document blocks
 * @param countTokens     whether CountTokens serves it
 */
public record ModelLimits(int maxOutputTokens, boolean toolUse, boolean documents, boolean countTokens) {

    /** For a model no entry matches. */
    public static final ModelLimits DEFAULT = new ModelLimits(4096, true, true, false);

    private record Entry(Pattern match, ModelLimits limits) {
    }

    private static final List<Entry> TABLE = load();

    /** The limits of a base model id. */
    public static ModelLimits of(String baseModelId) {
        for (Entry e : TABLE) {
            if (e.match.matcher(baseModelId).lookingAt()) {
                return e.limits;
            }
        }
        return DEFAULT;
    }

    private static List<Entry> load() {
        try (InputStream in = ModelLimits.class.getResourceAsStream(
                "/dev/camelbedrock/emulator/models/foundation-models.json")) {
            List<Entry> out = new ArrayList<>();
            for (JsonNode n : Json.parse(in.readAllBytes()).path("limits")) {
                out.add(new Entry(Pattern.compile(n.get("match").asText()), new ModelLimits(
                        n.get("maxOutputTokens").asInt(), n.get("toolUse").asBoolean(), n.get("documents").asBoolean(),
                        n.get("countTokens").asBoolean())));
            }
            return List.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
