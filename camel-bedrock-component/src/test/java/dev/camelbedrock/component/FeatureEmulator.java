package dev.camelbedrock.component;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.camelbedrock.emulator.BedrockEmulator;
import dev.camelbedrock.emulator.BedrockEmulatorMain;

/**
 * Starts the emulator in-process with command-line feature options (--knowledge-base ID=FOLDER, --guardrail ID=FILE,
 * ...), the same way {@code java -jar} users start it. Going through the command line keeps these tests to the
 * emulator's documented interface.
 */
final class FeatureEmulator {

    private FeatureEmulator() {
    }

    /** The emulator with these features; an option it does not know fails the test class. */
    static BedrockEmulator launch(String... featureArgs) {
        List<String> args = new ArrayList<>(List.of("--port", "0"));
        args.addAll(List.of(featureArgs));
        return BedrockEmulatorMain.launch(args.toArray(String[]::new), new PrintStream(OutputStream.nullOutputStream()));
    }

    /** A test resource as a file path, for the emulator's command line. */
    static String resource(String name) {
        try {
            return Path.of(FeatureEmulator.class.getResource("/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
