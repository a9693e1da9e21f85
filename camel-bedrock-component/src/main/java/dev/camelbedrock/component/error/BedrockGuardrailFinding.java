package dev.camelbedrock.component.error;

import java.util.ArrayList;
import java.util.List;

import software.amazon.awssdk.services.bedrockruntime.model.GuardrailAssessment;

/**
 * One thing a guardrail policy found (header CamelBedrockGuardrailFindings): the assessments of applyGuardrail,
 * flattened so a route can read them without walking the SDK model.
 *
 * @param policy   topic, content, word, sensitiveInformation or contextualGrounding
 * @param type     what was found: the topic name; the content filter type (HATE, INSULTS ...); CUSTOM or the managed
 *                 word list (PROFANITY); the PII entity type (EMAIL, PHONE ...) or the regex name; GROUNDING or RELEVANCE
 * @param match    the matched text, for words and sensitive information; null otherwise
 * @param action   what the policy did: BLOCKED, ANONYMIZED, NONE ...
 * @param detected whether the policy detected it (Bedrock may list entries it did not act on); null when not said
 */
public record BedrockGuardrailFinding(String policy, String type, String match, String action, Boolean detected) {

    /** Every finding of every assessment, in Bedrock's order. */
    public static List<BedrockGuardrailFinding> of(List<GuardrailAssessment> assessments) {
        List<BedrockGuardrailFinding> out = new ArrayList<>();
        for (GuardrailAssessment a : assessments) {
            if (a.topicPolicy() != null && a.topicPolicy().hasTopics()) {
                a.topicPolicy().topics().forEach(t -> out.add(
                        new BedrockGuardrailFinding("topic", t.name(), null, t.actionAsString(), t.detected())));
            }
            if (a.contentPolicy() != null && a.contentPolicy().hasFilters()) {
                a.contentPolicy().filters().forEach(f -> out.add(
                        new BedrockGuardrailFinding("content", f.typeAsString(), null, f.actionAsString(), f.detected())));
            }
            if (a.wordPolicy() != null) {
                if (a.wordPolicy().hasCustomWords()) {
                    a.wordPolicy().customWords().forEach(w -> out.add(
                            new BedrockGuardrailFinding("word", "CUSTOM", w.match(), w.actionAsString(), w.detected())));
                }
                if (a.wordPolicy().hasManagedWordLists()) {
                    a.wordPolicy().managedWordLists().forEach(w -> out.add(
                            new BedrockGuardrailFinding("word", w.typeAsString(), w.match(), w.actionAsString(), w.detected())));
                }
            }
            if (a.sensitiveInformationPolicy() != null) {
                if (a.sensitiveInformationPolicy().hasPiiEntities()) {
                    a.sensitiveInformationPolicy().piiEntities().forEach(p -> out.add(new BedrockGuardrailFinding(
                            "sensitiveInformation", p.typeAsString(), p.match(), p.actionAsString(), p.detected())));
                }
                if (a.sensitiveInformationPolicy().hasRegexes()) {
                    a.sensitiveInformationPolicy().regexes().forEach(r -> out.add(
                            new BedrockGuardrailFinding("sensitiveInformation", r.name(), r.match(), r.actionAsString(), r.detected())));
                }
            }
            if (a.contextualGroundingPolicy() != null && a.contextualGroundingPolicy().hasFilters()) {
                a.contextualGroundingPolicy().filters().forEach(f -> out.add(
                        new BedrockGuardrailFinding("contextualGrounding", f.typeAsString(), null, f.actionAsString(), f.detected())));
            }
        }
        return out;
    }

    /** "sensitiveInformation EMAIL ANONYMIZED", for messages. */
    public String summary() {
        return policy + " " + type + (action != null ? " " + action : "");
    }
}
