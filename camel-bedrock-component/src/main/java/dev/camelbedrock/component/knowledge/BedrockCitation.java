package dev.camelbedrock.component.knowledge;

import java.util.List;

import software.amazon.awssdk.services.bedrockagentruntime.model.Citation;
import software.amazon.awssdk.services.bedrockagentruntime.model.TextResponsePart;

/**
 * One citation of a {@code retrieveAndGenerate} answer (header CamelBedrockCitations): which part of the answer it
 * covers and the retrieved chunks that part rests on.
 *
 * @param text       the cited part of the answer
 * @param start      where that part starts in the answer text (a character offset); null when Bedrock gives no span
 * @param end        where it ends, as Bedrock reports it (the service does not say whether inclusive)
 * @param references the chunks it rests on (their score is null: Bedrock returns none for citations)
 */
public record BedrockCitation(String text, Integer start, Integer end, List<BedrockRetrievalResult> references) {

    public static BedrockCitation of(Citation c) {
        TextResponsePart part = c.generatedResponsePart() != null ? c.generatedResponsePart().textResponsePart() : null;
        List<BedrockRetrievalResult> refs = c.hasRetrievedReferences()
                ? c.retrievedReferences().stream().map(BedrockRetrievalResult::of).toList() : List.of();
        return new BedrockCitation(part != null ? part.text() : null,
                part != null && part.span() != null ? part.span().start() : null,
                part != null && part.span() != null ? part.span().end() : null, refs);
    }
}
