package io.github.xenacpi.maven;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The plugin and the CLI reach core-model only through the façade ({@code io.github.xenacpi.api}) and the few
 * value types the conformance-test glue has to name (ARCHITECTURE.md, "Front ends"); the goals and the CLI through
 * the façade alone. A new core type here means either the façade lacks a call or the type belongs in this list, with
 * its reason.
 */
class FrontEndArchitectureTest {

    /**
     * Core types the plugin may name besides the façade, each for a reason: {@code ConformanceTestRule} declares the
     * rule failed project tests are reported under ({@code acpi.Severity}, {@code conformance.Profile},
     * {@code conformance.Rule}) and both it and {@code ConformanceTests} return the findings of a
     * {@code PlatformCheck} ({@code report.ConformanceReport}, for its nested {@code ReportFinding}).
     */
    static final Set<String> ALLOWED = Set.of(
            "io.github.xenacpi.acpi.Severity",
            "io.github.xenacpi.conformance.Profile",
            "io.github.xenacpi.conformance.Rule",
            "io.github.xenacpi.report.ConformanceReport");

    private static final JavaClasses PLUGIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.xenacpi.maven", "io.github.xenacpi.cli");

    @Test
    void thePluginReachesCoreOnlyThroughTheFacadeAndItsValueTypes() {
        classes().should().onlyDependOnClassesThat(reachable(ALLOWED)).check(PLUGIN);
    }

    @Test
    void theGoalsAndTheCliReachCoreOnlyThroughTheFacade() {
        classes()
                .that()
                .haveSimpleNameEndingWith("Mojo")
                .or()
                .resideInAPackage("io.github.xenacpi.cli")
                .should()
                .onlyDependOnClassesThat(reachable(Set.of()))
                .check(PLUGIN);
    }

    private static DescribedPredicate<JavaClass> reachable(Set<String> allowed) {
        return DescribedPredicate.describe("outside core-model, in the façade or " + allowed, c -> {
            String name = c.getName();
            if (!name.startsWith("io.github.xenacpi.")
                    || name.startsWith("io.github.xenacpi.api.")
                    || name.startsWith("io.github.xenacpi.maven.")
                    || name.startsWith("io.github.xenacpi.cli.")) {
                return true;
            }
            int nested = name.indexOf('$');
            return allowed.contains(nested < 0 ? name : name.substring(0, nested));
        });
    }
}
