package dev.camelbedrock.emulator.invoke;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the last user turn (and the system prompt) inside a raw prompt written with a chat template, so that
 * rules match what the user typed and the echo does not repeat template tokens. Known templates: Llama 3
 * ({@code <|start_header_id|>user<|end_header_id|>…<|eot_id|>}), Llama 2 / Mistral ({@code [INST] … [/INST]},
 * {@code <<SYS>>…<</SYS>>}), DeepSeek ({@code <｜User｜>…<｜Assistant｜>}), ChatML ({@code <|im_start|>user…<|im_end|>}),
 * Claude text completions ({@code \n\nHuman: … \n\nAssistant:}) and Titan ({@code User: … Bot:}). Anything else is
 * taken whole as the user text.
 */
final class PromptTemplates {

    /** System prompt (may be empty) and last user text. */
    static final class Parsed {
        final String system;
        final String user;

        Parsed(String system, String user) {
            this.system = system == null ? "" : system.trim();
            this.user = user == null ? "" : user.trim();
        }
    }

    private static final Pattern LLAMA3 = Pattern.compile(
            "<\\|start_header_id\\|>\\s*(\\w+)\\s*<\\|end_header_id\\|>(.*?)(?=<\\|eot_id\\|>|<\\|start_header_id\\|>|$)",
            Pattern.DOTALL);
    private static final Pattern INST = Pattern.compile("\\[INST\\](.*?)(?:\\[/INST\\]|$)", Pattern.DOTALL);
    private static final Pattern SYS = Pattern.compile("<<SYS>>(.*?)<</SYS>>", Pattern.DOTALL);
    private static final Pattern CHATML = Pattern.compile("<\\|im_start\\|>\\s*(\\w+)\\s*\\n?(.*?)(?=<\\|im_end\\|>|<\\|im_start\\|>|$)",
            Pattern.DOTALL);
    private static final Pattern DEEPSEEK_USER = Pattern.compile("<｜User｜>(.*?)(?=<｜Assistant｜>|<｜User｜>|$)",
            Pattern.DOTALL);
    private static final Pattern HUMAN = Pattern.compile("(?:^|\\n\\n)Human:(.*?)(?=\\n\\nAssistant:|\\n\\nHuman:|$)",
            Pattern.DOTALL);
    private static final Pattern TITAN_USER = Pattern.compile("(?:^|\\n)User:(.*?)(?=\\nBot:|\\nUser:|$)",
            Pattern.DOTALL);

    private PromptTemplates() {
    }

    static Parsed parse(String prompt) {
        if (prompt == null) {
            return new Parsed("", "");
        }
        if (prompt.contains("<|start_header_id|>")) {
            String system = "";
            String user = null;
            Matcher m = LLAMA3.matcher(prompt);
            while (m.find()) {
                String role = m.group(1);
                String content = m.group(2);
                if ("system".equals(role)) {
                    system = content;
                } else if ("user".equals(role)) {
                    user = content;
                }
            }
            if (user != null) {
                return new Parsed(system, user);
            }
        }
        if (prompt.contains("<|im_start|>")) {
            String system = "";
            String user = null;
            Matcher m = CHATML.matcher(prompt);
            while (m.find()) {
                if ("system".equals(m.group(1))) {
                    system = m.group(2);
                } else if ("user".equals(m.group(1))) {
                    user = m.group(2);
                }
            }
            if (user != null) {
                return new Parsed(system, user);
            }
        }
        if (prompt.contains("<｜User｜>")) {
            String user = null;
            Matcher m = DEEPSEEK_USER.matcher(prompt);
            while (m.find()) {
                user = m.group(1);
            }
            String system = prompt.substring(0, prompt.indexOf("<｜User｜>")).replace("<｜begin▁of▁sentence｜>", "");
            return new Parsed(system, user);
        }
        if (prompt.contains("[INST]")) {
            String user = null;
            Matcher m = INST.matcher(prompt);
            while (m.find()) {
                user = m.group(1);
            }
            String system = "";
            Matcher s = SYS.matcher(prompt);
            if (s.find()) {
                system = s.group(1);
            }
            if (user != null) {
                user = SYS.matcher(user).replaceAll("");
                return new Parsed(system, user);
            }
        }
        if (prompt.contains("Human:")) {
            String user = null;
            Matcher m = HUMAN.matcher(prompt);
            while (m.find()) {
                user = m.group(1);
            }
            if (user != null) {
                int h = prompt.indexOf("Human:");
                return new Parsed(prompt.substring(0, h), user);
            }
        }
        if (prompt.contains("User:")) {
            String user = null;
            Matcher m = TITAN_USER.matcher(prompt);
            while (m.find()) {
                user = m.group(1);
            }
            if (user != null) {
                return new Parsed("", user);
            }
        }
        String plain = prompt.replace("<|begin_of_text|>", "").replace("<s>", "").replace("</s>", "");
        return new Parsed("", plain);
    }
}
