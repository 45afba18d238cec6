package io.github.xenacpi.xen;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.source.FirmwareImage;
import io.github.xenacpi.acpi.source.RawTable;
import io.github.xenacpi.acpi.source.SourceFormat;
import io.github.xenacpi.acpi.table.FadtTable;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.MadtTable;
import io.github.xenacpi.acpi.table.StaoTable;
import io.github.xenacpi.acpi.table.TableDecoders;
import io.github.xenacpi.acpi.table.load.AcpiTables;
import io.github.xenacpi.platform.XenVersion;
import io.github.xenacpi.platform.builder.FadtBuilder;
import io.github.xenacpi.platform.builder.MadtBuilder;
import io.github.xenacpi.platform.builder.OemIdentity;
import io.github.xenacpi.platform.builder.TableBuilder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Pins acpi_create_fadt, acpi_create_madt / gicv3_make_hwdom_madt and acpi_create_stao
 * (src-site/markdown/dom0-model.md, "Xen").
 */
class HardwareDomainTablesTest {

    private static RawTable raw(TableBuilder b) {
        return new RawTable(
                b.signature(),
                1,
                b.build(OemIdentity.DEFAULT),
                new io.github.xenacpi.acpi.source.TableOrigin(Path.of("host"), SourceFormat.BUILDER, 0, 0, -1));
    }

    private static AcpiTables host() {
        MadtBuilder madt = new MadtBuilder()
                .add(new MadtTable.Gicd(0, 0x0800_0000L, 0, 3))
                .gicc(0, 0x0, 0)
                .gicc(1, 0x100, 0)
                .add(new MadtTable.Gicr(0x080A_0000L, 0xF6_0000L))
                .add(new MadtTable.GicIts(0, 0x0808_0000L))
                .add(new MadtTable.GicMsiFrame(0, 0x0802_0000L, 0, 64, 80));
        return AcpiTables.load(new FirmwareImage(
                Path.of("host"),
                SourceFormat.BUILDER,
                List.of(raw(new FadtBuilder().hardwareReducedArm(false)), raw(madt)),
                List.of()));
    }

    private static <T> T decoded(List<RawTable> tables, String sig, Class<T> type) {
        LoadedTable t = TableDecoders.standard()
                .decode(tables.stream()
                        .filter(r -> r.signature().equals(sig))
                        .findFirst()
                        .orElseThrow());
        assertThat(t.checksumValid()).as(sig + " checksum").isTrue();
        return type.cast(t.table());
    }

    @Test
    void fadtGetsPsciOverHvc() {
        List<RawTable> dom0 = HardwareDomainTables.build(host(), XenVersion.V4_17, 4);

        FadtTable fadt = decoded(dom0, "FACP", FadtTable.class);
        assertThat(fadt.isPsciCompliant()).isTrue();
        assertThat(fadt.psciUsesHvc()).isTrue();
    }

    @Test
    void madtHasOneGiccPerVcpuTheGicdAndGicrButNoMsiFrame() {
        MadtTable madt =
                decoded(HardwareDomainTables.build(host(), XenVersion.V4_17, true, 18), "APIC", MadtTable.class);

        List<MadtTable.Gicc> giccs = madt.structures().stream()
                .filter(MadtTable.Gicc.class::isInstance)
                .map(MadtTable.Gicc.class::cast)
                .toList();
        assertThat(giccs).hasSize(18);
        assertThat(giccs.get(17).mpidr()).isEqualTo(0x101);
        assertThat(giccs.get(17).processorUid()).isEqualTo(17);
        assertThat(giccs).allSatisfy(g -> assertThat(g.gicrBaseAddress()).isZero());
        assertThat(madt.structures())
                .hasAtLeastOneElementOfType(MadtTable.Gicd.class)
                .hasAtLeastOneElementOfType(MadtTable.Gicr.class)
                .hasAtLeastOneElementOfType(MadtTable.GicIts.class)
                .noneMatch(MadtTable.GicMsiFrame.class::isInstance);
    }

    @Test
    void itsStructuresReachDom0From410Only() {
        MadtTable madt = decoded(HardwareDomainTables.build(host(), XenVersion.V4_8, true, 1), "APIC", MadtTable.class);
        // Without CONFIG_HAS_ITS (the default) gicv3_its_make_hwdom_madt copies nothing, whatever the release.
        MadtTable defaultBuild =
                decoded(HardwareDomainTables.build(host(), XenVersion.V4_22, 1), "APIC", MadtTable.class);

        assertThat(madt.structures()).noneMatch(MadtTable.GicIts.class::isInstance);
        assertThat(defaultBuild.structures()).noneMatch(MadtTable.GicIts.class::isInstance);
    }

    @Test
    void staoHidesTheUartAndListsNoNames() {
        StaoTable stao = decoded(HardwareDomainTables.build(host(), XenVersion.V4_8, 1), "STAO", StaoTable.class);

        assertThat(stao.uartHidden()).isTrue();
        assertThat(stao.names()).isEmpty();
    }
}
