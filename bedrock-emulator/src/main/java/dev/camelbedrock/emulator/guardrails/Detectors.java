package dev.camelbedrock.emulator.guardrails;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emulator's deterministic detectors: PII patterns (with a Luhn check for card numbers), the built-in
 * profanity list, keyword-based content filters and the denied-topic matcher. See the README's guardrail section.
 */
final class Detectors {

    private Detectors() {
    }

    /** A detected span of text. */
    static final class Span {
        final int start;
        final int end;
        final String type;

        Span(int start, int end, String type) {
            this.start = start;
            this.end = end;
            this.type = type;
        }
    }

    /** PII detectors, in priority order (an earlier type wins an overlap). */
    static final Map<String, Pattern> PII = new LinkedHashMap<>();

    static {
        PII.put("EMAIL", Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}"));
        PII.put("URL", Pattern.compile("\\bhttps?://[^\\s<>\"]+[^\\s<>\".,;:!?)]"));
        PII.put("CREDIT_DEBIT_CARD_NUMBER", Pattern.compile("(?<![\\d-])\\d(?:[ -]?\\d){12,18}(?![\\d-])"));
        PII.put("US_SOCIAL_SECURITY_NUMBER",
                Pattern.compile("(?<![\\d-])(?!000|666|9\\d\\d)\\d{3}([- ])(?!00)\\d{2}\\1(?!0000)\\d{4}(?![\\d-])"));
        PII.put("IP_ADDRESS", Pattern.compile("(?<![\\d.])(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}"
                + "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?![\\d.])|(?i)(?<![0-9a-f:])(?:[0-9a-f]{1,4}:){7}"
                + "[0-9a-f]{1,4}(?![0-9a-f:])"));
        PII.put("MAC_ADDRESS", Pattern.compile("(?i)(?<![0-9a-f:])(?:[0-9a-f]{2}[:-]){5}[0-9a-f]{2}(?![0-9a-f:])"));
        PII.put("PHONE", Pattern.compile("(?<![\\w+])(?:\\+1[ .-]?)?(?:\\(\\d{3}\\)\\s?|\\d{3}[ .-])\\d{3}[ .-]\\d{4}"
                + "(?!\\d)|(?<![\\w+])\\+(?:[2-9]\\d{0,2})(?:[ .-]?\\d{1,4}){2,5}(?!\\d)"));
        PII.put("AWS_ACCESS_KEY", Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"));
    }

    /** Luhn checksum of the digits of {@code s}. */
    static boolean luhn(String s) {
        String digits = s.replaceAll("[^0-9]", "");
        if (digits.length() < 13 || digits.length() > 19) {
            return false;
        }
        int sum = 0;
        boolean dbl = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }

    /** Matches of one PII type. */
    static List<Span> pii(String type, String text) {
        Pattern p = PII.get(type);
        List<Span> out = new ArrayList<>();
        if (p == null) {
            return out; // types the emulator does not detect
        }
        Matcher m = p.matcher(text);
        while (m.find()) {
            if ("CREDIT_DEBIT_CARD_NUMBER".equals(type) && !luhn(m.group())) {
                continue;
            }
            if ("PHONE".equals(type) && m.group().replaceAll("[^0-9]", "").length() < 10) {
                continue;
            }
            out.add(new Span(m.start(), m.end(), type));
        }
        return out;
    }

    // ---- words ----

    /** The built-in PROFANITY managed word list (small on purpose; matched as whole words, any case). */
    static final List<String> PROFANITY = List.of("fuck", "fucking", "fucker", "motherfucker", "shit", "shitty",
            "bullshit", "bitch", "bastard", "asshole", "dickhead", "damn", "goddamn", "crap", "piss", "pissed",
            "wanker", "twat", "bollocks", "prick");
    private static final List<Pattern> PROFANITY_PATTERNS = new ArrayList<>();

    static {
        PROFANITY.forEach(w -> PROFANITY_PATTERNS.add(Guardrail.wordPattern(w)));
    }

    static List<String> profanity(String text) {
        List<String> found = new ArrayList<>();
        for (Pattern p : PROFANITY_PATTERNS) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                found.add(m.group());
            }
        }
        return found;
    }

    // ---- content filters (keyword lists) ----

    static final Map<String, List<String>> CONTENT = new LinkedHashMap<>();

    static {
        CONTENT.put("HATE", List.of("i hate all", "subhuman", "inferior race", "go back to your country",
                "ethnic cleansing"));
        CONTENT.put("INSULTS", List.of("idiot", "stupid", "moron", "imbecile", "loser", "dumbass", "you suck"));
        CONTENT.put("SEXUAL", List.of("porn", "pornographic", "nude", "naked", "explicit sex", "sexual act"));
        CONTENT.put("VIOLENCE", List.of("kill", "murder", "stab", "shoot", "behead", "torture", "bomb"));
        CONTENT.put("MISCONDUCT", List.of("steal", "launder money", "money laundering", "hack into", "make a weapon",
                "buy drugs", "counterfeit", "evade taxes"));
        CONTENT.put("PROMPT_ATTACK", List.of("ignore previous instructions", "ignore all previous instructions",
                "ignore your instructions", "disregard your instructions", "disregard previous instructions",
                "jailbreak", "developer mode", "reveal your system prompt"));
    }

    /** Whether text holds a keyword of a content-filter category. */
    static boolean content(String type, String text) {
        List<String> words = CONTENT.get(type);
        if (words == null) {
            return false;
        }
        for (String w : words) {
            if (Guardrail.wordPattern(w).matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    // ---- denied topics ----

    static final Set<String> STOPWORDS = Set.of("a", "about", "above", "after", "again", "against", "all", "am",
            "an", "and", "any", "anything", "are", "as", "at", "be", "because", "been", "before", "being", "below",
            "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each",
            "few", "for", "from", "further", "get", "give", "had", "has", "have", "having", "he", "help", "her",
            "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "just", "know", "like",
            "make", "me", "more", "most", "my", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or",
            "other", "our", "out", "over", "own", "please", "provide", "provides", "providing", "question",
            "questions", "regarding", "related", "same", "she", "should", "so", "some", "something", "such", "tell",
            "than", "that", "the", "their", "them", "then", "there", "these", "they", "thing", "things", "this",
            "those", "through", "to", "too", "topic", "topics", "under", "until", "up", "us", "use", "very", "want",
            "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with",
            "would", "you", "your", "yours", "user", "users", "information", "includes", "including", "also",
            "may", "might", "must", "shall", "etc", "e", "g", "ie", "eg");

    /** Lower-case content-word stems of a text (stopwords and 1–2 letter words dropped). */
    static Set<String> stems(String text) {
        Set<String> out = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (w.length() < 3 || STOPWORDS.contains(w)) {
                continue;
            }
            out.add(stem(w));
        }
        return out;
    }

    /** A tiny suffix stripper: investing/invests/invested/investment → invest, stories → story. */
    static String stem(String w) {
        String s = w;
        if (s.endsWith("ies") && s.length() > 4) {
            s = s.substring(0, s.length() - 3) + "y";
        } else if (s.endsWith("ments") && s.length() > 7) {
            s = s.substring(0, s.length() - 5);
        } else if (s.endsWith("ment") && s.length() > 6) {
            s = s.substring(0, s.length() - 4);
        } else if (s.endsWith("ing") && s.length() > 5) {
            s = s.substring(0, s.length() - 3);
        } else if (s.endsWith("ed") && s.length() > 4) {
            s = s.substring(0, s.length() - 2);
        } else if (s.endsWith("es") && s.length() > 4 && (s.endsWith("ses") || s.endsWith("xes")
                || s.endsWith("ches") || s.endsWith("shes"))) {
            s = s.substring(0, s.length() - 2);
        } else if (s.endsWith("s") && !s.endsWith("ss") && s.length() > 3) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    /**
     * A denied topic matches when the text contains the topic's name or one of its examples (case-insensitive),
     * or shares at least {@link #TOPIC_MIN_OVERLAP} content-word stems with its name, definition and examples.
     */
    static boolean topic(Guardrail.Topic t, String text) {
        String lower = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (!t.name.isBlank() && Guardrail.wordPattern(t.name).matcher(lower).find()) {
            return true;
        }
        for (String e : t.examples) {
            String ex = e.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").replaceAll("[?.!]+$", "").trim();
            if (!ex.isEmpty() && lower.contains(ex)) {
                return true;
            }
        }
        Set<String> vocab = stems(t.name + " " + t.definition + " " + String.join(" ", t.examples));
        Set<String> words = stems(text);
        words.retainAll(vocab);
        return words.size() >= TOPIC_MIN_OVERLAP;
    }

    static final int TOPIC_MIN_OVERLAP = 2;
}
