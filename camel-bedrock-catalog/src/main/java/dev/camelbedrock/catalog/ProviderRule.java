package dev.camelbedrock.catalog;

import java.util.regex.Pattern;

/**
 * A rule that maps model ids of a known provider to a family, used for ids that are not in the catalog data.
 * Rules are tried in order; the first whose pattern matches wins. Patterns are globs over the base model id in
 * which {@code *} matches any run of characters, e.g. {@code amazon.titan-embed*} or {@code amazon.nova-*sonic*}.
 */
public final class ProviderRule {

    private final String pattern;
    private final ModelFamily family;
    private final Pattern regex;
    private final BedrockModel prototype;

    ProviderRule(String pattern, ModelFamily family, BedrockModel prototype) {
        this.pattern = pattern;
        this.family = family;
        this.regex = globToRegex(pattern);
        this.prototype = prototype;
    }

    static Pattern globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(".*");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString());
    }

    /** The glob pattern, e.g. {@code cohere.embed*}. */
    public String pattern() {
        return pattern;
    }

    /** The family given to matching ids. */
    public ModelFamily family() {
        return family;
    }

    /** The provider key the pattern is for (the part before the first dot). */
    public String provider() {
        return pattern.substring(0, pattern.indexOf('.'));
    }

    /** Whether the base model id matches this rule. */
    public boolean matches(String baseModelId) {
        return regex.matcher(baseModelId).matches();
    }

    /** The model template (with a placeholder identity) that inferred models copy. */
    BedrockModel prototype() {
        return prototype;
    }

    @Override
    public String toString() {
        return pattern + " -> " + family;
    }
}
