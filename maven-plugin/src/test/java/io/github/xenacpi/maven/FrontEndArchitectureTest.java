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
 * value types a goal has to name (ARCHITECTURE.md, "Front ends"). A new core type here means either the façade
 * lacks a call or the type belongs in this list, with its reason.
 */
class FrontEndArchitectureTest {

    /**
     * Core types the plugin may name besides the façade, each for a reason. {@code acpi.Severity}: the
     * {@code failOnSeverity} parameter. {@code conformance.Profile} and {@code conformance.Rule}: the
     * {@code profile} parameter and the rule listing. {@code strategy.MappingStrategy}: the {@code strategies}
     * parameter. {@code report.ConformanceReport} (with its nested records): what a validation run returns and
     * the site report renders. {@code report.ReportOptions}: the {@code trace} parameter. {@code inspect.InspectJson}:
     * the document the inspect goal writes.
     */
    static final Set<String> ALLOWED = Set.of(
            "io.github.xenacpi.acpi.Severity",
            "io.github.xenacpi.conformance.Profile",
            "io.github.xenacpi.conformance.Rule",
            "io.github.xenacpi.strategy.MappingStrategy",
            "io.github.xenacpi.report.ConformanceReport",
            "io.github.xenacpi.report.ReportOptions",
            "io.github.xenacpi.inspect.InspectJson");

    private static final JavaClasses PLUGIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.xenacpi.maven", "io.github.xenacpi.cli");

    @Test
    void thePluginReachesCoreOnlyThroughTheFacadeAndItsValueTypes() {
        classes().should().onlyDependOnClassesThat(reachable()).check(PLUGIN);
    }

    private static DescribedPredicate<JavaClass> reachable() {
        return DescribedPredicate.describe("outside core-model, in the façade or " + ALLOWED, c -> {
            String name = c.getName();
            if (!name.startsWith("io.github.xenacpi.") || name.startsWith("io.github.xenacpi.api.")
                    || name.startsWith("io.github.xenacpi.maven.") || name.startsWith("io.github.xenacpi.cli.")) {
                return true;
            }
            int nested = name.indexOf('$');
            return ALLOWED.contains(nested < 0 ? name : name.substring(0, nested));
        });
    }
}
