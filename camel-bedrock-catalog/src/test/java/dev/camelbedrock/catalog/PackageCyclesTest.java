package dev.camelbedrock.catalog;

import java.nio.file.Path;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The packages of the catalog are layers: no package may reach itself again through its imports. Every package is
 * its own slice (the root included), so a new cycle between any two of them fails this test and names the classes.
 */
class PackageCyclesTest {

    @Test
    void mainClassesHaveNoPackageCycle() throws Exception {
        // the main classes' own folder (or jar): scanning the whole classpath for the package would take many seconds
        Path mainClasses = Path.of(BedrockModelCatalog.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        JavaClasses classes = new ClassFileImporter().importPath(mainClasses);
        assertThat(classes).hasSizeGreaterThan(10);
        slices().matching("dev.camelbedrock.(**)").should().beFreeOfCycles().check(classes);
    }
}
