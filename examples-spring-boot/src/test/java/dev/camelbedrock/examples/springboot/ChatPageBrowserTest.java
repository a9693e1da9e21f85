package dev.camelbedrock.examples.springboot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat page in headless Chromium: the answer grows in the page while the model writes, and the second turn is
 * sent with the first one's history. Leaves a screenshot in target/chat-page.png; with
 * {@code -Dscreenshot.update=true} also in docs/images/chat-page.png (the one the docs show).
 */
class ChatPageBrowserTest extends ChatAppTestSupport {

    /** The last answer bubble as "state|text". */
    private static final String LAST_ANSWER = "(() => { const a = [...document.querySelectorAll('.assistant')].pop();"
                                              + " return a ? a.dataset.state + '|' + a.textContent : ''; })()";

    @Test
    void answersAppearTokenByTokenAndTheConversationIsKept() throws Exception {
        HeadlessChromium.ensureInstalled();
        try (HeadlessChromium chromium = new HeadlessChromium(900, 720)) {
            chromium.navigate(uri("/").toString());
            assertThat(chromium.eval("document.title")).isEqualTo("camel-bedrock chat");

            List<String> steps = ask(chromium, "Tell me about Amazon Bedrock");
            System.out.println("Partial answers seen while streaming: " + steps.size());
            for (String step : steps) {
                assertThat(BEDROCK_REPLY).startsWith(step);
            }
            assertThat(steps.stream().filter(step -> step.length() < BEDROCK_REPLY.length()))
                    .as("distinct partial answers seen before the answer was complete: " + steps).hasSizeGreaterThanOrEqualTo(3);
            assertThat(chromium.eval(LAST_ANSWER)).isEqualTo("done|" + BEDROCK_REPLY);

            List<String> secondSteps = ask(chromium, "And what is Apache Camel?");
            for (String step : secondSteps) {
                assertThat(CAMEL_REPLY).startsWith(step);
            }
            assertThat(secondSteps.stream().filter(step -> step.length() < CAMEL_REPLY.length()))
                    .as("the second turn streams too: partial answers seen " + secondSteps).hasSizeGreaterThanOrEqualTo(3);
            assertThat(chromium.eval(LAST_ANSWER)).isEqualTo("done|" + CAMEL_REPLY);
            JsonNode messages = lastMessages("ConverseStream");
            assertThat(messages).as("the second turn carries the first").hasSize(3);
            assertThat(messages.get(0).at("/content/0/text").asText()).isEqualTo("Tell me about Amazon Bedrock");
            assertThat(messages.get(1).at("/content/0/text").asText()).isEqualTo(BEDROCK_REPLY);
            assertThat(messages.get(2).at("/content/0/text").asText()).isEqualTo("And what is Apache Camel?");

            chromium.eval("document.getElementById('prompt').blur()");
            byte[] png = chromium.screenshot();
            Path target = Path.of("target", "chat-page.png");
            Files.write(target, png);
            if (Boolean.getBoolean("screenshot.update")) {
                Files.createDirectories(Path.of("..", "docs", "images"));
                Files.write(Path.of("..", "docs", "images", "chat-page.png"), png);
            }
        }
    }

    /**
     * Types the prompt, submits the form and samples the answer bubble until it is done; returns the distinct texts
     * seen while it was still streaming.
     */
    private static List<String> ask(HeadlessChromium chromium, String prompt) throws Exception {
        int answers = Integer.parseInt(chromium.eval("document.querySelectorAll('.assistant').length"));
        chromium.eval("document.getElementById('prompt').focus()");
        chromium.type(prompt);
        chromium.eval("document.getElementById('send').click()");
        List<String> steps = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (Integer.parseInt(chromium.eval("document.querySelectorAll('.assistant').length")) > answers) {
                String[] answer = chromium.eval(LAST_ANSWER).split("\\|", 2);
                if (!answer[0].equals("streaming")) {
                    assertThat(answer[0]).as("answer state; text: " + answer[1]).isEqualTo("done");
                    return steps;
                }
                if (!answer[1].isEmpty() && (steps.isEmpty() || !steps.get(steps.size() - 1).equals(answer[1]))) {
                    steps.add(answer[1]);
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("No complete answer within 30 s; seen: " + steps);
    }
}
