package dev.camelbedrock.emulator;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The emulator's sub-packages form layers: none may depend, directly or through others, on itself. The root package
 * is not a slice: it holds the public API, both the facade that wires every sub-package and the value types
 * (rules, faults, quotas, stats, recorded requests) that {@code core} keeps, so it still depends both ways on
 * {@code core}, {@code admin} and {@code runtime}.
 */
class PackageCyclesTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.camelbedrock.emulator");

    @Test
    void subPackagesHaveNoCycle() {
        slices().matching("dev.camelbedrock.emulator.(*)..").should().beFreeOfCycles().check(MAIN);
    }
}
