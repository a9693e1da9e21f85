package dev.camelbedrock.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.main.KameletMain;

/**
 * Runs route files (YAML, XML, Java; Kamelets and {@code kind: Pipe} included) with the {@code bedrock:} component,
 * on the embedded Bedrock emulator unless {@code --aws} is given: what Camel JBang's {@code camel run} does, for a
 * machine where JBang is not available.
 */
public final class BedrockRun {

    static final String USAGE = """
            Usage: java -jar camel-bedrock-run.jar [options] <route file>... [<file>.properties]...
              Runs the route files (YAML, XML, Java; Kamelets and Pipes included) until stopped with Ctrl-C.
              By default every bedrock: endpoint calls a Bedrock emulator started in this JVM (no AWS account needed).
            Options:
              --aws                 call Amazon Bedrock instead, with the region and credentials of the options or
                                    the AWS SDK's default chains
              --examples            give the emulator the knowledge base KBEXAMPLE1 and the guardrail exampleguard
              --max-messages N      stop after N messages were processed
              --max-seconds N       stop after N seconds
              --property key=value  a property (camel.component.bedrock.*, or one your routes read as {{key}})
            A .properties file among the arguments is read as properties too.""";

    private static final String INSTANCE = "camel-bedrock-run";

    private BedrockRun() {
    }

    /** The version of Apache's Kamelet catalog jar on the classpath, from its Maven metadata. */
    static String kameletsVersion() throws java.io.IOException {
        try (var in = BedrockRun.class.getResourceAsStream("/META-INF/maven/org.apache.camel.kamelets/camel-kamelets/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("org.apache.camel.kamelets:camel-kamelets is not on the classpath");
            }
            java.util.Properties pom = new java.util.Properties();
            pom.load(in);
            return pom.getProperty("version");
        }
    }

    public static void main(String[] args) throws Exception {
        int exit = run(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /** Runs until the routes stop (Ctrl-C, --max-messages, --max-seconds); returns the exit code. */
    public static int run(String... args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        if (options == null) {
            System.out.println(USAGE);
            return 0;
        }
        KameletMain main = new KameletMain(INSTANCE);
        // every component is on this jar's classpath; nothing may be fetched from a Maven repository at run time
        main.setDownload(false);
        main.bind("kamelet", new PipeKameletComponent());
        // the Kamelet catalog on this classpath is the one to use: without its version KameletMain looks for another
        main.addInitialProperty(INSTANCE + ".kameletsVersion", kameletsVersion());
        main.addInitialProperty("camel.main.routesIncludePattern", String.join(",", options.routes));
        if (!options.propertyFiles.isEmpty()) {
            main.setPropertyPlaceholderLocations(String.join(",", options.propertyFiles));
        }
        if (!options.aws) {
            main.addInitialProperty("camel.component.bedrock.emulator", "embedded");
            main.addInitialProperty("camel.component.bedrock.emulator-examples", String.valueOf(options.examples));
        }
        options.properties.forEach(main::addInitialProperty);
        main.run();
        return main.getExitCode();
    }

    /** The command line, parsed; null when only help was asked for. */
    record Options(List<String> routes, List<String> propertyFiles, Map<String, String> properties, boolean aws,
                   boolean examples) {

        static Options parse(String... args) {
            List<String> routes = new ArrayList<>();
            List<String> propertyFiles = new ArrayList<>();
            Map<String, String> properties = new LinkedHashMap<>();
            boolean aws = false;
            boolean examples = false;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                switch (arg) {
                    case "-h", "--help" -> {
                        return null;
                    }
                    case "--aws" -> aws = true;
                    case "--examples" -> examples = true;
                    case "--max-messages" -> properties.put("camel.main.durationMaxMessages", number(arg, value(args, ++i, arg)));
                    case "--max-seconds" -> properties.put("camel.main.durationMaxSeconds", number(arg, value(args, ++i, arg)));
                    case "--property" -> {
                        String pair = value(args, ++i, arg);
                        int eq = pair.indexOf('=');
                        if (eq <= 0) {
                            throw new IllegalArgumentException("--property takes key=value, got '" + pair + "'");
                        }
                        properties.put(pair.substring(0, eq), pair.substring(eq + 1));
                    }
                    default -> {
                        if (arg.startsWith("-")) {
                            throw new IllegalArgumentException("Unknown option " + arg);
                        }
                        Path file = Path.of(arg).toAbsolutePath().normalize();
                        if (!Files.isRegularFile(file)) {
                            throw new IllegalArgumentException("No such file: " + arg + " (" + file + ")");
                        }
                        String location = "file:" + file.toString().replace('\\', '/');
                        (arg.endsWith(".properties") ? propertyFiles : routes).add(location);
                    }
                }
            }
            if (routes.isEmpty()) {
                throw new IllegalArgumentException("No route file given");
            }
            if (aws && examples) {
                throw new IllegalArgumentException("--examples is for the emulator and cannot go with --aws");
            }
            return new Options(routes, propertyFiles, properties, aws, examples);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        private static String number(String option, String value) {
            try {
                return String.valueOf(Integer.parseInt(value));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " takes a whole number, got '" + value + "'");
            }
        }
    }
}
