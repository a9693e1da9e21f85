package dev.camelbedrock.benchmarks.scenario;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.camelbedrock.benchmarks.report.ScenarioResult;
import dev.camelbedrock.component.BedrockConfiguration;
import dev.camelbedrock.component.BedrockOperation;
import dev.camelbedrock.emulator.BedrockEmulator;

/**
 * Finds out whether a feature a scenario needs exists in the code on the classpath (by reflection: this module only
 * reads, and needs no change when the feature lands) so that a scenario can say "not measured: X is missing" instead
 * of inventing a number.
 */
final class Features {

    private Features() {
    }

    /** The first operation of the {@code bedrock:} component whose name matches. */
    static Optional<String> operation(String regex) {
        Pattern p = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
        for (BedrockOperation op : BedrockOperation.values()) {
            if (p.matcher(op.name()).find()) {
                return Optional.of(op.name());
            }
        }
        return Optional.empty();
    }

    /** The component's endpoint options (setters of BedrockConfiguration) whose names match. */
    static List<String> options(String regex) {
        return setters(BedrockConfiguration.class, regex);
    }

    /** The emulator builder's methods whose names match. */
    static List<String> emulatorBuilderMethods(String regex) {
        return methods(BedrockEmulator.Builder.class, regex);
    }

    static boolean classPresent(String name) {
        try {
            Class.forName(name, false, Features.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** A system property: the way to wire a hook without changing this module once a feature has landed. */
    static Optional<String> hook(String property) {
        String v = System.getProperty(property);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    private static List<String> setters(Class<?> type, String regex) {
        Pattern p = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
        List<String> out = new ArrayList<>();
        for (Method m : type.getMethods()) {
            if (m.getName().startsWith("set") && m.getParameterCount() == 1) {
                String option = Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4);
                if (p.matcher(option).find() && !out.contains(option)) {
                    out.add(option);
                }
            }
        }
        return out;
    }

    private static List<String> methods(Class<?> type, String regex) {
        Pattern p = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
        List<String> out = new ArrayList<>();
        for (Method m : type.getMethods()) {
            if (p.matcher(m.getName()).find() && !out.contains(m.getName())) {
                out.add(m.getName());
            }
        }
        out.sort(String::compareTo);
        return out;
    }

    /** What a scenario needs and does not have; marks the result "not measured" with all of it. */
    static final class Missing {
        private final List<String> items = new ArrayList<>();

        /** Notes {@code what} as missing unless {@code present}. */
        Missing unless(boolean present, String what) {
            if (!present) {
                items.add(what);
            }
            return this;
        }

        /** True (and the result marked) when anything is missing. */
        boolean reportTo(ScenarioResult result) {
            if (items.isEmpty()) {
                return false;
            }
            result.notMeasured(String.join("; ", items));
            return true;
        }
    }

    static String describe(List<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
