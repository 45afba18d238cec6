package io.github.xenacpi.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.GenericAddress;
import io.github.xenacpi.acpi.table.load.AcpiTables;
import io.github.xenacpi.aml.AmlTerm;
import io.github.xenacpi.platform.MemoryRange;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.PlatformDescriptor;
import io.github.xenacpi.platform.builder.FadtBuilder;
import io.github.xenacpi.platform.builder.PlatformBuilder;
import io.github.xenacpi.platform.builder.SpcrBuilder;
import io.github.xenacpi.platform.builder.aml.AddressSpec;
import io.github.xenacpi.platform.builder.aml.DefinitionBlockBuilder;
import io.github.xenacpi.platform.builder.aml.FieldAccessType;
import io.github.xenacpi.platform.builder.aml.FieldUpdateRule;
import io.github.xenacpi.platform.builder.aml.ResourceTemplateBuilder;
import io.github.xenacpi.platform.builder.aml.TermListBuilder;
import io.github.xenacpi.report.ConformanceReport;
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
 * Builder-made platforms whose regions are as big as an address space allows: a 64 TiB PCIe window (a server's)
 * and a 2^63-byte OperationRegion. They validate under the default heap with every strategy, and their costs are
 * what Xen would pay, counted rather than simulated page by page (issue 18 point 0).
 */
class HugeRegionsTest {
    private static final long TIB = 1L << 40;
    private static final long WINDOW = 0x4000_0000_0000L;

    private static Platform platform(Consumer<TermListBuilder> sb) {
        DefinitionBlockBuilder dsdt = DefinitionBlockBuilder.dsdt().content(root -> root.scope("\\_SB", sb));
        AcpiTables tables = AcpiTables.load(PlatformBuilder.create()
                .add(new FadtBuilder().hardwareReducedArm(false))
                // Before 4.15 Xen builds no ACPI Dom0 without an SPCR (acpi_iomem_deny_access).
                .add(new SpcrBuilder().baseAddress(GenericAddress.memory(0x0900_0000L, 32)))
                .add(dsdt)
                .build()
                .image());
        return new Platform(
                "huge",
                tables,
                PlatformDescriptor.builder()
                        .ram(List.of(new MemoryRange(0x8000_0000L, 1L << 31)))
                        .build());
    }

    private static byte[] window(long base, long length) {
        return new ResourceTemplateBuilder()
                .qwordAddress(AddressSpec.memory().range(0, base, base + length - 1, 0, length))
                .build();
    }

    @TempDir
    Path dir;

    private String report(Platform p) throws Exception {
        ReportWriter.write(ConformanceReport.of(List.of(p), Instant.EPOCH), dir);
        return Files.readString(dir.resolve("report.json"));
    }

    @Test
    void aSixtyFourTebibytePcieWindowAndPlatformDeviceSimulateUnderEveryStrategy() throws Exception {
        Platform p =
                platform(sb -> sb.device("PCI0", d -> d.hid("PNP0A08").uid(0).crs(window(WINDOW, 64 * TIB)))
                        .device("BIG0", d -> d.hid("XACP0002").uid(0).crs(window(2 * WINDOW, 64 * TIB))));
        assertThat(p.regions())
                .filteredOn(r -> r.kind() == RegionKind.DEVICE_RESOURCE)
                .extracting(DescribedRegion::length)
                .containsExactly(64 * TIB, 64 * TIB);

        List<SimulationResult> results = Simulation.runAll(SimulationInput.of(p), MappingStrategy.all());

        SimulationResult ioremap = results.stream()
                .filter(r -> r.strategy().equals("arm64-ioremap"))
                .findFirst()
                .orElseThrow();
        // The driver's ioremap of 64 TiB asks Xen for 2^34 pages in one (continued) hypercall: Xen writes every
        // 4 KiB entry and the tables that hold them.
        assertThat(ioremap.costs().pagesMapped()).isGreaterThanOrEqualTo((64 * TIB) >>> 12);
        assertThat(ioremap.costs().p2mTablePages()).isGreaterThan(((64 * TIB) >>> 12) / 512);
        String json = report(p);
        assertThat(json).contains("\"huge\"");
    }

    @Test
    void anOperationRegionOfTwoToTheSixtyThreeBytesIsARegionNotAnInternalError() throws Exception {
        Platform p = platform(sb -> sb.operationRegion(
                        "HUGE",
                        AddressSpace.SYSTEM_MEMORY,
                        AmlTerm.integer(0x1000_0000L),
                        AmlTerm.integer(Long.MIN_VALUE))
                .field("HUGE", FieldAccessType.DWORD, false, FieldUpdateRule.PRESERVE, u -> u.unit("FLAG", 32))
                .name("COPY", AmlTerm.integer(0))
                .method("_INI", 0, false, ini -> ini.store(AmlTerm.name("\\_SB.FLAG"), AmlTerm.name("\\_SB.COPY"))));

        List<SimulationResult> results = Simulation.runAll(SimulationInput.of(p), MappingStrategy.all());

        assertThat(results).hasSize(MappingStrategy.all().size());
        assertThat(p.regions())
                .filteredOn(r -> r.kind() == RegionKind.OPERATION_REGION)
                .isNotEmpty();
        String json = report(p);
        assertThat(json).doesNotContain("negative length");
    }
}
