package dev.camelbedrock.emulator.invoke;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.camelbedrock.emulator.json.Json;

/** JSON forms of embedding vectors: floats and the quantised types. */
final class Vectors {

    private Vectors() {
    }

    static ArrayNode floats(float[] v) {
        ArrayNode a = Json.array();
        for (float x : v) {
            a.add(x);
        }
        return a;
    }

    /** Titan V2 {@code binary}: one 0/1 per dimension (1 when the float is positive). */
    static ArrayNode bits(float[] v) {
        ArrayNode a = Json.array();
        for (float x : v) {
            a.add(x > 0 ? 1 : 0);
        }
        return a;
    }

    /** Cohere types: {@code float}, {@code int8}, {@code uint8}, {@code binary} (packed, signed), {@code ubinary}. */
    static ArrayNode of(String type, float[] v) {
        switch (type) {
            case "int8":
            case "uint8": {
                float max = 0;
                for (float x : v) {
                    max = Math.max(max, Math.abs(x));
                }
                ArrayNode a = Json.array();
                for (float x : v) {
                    int q = max == 0 ? 0 : Math.round(x / max * 127f);
                    a.add("int8".equals(type) ? q : q + 128);
                }
                return a;
            }
            case "binary":
            case "ubinary": {
                ArrayNode a = Json.array();
                for (int i = 0; i < v.length; i += 8) {
                    int b = 0;
                    for (int k = 0; k < 8; k++) {
                        b = (b << 1) | (i + k < v.length && v[i + k] > 0 ? 1 : 0);
                    }
                    a.add("ubinary".equals(type) ? b : b - 128);
                }
                return a;
            }
            default:
                return floats(v);
        }
    }
}
