package io.github.xenacpi.maven;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The plugin and the CLI reach core-model only through the façade ({@code io.github.xenacpi.api}; ARCHITECTURE.md,
 * "Front ends"): what is not Maven's or the command line's lives in core, so a new core type here means the façade
 * lacks a call.
 */
class FrontEndArchitectureTest {

    private static final JavaClasses PLUGIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.xenacpi.maven", "io.github.xenacpi.cli");

    @Test
    void thePluginAndTheCliReachCoreOnlyThroughTheFacade() {
        classes().should().onlyDependOnClassesThat(throughTheFacade()).check(PLUGIN);
    }

    private static DescribedPredicate<JavaClass> throughTheFacade() {
        return DescribedPredicate.describe("outside core-model, or in the façade", c -> {
            String name = c.getName();
            return !name.startsWith("io.github.xenacpi.")
                    || name.startsWith("io.github.xenacpi.api.")
                    || name.startsWith("io.github.xenacpi.maven.")
                    || name.startsWith("io.github.xenacpi.cli.");
        });
    }
}
