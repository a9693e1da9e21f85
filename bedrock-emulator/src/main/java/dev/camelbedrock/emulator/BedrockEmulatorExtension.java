package dev.camelbedrock.emulator;

import dev.camelbedrock.emulator.core.Operation;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;

/**
 * JUnit 5 extension running a {@link BedrockEmulator} for a test class.
 *
 * <pre>{@code
 * @RegisterExtension
 * static BedrockEmulatorExtension emulator = BedrockEmulatorExtension.builder()
 *         .rule(Rule.when("hello").reply("Hi!"))
 *         .build();
 *
 * @Test
 * void test(BedrockEmulator bedrock) { ... bedrock.uri() ... }
 * }</pre>
 *
 * On a static field the emulator starts once before all tests of the class and stops after them; on an
 * instance field it starts and stops around each test. Before each test the emulator is {@link
 * BedrockEmulator#reset() reset} (stats, request log, faults, gate, rules and latencies back to the builder's)
 * unless {@link Builder#resetBeforeEach(boolean) resetBeforeEach(false)}. Test and lifecycle methods may
 * declare a {@link BedrockEmulator} parameter.
 */
public final class BedrockEmulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {

    private final BedrockEmulator emulator;
    private final boolean resetBeforeEach;
    private String startedBy;

    private BedrockEmulatorExtension(BedrockEmulator emulator, boolean resetBeforeEach) {
        this.emulator = emulator;
        this.resetBeforeEach = resetBeforeEach;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Wraps an emulator built elsewhere. */
    public static BedrockEmulatorExtension of(BedrockEmulator.Builder builder) {
        return new BedrockEmulatorExtension(builder.build(), true);
    }

    public BedrockEmulator emulator() {
        return emulator;
    }

    public URI uri() {
        return emulator.uri();
    }

    public int port() {
        return emulator.port();
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (!emulator.isRunning()) {
            emulator.start();
            startedBy = context.getUniqueId();
        }
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (context.getUniqueId().equals(startedBy)) {
            emulator.close();
            startedBy = null;
        }
    }

    @Override
    public synchronized void beforeEach(ExtensionContext context) {
        if (!emulator.isRunning()) {
            emulator.start();
            startedBy = context.getUniqueId();
        } else if (resetBeforeEach) {
            emulator.reset();
        }
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) {
        if (context.getUniqueId().equals(startedBy)) {
            emulator.close();
            startedBy = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == BedrockEmulator.class || type == BedrockEmulatorExtension.class;
    }

    @Override
    public synchronized Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        if (parameterContext.getParameter().getType() == BedrockEmulatorExtension.class) {
            return this;
        }
        if (!emulator.isRunning()) {
            emulator.start();
            startedBy = extensionContext.getUniqueId();
        }
        return emulator;
    }

    /** Same options as {@link BedrockEmulator.Builder}, plus {@link #resetBeforeEach(boolean)}. */
    public static final class Builder {
        private final BedrockEmulator.Builder delegate = BedrockEmulator.builder();
        private boolean resetBeforeEach = true;

        private Builder() {
        }

        public Builder host(String host) {
            delegate.host(host);
            return this;
        }

        public Builder port(int port) {
            delegate.port(port);
            return this;
        }

        public Builder ioThreads(int threads) {
            delegate.ioThreads(threads);
            return this;
        }

        public Builder rule(Rule rule) {
            delegate.rule(rule);
            return this;
        }

        public Builder rules(Collection<Rule> rules) {
            delegate.rules(rules);
            return this;
        }

        public Builder rulesFile(Path file) {
            delegate.rulesFile(file);
            return this;
        }

        public Builder latency(Duration latency) {
            delegate.latency(latency);
            return this;
        }

        /** A latency distribution spec, e.g. {@code uniform:100-300} (see {@link Latency}). */
        public Builder latency(String spec) {
            delegate.latency(spec);
            return this;
        }

        public Builder latencySeed(long seed) {
            delegate.latencySeed(seed);
            return this;
        }

        public Builder quota(String modelPattern, int rpm, int tpm) {
            delegate.quota(modelPattern, rpm, tpm);
            return this;
        }

        public Builder chunkDelay(Duration delay) {
            delegate.chunkDelay(delay);
            return this;
        }

        public Builder requestLogCapacity(int capacity) {
            delegate.requestLogCapacity(capacity);
            return this;
        }

        public Builder region(String region) {
            delegate.region(region);
            return this;
        }

        public Builder requireInferenceProfiles(boolean require) {
            delegate.requireInferenceProfiles(require);
            return this;
        }

        /** See {@link BedrockEmulator.Builder#imageContentFilter(String)}. */
        public Builder imageContentFilter(String regex) {
            delegate.imageContentFilter(regex);
            return this;
        }

        public Builder operation(Operation operation) {
            delegate.operation(operation);
            return this;
        }

        /** See {@link BedrockEmulator.Builder#strictAuth(String, String)}. */
        public Builder strictAuth(String accessKeyId, String secretKey) {
            delegate.strictAuth(accessKeyId, secretKey);
            return this;
        }

        /** See {@link BedrockEmulator.Builder#apiKey(String)}. */
        public Builder apiKey(String key) {
            delegate.apiKey(key);
            return this;
        }

        /** See {@link BedrockEmulator.Builder#fault(Fault)}. */
        public Builder fault(Fault fault) {
            delegate.fault(fault);
            return this;
        }

        /**
         * Any other {@link BedrockEmulator.Builder} option, e.g.
         * {@code .configure(b -> b.knowledgeBase("KB12345678", folder).guardrail("gr1", file))}.
         */
        public Builder configure(java.util.function.Consumer<BedrockEmulator.Builder> options) {
            options.accept(delegate);
            return this;
        }

        /** Reset the emulator before each test (default true). */
        public Builder resetBeforeEach(boolean reset) {
            this.resetBeforeEach = reset;
            return this;
        }

        public BedrockEmulatorExtension build() {
            return new BedrockEmulatorExtension(delegate.build(), resetBeforeEach);
        }
    }
}
