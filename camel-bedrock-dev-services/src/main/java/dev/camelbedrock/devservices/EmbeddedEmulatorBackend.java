package dev.camelbedrock.devservices;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelbedrock.component.BedrockDevBackend;
import dev.camelbedrock.emulator.BedrockEmulator;

/**
 * The Bedrock emulator as the component's {@code emulator=embedded} backend: on 127.0.0.1, a free port, its default
 * deterministic answers, and on request the example knowledge base and guardrail. Found by the component through
 * {@code META-INF/services/dev/camelbedrock/dev-backend}.
 */
public class EmbeddedEmulatorBackend implements BedrockDevBackend {

    /** The example knowledge base's id. */
    public static final String KNOWLEDGE_BASE = "KBEXAMPLE1";
    /** The example guardrail's id (version DRAFT). */
    public static final String GUARDRAIL = "exampleguard";

    private static final List<String> KB_FILES = List.of("returns.md", "shipping.md", "warranty.md");
    private static final String GUARDRAIL_JSON = """
            {"name": "example-guard", "blockedInputMessaging": "Blocked.", "blockedOutputsMessaging": "Blocked.",
             "sensitiveInformationPolicyConfig": {"piiEntitiesConfig": [
               {"type": "EMAIL", "action": "ANONYMIZE"}, {"type": "PHONE", "action": "ANONYMIZE"}]}}""";

    private BedrockEmulator emulator;
    private Path kbFolder;
    private boolean examples;

    @Override
    public synchronized URI start(boolean examples) throws IOException {
        BedrockEmulator.Builder builder = BedrockEmulator.builder().host("127.0.0.1").port(0);
        if (examples) {
            kbFolder = copyKnowledgeBase();
            builder.knowledgeBase(KNOWLEDGE_BASE, kbFolder).guardrail(GUARDRAIL, new ObjectMapper().readTree(GUARDRAIL_JSON));
        }
        this.examples = examples;
        emulator = builder.build().start();
        return emulator.uri();
    }

    /** The running emulator, for tests that script answers or inspect requests; null when stopped. */
    public synchronized BedrockEmulator emulator() {
        return emulator;
    }

    @Override
    public String describe() {
        return examples ? "with knowledge base " + KNOWLEDGE_BASE + " and guardrail " + GUARDRAIL + " version DRAFT"
                : "no knowledge base or guardrail; emulatorExamples=true adds examples";
    }

    @Override
    public synchronized void close() {
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
        if (kbFolder != null) {
            deleteQuietly(kbFolder);
            kbFolder = null;
        }
    }

    /** The emulator reads a knowledge base from a folder: the documents are resources of this jar, so copy them out. */
    private static Path copyKnowledgeBase() throws IOException {
        Path folder = Files.createTempDirectory("bedrock-dev-kb");
        for (String file : KB_FILES) {
            try (InputStream in = EmbeddedEmulatorBackend.class.getResourceAsStream("kb/" + file)) {
                if (in == null) {
                    throw new IOException("missing resource dev/camelbedrock/devservices/kb/" + file);
                }
                Files.copy(in, folder.resolve(file));
            }
        }
        return folder;
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temp folder left behind is harmless
        }
    }
}
