package dev.camelbedrock.emulator.invoke;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelbedrock.emulator.core.Exchange;
import dev.camelbedrock.emulator.core.Operation;
import dev.camelbedrock.emulator.core.Service;
import dev.camelbedrock.emulator.core.ServiceException;
import dev.camelbedrock.emulator.core.StreamPlayer;
import dev.camelbedrock.emulator.eventstream.EventStreamEncoder;
import dev.camelbedrock.emulator.json.Json;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code POST /model/{modelId}/invoke-with-response-stream}: an event stream of {@code chunk} events whose
 * payload is {@code {"bytes":"<base64 of one native JSON object>"}}, in the family's own stream shape; the last
 * object carries {@code amazon-bedrock-invocationMetrics}. Played by {@link StreamPlayer} (chunk delay, stream
 * gate and stream faults apply).
 */
public final class InvokeModelStreamHandler implements Operation {

    @Override
    public String name() {
        return "InvokeModelWithResponseStream";
    }

    @Override
    public String method() {
        return "POST";
    }

    @Override
    public String path() {
        return "/model/{modelId}/invoke-with-response-stream";
    }

    @Override
    public Service service() {
        return Service.RUNTIME;
    }

    @Override
    public boolean streaming() {
        return true;
    }

    @Override
    public void handle(Exchange ex) {
        Invocation inv = Invocation.open(ex, true);
        Family family = Families.resolve(inv);
        boolean catalogSays = inv.model.model() == null || inv.model.model().responseStreamingSupported();
        if (!family.streams() || !catalogSays) {
            throw ServiceException.validation(Invocation.NO_STREAMING);
        }
        TextFamily tf = (TextFamily) family;
        Turn turn = tf.turn(inv);
        List<ObjectNode> objects = tf.stream(turn);
        List<Supplier<byte[]>> frames = new ArrayList<>(objects.size());
        long[] firstByte = {-1};
        for (int i = 0; i < objects.size(); i++) {
            ObjectNode o = objects.get(i);
            boolean last = i == objects.size() - 1;
            frames.add(() -> {
                long now = Math.max(1, ex.elapsedMillis());
                if (firstByte[0] < 0) {
                    firstByte[0] = now;
                }
                if (last) {
                    ObjectNode m = o.putObject("amazon-bedrock-invocationMetrics");
                    m.put("inputTokenCount", turn.inputTokens);
                    m.put("outputTokenCount", turn.outputTokens());
                    m.put("invocationLatency", now);
                    m.put("firstByteLatency", firstByte[0]);
                    turn.decorate(o);
                }
                return chunk(o);
            });
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Amzn-Bedrock-Content-Type", "application/json");
        InvokeModelHandler.echo(ex, headers);
        StreamPlayer.play(ex, frames, headers);
    }

    /** A {@code chunk} event: {@code {"bytes":"<base64 of the inner JSON>"}}. */
    static byte[] chunk(ObjectNode inner) {
        ObjectNode payload = Json.object();
        payload.put("bytes", Base64.getEncoder().encodeToString(Json.bytes(inner)));
        return EventStreamEncoder.event("chunk", Json.bytes(payload));
    }
}
