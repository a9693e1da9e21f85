package dev.camelbedrock.emulator.invoke;

import java.util.regex.Pattern;

/** The image content filter: a prompt matching the configured regex is "blocked by our content filters". */
final class ContentFilter {

    static final String BLOCKED = "This request has been blocked by our content filters.";

    private ContentFilter() {
    }

    static boolean blocks(Invocation inv, String... prompts) {
        Pattern p = inv.context().imageContentFilter();
        if (p == null) {
            return false;
        }
        for (String s : prompts) {
            if (s != null && p.matcher(s).find()) {
                return true;
            }
        }
        return false;
    }
}
