package dev.camelbedrock.run;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** A user's YAML file, written outside the repository, run by the runner on the embedded emulator. */
class BedrockRunTest {

    @Test
    void runsAYamlFileAndAKameletOnTheEmbeddedEmulator(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        // One exchange does it all, so that --max-messages 1 cannot stop the run before a step ran. The kamelet comes
        // last: in Camel 4.18 a split after a kamelet step in the same route fails ("Is this really correct ?").
        Path routes = Files.writeString(dir.resolve("my-routes.camel.yaml"), """
                - route:
                    from:
                      uri: timer:ask
                      parameters: {repeatCount: 1, delay: 0}
                      steps:
                        - setBody:
                            constant: What is Camel?
                        - to:
                            uri: bedrock:converse
                            parameters:
                              modelId: anthropic.claude-3-haiku-20240307-v1:0
                        - to: "file:%1$s?fileName=answer.txt"
                        - setBody:
                            constant: Tell me a story about a camel
                        - to:
                            uri: bedrock:converseStream
                            parameters:
                              modelId: anthropic.claude-3-haiku-20240307-v1:0
                        - split:
                            simple: "${body}"
                            streaming: true
                            steps:
                              - setBody:
                                  simple: "${exchangeProperty.CamelSplitIndex}=${body}|"
                              - to: "file:%1$s?fileName=deltas.txt&fileExist=Append"
                        - setBody:
                            simple: "${header.CamelBedrockStopReason}: ${header.CamelBedrockResponseText}"
                        - to: "file:%1$s?fileName=stream-end.txt"
                        - setBody:
                            simple: "{{greeting}}"
                        - kamelet:
                            name: bedrock-converse-action
                            parameters:
                              modelId: anthropic.claude-3-haiku-20240307-v1:0
                        - to: "file:%1$s?fileName=kamelet.txt"
                """.formatted(out.toString().replace('\\', '/')));
        Path props = Files.writeString(dir.resolve("application.properties"), "greeting=Hello from a Kamelet\n");

        int exit = BedrockRun.run(routes.toString(), props.toString(), "--max-messages", "1", "--max-seconds", "60");

        assertThat(exit).isZero();
        assertThat(out.resolve("answer.txt")).hasContent("You said: What is Camel?");
        assertThat(out.resolve("kamelet.txt")).hasContent("You said: Hello from a Kamelet");
        String deltas = Files.readString(out.resolve("deltas.txt"));
        assertThat(deltas).as("one line per delta, in order").startsWith("0=You |1=said: |");
        assertThat(deltas.replaceAll("\\d+=", "").replace("|", "")).isEqualTo("You said: Tell me a story about a camel");
        assertThat(out.resolve("stream-end.txt")).hasContent("end_turn: You said: Tell me a story about a camel");
    }

    @Test
    void badArgumentsGetTheUsage() throws Exception {
        assertThat(BedrockRun.run()).isEqualTo(2);
        assertThat(BedrockRun.run("no-such-file.camel.yaml")).isEqualTo(2);
        assertThat(BedrockRun.run("--max-messages")).isEqualTo(2);
        assertThat(BedrockRun.run("--help")).isZero();
    }
}
