package io.github.xenacpi.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.table.load.AcpiTables;
import io.github.xenacpi.aml.AmlTerm;
import io.github.xenacpi.aml.interp.RegionAccess;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.PlatformDescriptor;
import io.github.xenacpi.platform.PlatformDescriptorReader;
import io.github.xenacpi.platform.PlatformException;
import io.github.xenacpi.platform.builder.FadtBuilder;
import io.github.xenacpi.platform.builder.PlatformBuilder;
import io.github.xenacpi.platform.builder.aml.AddressSpec;
import io.github.xenacpi.platform.builder.aml.DefinitionBlockBuilder;
import io.github.xenacpi.platform.builder.aml.FieldAccessType;
import io.github.xenacpi.platform.builder.aml.FieldUpdateRule;
import io.github.xenacpi.platform.builder.aml.ResourceTemplateBuilder;
import io.github.xenacpi.platform.builder.aml.TermListBuilder;
import io.github.xenacpi.report.ConformanceReport;
import io.github.xenacpi.report.ReportOptions;
import io.github.xenacpi.report.ReportWriter;
import io.github.xenacpi.strategy.MappingStrategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Addresses and lengths are unsigned 64-bit values (issue 18 point 5): nothing wraps silently to a low address, a
 * range past 2^64 is a diagnostic naming where it was described, and values of 2^63 and more are printed as the
 * numbers they are.
 */
class UnsignedAddressTest {
    private static final long TOP_PAGE = 0xFFFF_FFFF_FFFF_F000L;

    @TempDir
    Path dir;

    private static Platform platform(Consumer<TermListBuilder> sb) {
        DefinitionBlockBuilder dsdt = DefinitionBlockBuilder.dsdt().content(root -> root.scope("\\_SB", sb));
        return new Platform(
                "wrap",
                AcpiTables.load(PlatformBuilder.create()
                        .add(new FadtBuilder().hardwareReducedArm(false))
                        .add(dsdt)
                        .build()
                        .image()),
                PlatformDescriptor.DEFAULT);
    }

    private static Consumer<TermListBuilder> regionWithFieldAt(long base, long length, long fieldOffset) {
        return sb -> sb.operationRegion(
                        "TOPR", AddressSpace.SYSTEM_MEMORY, AmlTerm.integer(base), AmlTerm.integer(length))
                .field(
                        "TOPR",
                        FieldAccessType.DWORD,
                        false,
                        FieldUpdateRule.PRESERVE,
                        u -> u.offset(fieldOffset).unit("FLAG", 32))
                .name("COPY", AmlTerm.integer(0))
                .method("_INI", 0, false, ini -> ini.store(AmlTerm.name("\\_SB.FLAG"), AmlTerm.name("\\_SB.COPY")));
    }

    private static List<String> diagnostics(Platform p) {
        return p.diagnostics().stream().map(Diagnostic::toString).toList();
    }

    @Test
    void aFieldPastTheTopOfTheAddressSpaceIsAFindingNotAnAccessToPageZero() {
        Platform p = platform(regionWithFieldAt(TOP_PAGE, 0x1000, 0x1000));

        assertThat(p.survey().bootAccesses())
                .filteredOn(RegionAccess::baseResolved)
                .extracting(RegionAccess::address)
                .doesNotContain(0L);
        assertThat(diagnostics(p))
                .anySatisfy(d -> assertThat(d)
                        .contains("DSDT")
                        .contains("\\_SB.TOPR")
                        .contains("runs past the top of the 64-bit address space"));
        for (SimulationResult r : Simulation.runAll(SimulationInput.of(p), MappingStrategy.all())) {
            assertThat(r.outcomes()).noneMatch(o -> o.event().base() >>> 12 == 0);
        }
    }

