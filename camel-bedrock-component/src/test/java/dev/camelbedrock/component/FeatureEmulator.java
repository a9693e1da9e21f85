package dev.camelbedrock.component;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.camelbedrock.emulator.BedrockEmulator;
import dev.camelbedrock.emulator.BedrockEmulatorMain;
import org.slf4j.LoggerFactory;

/**
 * Starts the emulator in-process with command-line feature options (--knowledge-base ID=FOLDER, --guardrail ID=FILE,
 * ...), the same way {@code java -jar} users start it. Going through the command line keeps these tests to the
 * emulator's documented interface.
 */
final class FeatureEmulator {

    private FeatureEmulator() {
    }

    /**
     * The emulator with these features. An emulator that does not know one of the options yet (its feature has not
     * landed) is started without them, with a warning: the tests of that feature are @Disabled until it lands, and
     * the others of the class still run.
     */
    static BedrockEmulator launch(String... featureArgs) {
        List<String> args = new ArrayList<>(List.of("--port", "0"));
        args.addAll(List.of(featureArgs));
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        try {
            return BedrockEmulatorMain.launch(args.toArray(String[]::new), quiet);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() == null || !e.getMessage().startsWith("Unknown option")) {
                throw e;
            }
            LoggerFactory.getLogger(FeatureEmulator.class).warn("The emulator in use does not serve {} ({}); starting it without",
                    featureArgs, e.getMessage());
            return BedrockEmulatorMain.launch(new String[] { "--port", "0" }, quiet);
        }
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
