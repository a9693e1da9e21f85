package dev.camelbedrock.component.observe;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Micrometer is optional: an application without it gets the cost estimate, no metrics, and loads no class that uses
 * Micrometer. Checked in a class loader whose classpath is this test's minus every Micrometer jar.
 */
class WithoutMicrometerTest {

    /** Loads everything itself (parent: the platform loader), and remembers which classes were asked for. */
    private static final class IsolatedLoader extends URLClassLoader {
        final Set<String> requested = ConcurrentHashMap.newKeySet();

        IsolatedLoader(URL[] urls) {
            super(urls, ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            requested.add(name);
            return super.loadClass(name, resolve);
        }
    }

    private static URL[] classpathWithoutMicrometer() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<URL> urls = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (entry.isBlank() || entry.contains("micrometer")) {
                continue;
            }
            try {
                urls.add(Paths.get(entry).toUri().toURL());
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
        return urls.toArray(URL[]::new);
    }

    @Test
    void anEndpointWithoutMicrometerGetsTheCostAndLoadsNoMetricsClass() throws Exception {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (IsolatedLoader loader = new IsolatedLoader(classpathWithoutMicrometer())) {
            Thread.currentThread().setContextClassLoader(loader); // Camel finds its factories through it
            assertThat(CallObservers.present(CallObservers.MICROMETER_CLASS, loader)).as("Micrometer is hidden").isFalse();

            Class<?> contextClass = loader.loadClass("org.apache.camel.impl.DefaultCamelContext");
            Object context = contextClass.getConstructor().newInstance();
            contextClass.getMethod("setApplicationContextClassLoader", ClassLoader.class).invoke(context, loader);
            Class<?> camelContext = loader.loadClass("org.apache.camel.CamelContext");
            Class<?> observers = loader.loadClass(CallObservers.class.getName());
            Object observer = observers.getMethod("forEndpoint", camelContext, String.class, boolean.class)
                    .invoke(null, context, "anthropic.claude-3-haiku-20240307-v1:0", true);

            // one converse call settles with usage headers: the cost header is set, no metrics class is touched
            Class<?> exchangeClass = loader.loadClass("org.apache.camel.support.DefaultExchange");
            Object exchange = exchangeClass.getConstructor(camelContext).newInstance(context);
            Object message = exchangeClass.getMethod("getMessage").invoke(exchange);
            Method setHeader = message.getClass().getMethod("setHeader", String.class, Object.class);
            setHeader.invoke(message, "CamelBedrockInputTokens", 1000);
            setHeader.invoke(message, "CamelBedrockOutputTokens", 2000);
            Class<?> exchangeType = loader.loadClass("org.apache.camel.Exchange");
            Object observation = loader.loadClass(CallObserver.class.getName()).getMethod("start", exchangeType, String.class)
                    .invoke(observer, exchange, "converse");
            Class<?> observationType = loader.loadClass(CallObserver.Observation.class.getName());
            observationType.getMethod("completed", exchangeType, String.class, long.class, Throwable.class)
                    .invoke(observation, exchange, "anthropic.claude-3-haiku-20240307-v1:0", 0L, null);
            Object cost = message.getClass().getMethod("getHeader", String.class).invoke(message, "CamelBedrockEstimatedCostUsd");
            assertThat(new java.math.BigDecimal(String.valueOf(cost))).as("1000 in at 0.00025, 2000 out at 0.00125")
                    .isEqualByComparingTo("0.00275");

            assertThat(loader.requested).as("classes asked for").noneMatch(name -> name.startsWith("io.micrometer")
                    && !name.equals(CallObservers.MICROMETER_CLASS))
                    .doesNotContain(GenAiMetrics.class.getName());
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Test
    void onlyGenAiMetricsReferencesMicrometer() throws IOException {
        Path classes = Paths.get(CallObservers.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        List<String> referencing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            files.filter(f -> f.toString().endsWith(".class")).forEach(f -> {
                try {
                    if (new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1).contains("io/micrometer/")) {
                        referencing.add(classes.relativize(f).toString().replace(File.separatorChar, '/'));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        assertThat(referencing).as("classes that use Micrometer")
                .allMatch(name -> name.startsWith("dev/camelbedrock/component/observe/GenAiMetrics")).isNotEmpty();
    }
}