    @Test
    void anOperationRegionPastTheTopIsUnresolvedWithAFinding() {
        Platform p = platform(regionWithFieldAt(TOP_PAGE, 0x2000, 0x1000));

        assertThat(p.survey().operationRegions()).singleElement().satisfies(r -> {
            assertThat(r.resolved()).isFalse();
            assertThat(r.unresolvedReason()).contains("past the top of the 64-bit address space");
        });
        assertThat(p.regions()).noneMatch(r -> r.path().equals("\\_SB.TOPR"));
        assertThat(diagnostics(p))
                .anySatisfy(d -> assertThat(d).startsWith("error: DSDT @0x").contains("\\_SB.TOPR"));
    }

    @Test
    void aDeviceRangePastTheTopIsADiagnosticWithItsTableAndOffset() {
        byte[] crs = new ResourceTemplateBuilder()
                .qwordAddress(AddressSpec.memory().range(0, TOP_PAGE, TOP_PAGE + 0xFFF, 0, 0x2000))
                .build();
        Platform p =
                platform(sb -> sb.device("DEV0", d -> d.hid("XACP0002").uid(0).crs(crs)));

        assertThat(diagnostics(p))
                .anySatisfy(d -> assertThat(d)
                        .startsWith("error: DSDT @0x")
                        .contains("\\_SB.DEV0._CRS[0]")
                        .contains("run past the top of the 64-bit address space"));
        assertThat(Simulation.runAll(SimulationInput.of(p), MappingStrategy.all()))
                .isNotEmpty();
    }

    @Test
    void qwordMemoryAtOrAboveTwoToTheSixtyThreeIsPrintedUnsigned() throws Exception {
        long base = 0xFFFF_0000_0000_0000L;
        byte[] crs = new ResourceTemplateBuilder()
                .qwordAddress(AddressSpec.memory().range(0, base, base + 0xFFFF, 0, 0x10000))
                .build();
        Platform p =
                platform(sb -> sb.device("DEV0", d -> d.hid("XACP0002").uid(0).crs(crs)));

        // The regions print as hex; the namespace's decoded resources (with the trace) as unsigned decimals.
        ReportWriter.write(ConformanceReport.of(List.of(p), ReportOptions.TRACE, Instant.EPOCH), dir);
        String json = Files.readString(dir.resolve("report.json"));

        assertThat(json)
                .contains(Long.toUnsignedString(base))
                .contains(Long.toUnsignedString(base + 0xFFFF))
                .doesNotContain(Long.toString(base))
                .contains("0xFFFF000000000000");
    }

    @Test
    void aDescriptorRamRangePastTheTopIsRefusedByName() throws Exception {
        Path file = dir.resolve("xenacpi.json");
        Files.writeString(file, "{\"ram\": [{\"base\": \"0x80000000\", \"length\": \"0xFFFFFFFFFFFFFFFF\"}]}");

        assertThatThrownBy(() -> PlatformDescriptorReader.read(file))
                .isInstanceOf(PlatformException.class)
                .hasMessageContaining("ram[0]")
                .hasMessageContaining("past the top of the 64-bit address space")
                .hasMessageNotContaining("negative");
    }

    @Test
    void descriptorAddressesAreUnsignedInDecimalToo() throws Exception {
        Path file = dir.resolve("xenacpi.json");
        Files.writeString(file, "{\"ram\": [{\"base\": \"0\", \"length\": \"18446744073709551615\"}]}");
        assertThat(PlatformDescriptorReader.read(file).ram())
                .singleElement()
                .satisfies(m -> assertThat(m.length()).isEqualTo(-1L));

        Files.writeString(file, "{\"ram\": [{\"base\": \"-4096\", \"length\": \"4096\"}]}");
        assertThatThrownBy(() -> PlatformDescriptorReader.read(file))
                .isInstanceOf(PlatformException.class)
                .hasMessageContaining("ram[0].base")
                .hasMessageContaining("unsigned");

        Files.writeString(file, "{\"ram\": [{\"base\": \"18446744073709551616\", \"length\": \"1\"}]}");
        assertThatThrownBy(() -> PlatformDescriptorReader.read(file))
                .isInstanceOf(PlatformException.class)
                .hasMessageContaining("ram[0].base");
    }
}
