package dev.camelbedrock.emulator.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelbedrock.emulator.core.ServiceException;
import dev.camelbedrock.emulator.json.Json;
import dev.camelbedrock.emulator.models.FoundationModel;
import dev.camelbedrock.emulator.models.ModelLimits;
import dev.camelbedrock.emulator.models.ResolvedModel;

import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The limits of a Converse-shaped request that the service model does not carry: the model's own (maximum output
 * tokens, tool use, images, video, documents) and the API reference's (an image at most 3.75 MB and 20 of them,
 * 5 documents with names of letters, digits, single whitespace, hyphens, parentheses and square brackets, each
 * beside a text block; images and documents in user turns only; image bytes of the format they claim).
 */
final class ConverseLimits {

    static final int MAX_IMAGE_BYTES = 3_750_000;
    static final int MAX_IMAGES = 20;
    static final int MAX_DOCUMENTS = 5;
    private static final Pattern DOCUMENT_NAME = Pattern.compile("[\\p{Alnum}\\s\\-()\\[\\]]+");
    private static final Pattern TWO_SPACES = Pattern.compile("\\s\\s");

    private int images;
    private int documents;

    private ConverseLimits() {
    }

    /** Throws the service's ValidationException for the first limit the request breaks. */
    static void check(ResolvedModel model, JsonNode request) {
        FoundationModel fm = model.model();
        ModelLimits limits = model.baseId() == null ? null : ModelLimits.of(model.baseId());
        checkMaxTokens(model, request);
        if (limits != null && !limits.toolUse() && Json.isPresent(request.get("toolConfig"))) {
            throw ServiceException.validation("This model doesn't support tool use.");
        }
        new ConverseLimits().messages(fm, limits, request.get("messages"));
    }

    /** The request's {@code inferenceConfig.maxTokens} against the model's maximum output tokens. */
    static void checkMaxTokens(ResolvedModel model, JsonNode request) {
        JsonNode maxTokens = request.path("inferenceConfig").get("maxTokens");
        if (model.baseId() == null || maxTokens == null || !maxTokens.isNumber()) {
            return;
        }
        int limit = ModelLimits.of(model.baseId()).maxOutputTokens();
        if (maxTokens.asLong() > limit) {
            throw ServiceException.validation("The maximum tokens you requested exceeds the model limit of " + limit
                    + ". Try again with a maximum tokens value that is lower than " + limit + ".");
        }
    }

    /** CountTokens serves only the models whose tokens the service can count. */
    static void checkCountTokens(ResolvedModel model) {
        if (model.baseId() != null && !ModelLimits.of(model.baseId()).countTokens()) {
            throw ServiceException.validation("The provided model doesn't support counting tokens.");
        }
    }

    private void messages(FoundationModel fm, ModelLimits limits, JsonNode messages) {
        if (messages == null || !messages.isArray()) {
            return;
        }
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            boolean user = "user".equals(m.path("role").asText());
            boolean text = false;
            boolean document = false;
            JsonNode content = m.path("content");
            for (int j = 0; j < content.size(); j++) {
                JsonNode block = content.get(j);
                String at = "messages." + i + ".content." + j;
                text |= block.has("text");
                if (block.has("image")) {
                    image(fm, block.get("image"), at, user);
                }
                if (block.has("video")) {
                    media(fm, "VIDEO", "video", at, user);
                }
                if (block.has("document")) {
                    document = true;
                    document(limits, block.get("document"), at, user);
                }
                for (JsonNode part : block.path("toolResult").path("content")) {
                    if (part.has("image")) {
                        image(fm, part.get("image"), at + ".toolResult", user);
                    }
                    if (part.has("document")) {
                        document(limits, part.get("document"), at + ".toolResult", user);
                    }
                }
            }
            if (document && !text) {
                throw ServiceException.validation("The message at messages." + i + " has a document but no text "
                        + "block. Add a text block that says what to do with the document, and try again.");
            }
        }
    }

    private void image(FoundationModel fm, JsonNode image, String at, boolean user) {
        media(fm, "IMAGE", "image", at, user);
        if (++images > MAX_IMAGES) {
            throw ServiceException.validation("The request has more than " + MAX_IMAGES + " images. Send at most "
                    + MAX_IMAGES + " images in a request, and try again.");
        }
        JsonNode bytes = image.path("source").get("bytes");
        if (bytes == null || !bytes.isTextual()) {
            return;
        }
        byte[] data = Base64.getMimeDecoder().decode(bytes.asText());
        if (data.length > MAX_IMAGE_BYTES) {
            throw ServiceException.validation("The image at " + at + " is " + data.length + " bytes; an image may "
                    + "be at most 3.75 MB (" + MAX_IMAGE_BYTES + " bytes).");
        }
        String format = image.path("format").asText();
        String actual = imageFormat(data);
        if (!format.equals(actual)) {
            throw ServiceException.validation("The image at " + at + " is declared " + format + " but its bytes are "
                    + (actual == null ? "no PNG, JPEG, GIF or WebP image" : actual) + ".");
        }
    }

    private static void media(FoundationModel fm, String modality, String kind, String at, boolean user) {
        if (!user) {
            throw ServiceException.validation("The " + kind + " block at " + at + " is in an assistant message; "
                    + kind + "s may be sent in user messages only.");
        }
        if (fm != null && !fm.inputModalities().contains(modality)) {
            throw ServiceException.validation("This model doesn't support the " + kind + " content block that you "
                    + "provided. Try again with a model that takes " + kind + "s.");
        }
    }

    private void document(ModelLimits limits, JsonNode document, String at, boolean user) {
        if (!user) {
            throw ServiceException.validation("The document block at " + at + " is in an assistant message; "
                    + "documents may be sent in user messages only.");
        }
        if (limits != null && !limits.documents()) {
            throw ServiceException.validation("This model doesn't support the document content block that you "
                    + "provided. Try again with a model that takes documents.");
        }
        if (++documents > MAX_DOCUMENTS) {
            throw ServiceException.validation("The request has more than " + MAX_DOCUMENTS + " documents. Send at "
                    + "most " + MAX_DOCUMENTS + " documents in a request, and try again.");
        }
        String name = document.path("name").asText();
        if (!DOCUMENT_NAME.matcher(name).matches() || TWO_SPACES.matcher(name).find()) {
            throw ServiceException.validation("The document file name can only contain alphanumeric characters, "
                    + "whitespace characters, hyphens, parentheses, and square brackets. The name can't contain more "
                    + "than one consecutive whitespace character. (name '" + name + "' at " + at + ")");
        }
    }

    /** The image format the bytes start with, or null. */
    static String imageFormat(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "png";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return "jpeg";
        }
        if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
            return "gif";
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
                && b[10] == 'B' && b[11] == 'P') {
            return "webp";
        }
        return null;
    }
}
