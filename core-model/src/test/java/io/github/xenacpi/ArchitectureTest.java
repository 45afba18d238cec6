package io.github.xenacpi;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layering of core-model's main classes, read from the bytecode (so fully qualified references and
 * sub-packages count, not just imports). ARCHITECTURE.md describes the layers; these rules are its enforceable
 * part. Each layer may use only the layers below it:
 * acpi (and its sub-packages) ← aml (and its sub-packages) ← platform ← xen, dom0 (siblings) ← strategy ←
 * simulation ← conformance ← inspect ← report ← api (the report carries the typed inspect document, so inspect
 * sits below it). The table builder ({@code platform.builder}) and the demo platforms ({@code platform.preset})
 * sit beside that line and are reached only where the rules below say.
 */
class ArchitectureTest {

    private static final String ROOT = "io.github.xenacpi";

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("acpi")
                .definedBy(ROOT + ".acpi..")
                .layer("aml")
                .definedBy(ROOT + ".aml..")
                .layer("platform")
                .definedBy(ROOT + ".platform")
                .layer("builder")
                .definedBy(ROOT + ".platform.builder..")
                .layer("preset")
                .definedBy(ROOT + ".platform.preset..")
                .layer("xen")
                .definedBy(ROOT + ".xen..")
                .layer("dom0")
                .definedBy(ROOT + ".dom0..")
                .layer("strategy")
                .definedBy(ROOT + ".strategy..")
                .layer("simulation")
                .definedBy(ROOT + ".simulation..")
                .layer("conformance")
                .definedBy(ROOT + ".conformance..")
                .layer("report")
                .definedBy(ROOT + ".report..")
                .layer("inspect")
                .definedBy(ROOT + ".inspect..")
                .layer("api")
                .definedBy(ROOT + ".api..")
                .whereLayer("acpi")
                .mayNotAccessAnyLayer()
                .whereLayer("aml")
                .mayOnlyAccessLayers("acpi")
                .whereLayer("platform")
                .mayOnlyAccessLayers("acpi", "aml")
                // The builder writes tables and AML from the decoders' layouts; it knows nothing of platforms.
                .whereLayer("builder")
                .mayOnlyAccessLayers("acpi", "aml")
                .whereLayer("preset")
                .mayOnlyAccessLayers("acpi", "aml", "platform", "builder")
                // xen may use the builder: see xenUsesTheBuilderOnlyToRewriteDom0sTables.
                .whereLayer("xen")
                .mayOnlyAccessLayers("acpi", "aml", "platform", "builder")
                .whereLayer("dom0")
                .mayOnlyAccessLayers("acpi", "aml", "platform")
                .whereLayer("strategy")
                .mayOnlyAccessLayers("acpi", "aml", "platform", "xen", "dom0")
                .whereLayer("simulation")
                .mayOnlyAccessLayers("acpi", "aml", "platform", "xen", "dom0", "strategy")
                .whereLayer("conformance")
                .mayOnlyAccessLayers("acpi", "aml", "platform", "xen", "dom0", "strategy", "simulation")
                .whereLayer("inspect")
                .mayOnlyAccessLayers("acpi", "aml", "platform", "xen", "dom0", "strategy", "simulation", "conformance")
                .whereLayer("report")
                .mayOnlyAccessLayers(
                        "acpi", "aml", "platform", "xen", "dom0", "strategy", "simulation", "conformance", "inspect")
                // The façade turns a preset into files and a platform (PlatformSource, Firmware): it may name
                // the builder and the presets, which no other layer above xen may.
                .whereLayer("api")
                .mayOnlyAccessLayers(
                        "acpi",
                        "aml",
                        "platform",
                        "builder",
                        "preset",
                        "xen",
                        "dom0",
                        "strategy",
                        "simulation",
                        "conformance",
                        "report",
                        "inspect")
                .check(MAIN);
    }

    @Test
    void acpiSubPackagesAreLayeredToo() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("vocabulary")
                .definedBy(ROOT + ".acpi")
                .layer("region")
                .definedBy(ROOT + ".acpi.region..")
                .layer("source")
                .definedBy(ROOT + ".acpi.source..")
                .layer("layout")
                .definedBy(ROOT + ".acpi.table.layout..")
                .layer("table")
                .definedBy(ROOT + ".acpi.table")
                .layer("decoder")
                .definedBy(ROOT + ".acpi.table.decoder..")
                .layer("load")
                .definedBy(ROOT + ".acpi.table.load..")
                .whereLayer("vocabulary")
                .mayNotAccessAnyLayer()
                .whereLayer("region")
                .mayOnlyAccessLayers("vocabulary")
                .whereLayer("source")
                .mayOnlyAccessLayers("vocabulary")
                // The decoding framework knows no table: the records and decoders build on it.
                .whereLayer("layout")
                .mayOnlyAccessLayers("vocabulary", "region", "source")
                // The records and the registry; the registry finds the decoders through META-INF/services, so it
                // never names them.
                .whereLayer("table")
                .mayOnlyAccessLayers("vocabulary", "region", "source", "layout")
                .whereLayer("decoder")
                .mayOnlyAccessLayers("vocabulary", "region", "source", "layout", "table")
                // Loading a whole image decodes through the registry and orders the tables; it names no decoder.
                .whereLayer("load")
                .mayOnlyAccessLayers("vocabulary", "region", "source", "layout", "table")
                .check(MAIN);
    }

    @Test
    void amlSubPackagesAreLayeredToo() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("vocabulary")
                .definedBy(ROOT + ".aml")
                .layer("resource")
                .definedBy(ROOT + ".aml.resource..")
                .layer("parse")
                .definedBy(ROOT + ".aml.parse..")
                .layer("interp")
                .definedBy(ROOT + ".aml.interp..")
                .layer("survey")
                .definedBy(ROOT + ".aml.survey..")
                // Names, terms, objects, values and the namespace tree: what every part shares, nothing more.
                .whereLayer("vocabulary")
                .mayNotAccessAnyLayer()
                .whereLayer("resource")
                .mayNotAccessAnyLayer()
                // The loader knows nothing of evaluation.
                .whereLayer("parse")
                .mayOnlyAccessLayers("vocabulary")
                // The interpreter parses method bodies on first use (BodyParser), so it sits above the parser.
                .whereLayer("interp")
                .mayOnlyAccessLayers("vocabulary", "parse")
                .whereLayer("survey")
                .mayOnlyAccessLayers("vocabulary", "resource", "parse", "interp")
                .check(MAIN);
        // Outside aml the parser is reached through AmlLoader only: AmlParser, BodyParser and Stmt are public for
        // the interpreter, not for the layers above.
        noClasses()
                .that()
                .resideOutsideOfPackages(ROOT + ".aml..")
                .should()
                .dependOnClassesThat(
                        resideInAPackage(ROOT + ".aml.parse").and(not(name(ROOT + ".aml.parse.AmlLoader"))))
                .check(MAIN);
    }

    @Test
    void amlResourceDecodingDoesNotReachIntoTheInterpreter() {
        // aml.resource decodes resource templates for the interpreter (_CRS) and for the tables that embed them;
        // the interpreter uses it, never the other way round.
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".aml.resource..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(ROOT + ".aml")
                .check(MAIN);
        // The AML writer builds on the table builder, not the other way round.
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".platform.builder")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(ROOT + ".platform.builder.aml..")
                .check(MAIN);
    }

    @Test
    void xenUsesTheBuilderOnlyToRewriteDom0sTables() {
        // Xen writes Dom0's own MADT and STAO and copies the other tables (acpi_create_madt, acpi_create_stao,
        // prepare_acpi in xen/arch/arm/acpi/domain_build.c): HardwareDomainTables does it with the project's
        // table writer rather than a second encoder. No other xen class may reach the builder.
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".xen..")
                .and()
                .doNotHaveSimpleName("HardwareDomainTables")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(ROOT + ".platform.builder..")
                .check(MAIN);
    }

    @Test
    void presetsAreReachedOnlyThroughTheFacade() {
        // Presets are demo platforms: front ends and tests name them, core code never decides with them.
        noClasses()
                .that()
                .resideOutsideOfPackages(ROOT + ".platform.preset..", ROOT + ".api..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(ROOT + ".platform.preset..")
                .check(MAIN);
    }

    @Test
    void noPackageCycles() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(MAIN);
    }
}
