package io.github.xenacpi.junit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The extension reaches core-model only through the façade ({@code io.github.xenacpi.api}) and the value types
 * a test receives or names in {@code @XenPlatform} (ARCHITECTURE.md, "Front ends"). A new core type here means
 * either the façade lacks a call or the type belongs in this list, with its reason.
 */
class FrontEndArchitectureTest {

    /**
     * Core types the extension may name besides the façade. The injectable parameters ({@code Platform},
     * {@code AcpiTables}, {@code LoadedNamespace}, {@code Dom0Boot}, {@code SimulationResult}) and what their
     * assertions read ({@code RegionKind}, {@code BootEvent}, {@code Outcome}, {@code OutcomeResult},
     * {@code Verdict}); what {@code @XenPlatform} names ({@code XenVersion}, {@code LinuxVersion},
     * {@code SmmuMode}, {@code Preset}, {@code MappingStrategy}, {@code PlatformDescriptor}); and the simulation
     * run the store caches per platform and strategy ({@code Simulation}, {@code SimulationInput}); and the refusal a
     * NOT_BUILT result carries ({@code HardwareDomainBuild} and its {@code Refusal}), which assertion messages name.
     */
    static final Set<String> ALLOWED = Set.of(
            "io.github.xenacpi.platform.Platform",
            "io.github.xenacpi.platform.PlatformDescriptor",
            "io.github.xenacpi.platform.XenVersion",
            "io.github.xenacpi.platform.LinuxVersion",
            "io.github.xenacpi.platform.SmmuMode",
            "io.github.xenacpi.platform.preset.Preset",
            "io.github.xenacpi.acpi.table.load.AcpiTables",
            "io.github.xenacpi.acpi.region.RegionKind",
            "io.github.xenacpi.aml.LoadedNamespace",
            "io.github.xenacpi.dom0.Dom0Boot",
            "io.github.xenacpi.dom0.BootEvent",
            "io.github.xenacpi.strategy.MappingStrategy",
            "io.github.xenacpi.simulation.Simulation",
            "io.github.xenacpi.simulation.SimulationInput",
            "io.github.xenacpi.simulation.SimulationResult",
            "io.github.xenacpi.simulation.Outcome",
            "io.github.xenacpi.simulation.OutcomeResult",
            "io.github.xenacpi.simulation.Verdict",
            "io.github.xenacpi.xen.HardwareDomainBuild");

    private static final JavaClasses EXTENSION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.xenacpi.junit");

    @Test
    void theExtensionReachesCoreOnlyThroughTheFacadeAndItsValueTypes() {
        classes().should().onlyDependOnClassesThat(reachable()).check(EXTENSION);
    }

    private static DescribedPredicate<JavaClass> reachable() {
        return DescribedPredicate.describe("outside core-model, in the façade or " + ALLOWED, c -> {
            String name = c.getName();
            if (!name.startsWith("io.github.xenacpi.")
                    || name.startsWith("io.github.xenacpi.api.")
                    || name.startsWith("io.github.xenacpi.junit.")) {
                return true;
            }
            int nested = name.indexOf('$');
            return ALLOWED.contains(nested < 0 ? name : name.substring(0, nested));
        });
    }
}
