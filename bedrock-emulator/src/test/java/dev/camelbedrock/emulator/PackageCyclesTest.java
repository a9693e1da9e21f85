package dev.camelbedrock.emulator;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The emulator's packages form layers: no package may depend, directly or through others, on itself. */
class PackageCyclesTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.camelbedrock.emulator");

    @Test
    void subPackagesHaveNoCycle() {
        slices().matching("dev.camelbedrock.emulator.(*)..").should().beFreeOfCycles().check(MAIN);
    }
}
