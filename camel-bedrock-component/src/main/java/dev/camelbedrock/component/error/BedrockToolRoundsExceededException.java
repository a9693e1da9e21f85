package dev.camelbedrock.component.error;

import java.util.List;

import software.amazon.awssdk.services.bedrockruntime.model.Message;

/**
 * The tool loop of converse ran maxToolRounds rounds of tool calls and the model still asked for tools. Carries the
 * transcript: the messages sent and received, tool calls and results included.
 */
public class BedrockToolRoundsExceededException extends BedrockException {

    private final int rounds;
    private final transient List<Message> transcript;

    public BedrockToolRoundsExceededException(String operation, String modelId, int rounds, List<Message> transcript) {
        super(operation + ": the model still asks for tools after " + rounds + " rounds of tool calls (maxToolRounds="
              + rounds + "); raise maxToolRounds if the task needs more, or check the tools' results in the transcript",
              operation, modelId, null);
        this.rounds = rounds;
        this.transcript = List.copyOf(transcript);
    }

    /** The rounds of tool calls that ran: maxToolRounds. */
    public int getRounds() {
        return rounds;
    }

    /** Every message of the loop, from the first user turn to the model's last request for tools. */
    public List<Message> getTranscript() {
        return transcript;
    }
}
