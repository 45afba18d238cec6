package io.github.xenacpi.groundtruth;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.source.FirmwareSource;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.load.AcpiTables;
import io.github.xenacpi.aml.resource.Resource;
import io.github.xenacpi.aml.survey.NamespaceSurvey;
import io.github.xenacpi.platform.LinuxVersion;
import io.github.xenacpi.platform.MemoryRange;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.PlatformDescriptor;
import io.github.xenacpi.platform.XenVersion;
import io.github.xenacpi.platform.preset.Preset;
import io.github.xenacpi.simulation.Simulation;
import io.github.xenacpi.simulation.SimulationInput;
import io.github.xenacpi.strategy.BusNotify;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code qemu-virt} preset is QEMU 7.2's virt machine as the ground-truth boots recorded it
 * ({@code src/test/resources/groundtruth/virt/tables.acpidump}, the tables Dom0 was given): the same tables, the
 * same regions in each, the same devices with the same resources, and the same simulated Dom0 boot. The MADT and
 * FADT Dom0 got are Xen's (rewritten by {@code acpi_create_madt}, without the ITS, and {@code acpi_create_fadt},
 * PSCI over HVC); the preset holds the host's, so those two are compared through what Xen makes of them.
 */
class QemuVirtPresetTest {
    private static Platform recorded;
    private static Platform preset;

    @BeforeAll
    static void load() throws Exception {
        Path dump = Path.of(QemuVirtPresetTest.class
                .getResource("/groundtruth/virt/tables.acpidump")
                .toURI());
        recorded = new Platform("virt", AcpiTables.load(FirmwareSource.open(dump)), PlatformDescriptor.DEFAULT);
        preset = Preset.QEMU_VIRT.platform();
    }

    @Test
    void sameTables() {
        assertThat(signatures(preset)).isEqualTo(signatures(recorded));
    }

    @Test
    void sameRegionsInEveryTable() {
        assertThat(regions(preset)).containsExactlyElementsOf(regions(recorded));
    }

    @Test
    void sameDevicesWithTheSameResources() {
        assertThat(devices(preset.survey())).containsExactlyElementsOf(devices(recorded.survey()));
        assertThat(preset.survey().operationRegions())
                .extracting(r -> r.path() + " " + r.space() + " " + r.base() + "/" + r.length())
                .containsExactlyElementsOf(recorded.survey().operationRegions().stream()
                        .map(r -> r.path() + " " + r.space() + " " + r.base() + "/" + r.length())
                        .toList());
    }

    /** The same Dom0 boot, event by event and outcome by outcome, for Xen without and with the lazy map. */
    @ParameterizedTest
    @ValueSource(strings = {"4.8", "4.19", "4.22"})
    void sameSimulatedBoot(String xen) {
        assertThat(boot(preset, xen)).containsExactlyElementsOf(boot(recorded, xen));
    }

    private static Set<String> signatures(Platform p) {
        Set<String> out = new TreeSet<>();
        for (LoadedTable t : p.tables().all()) {
            out.add(t.raw().signature());
        }
        // Xen's own: the root tables it writes for Dom0 and the STAO it adds; FACS and empty slots.
        out.removeAll(Set.of("RSDP", "XSDT", "RSDT", "STAO", "FACS"));
        return out;
    }

    /**
     * Every region the tables describe but the tables themselves (their addresses are the firmware's choice); the
     * ITS, which Xen takes out of Dom0's MADT, and the FADT's fields Xen rewrites are left out.
     */
    private static List<String> regions(Platform p) {
        return p.regions().stream()
                .filter(r -> r.kind() != RegionKind.ACPI_TABLE && r.kind() != RegionKind.GIC_ITS)
                .map(QemuVirtPresetTest::describe)
                .sorted()
                .toList();
    }

    private static String describe(DescribedRegion r) {
        return r.table() + " " + r.kind() + " " + r.space() + " 0x" + Long.toHexString(r.base()) + "/0x"
                + Long.toHexString(r.length()) + " " + r.path();
    }

    private static List<String> devices(NamespaceSurvey s) {
        return s.devices().stream()
                .map(d -> d.path() + " hid=" + d.hid() + " cid=" + d.cids() + " uid=" + d.uid()
                        + " sta=" + d.sta() + " enumerated=" + d.enumerated() + " crs="
                        + (d.crs() == null
                                ? "none"
                                : d.crs().resources().stream()
                                        .map(Resource::toString)
                                        .toList()))
                .toList();
    }

    private static List<String> boot(Platform p, String xen) {
        PlatformDescriptor d = PlatformDescriptor.builder()
                .ram(List.of(new MemoryRange(0x4000_0000L, 0x2000_0000L)))
                .xen(XenVersion.parse(xen))
                .linux(LinuxVersion.V6_1)
                .build();
        Platform withDescriptor = new Platform(p.name(), p.tables(), d);
        return Simulation.run(SimulationInput.of(withDescriptor), new BusNotify()).outcomes().stream()
                .filter(o -> o.event().kind() != RegionKind.ACPI_TABLE)
                .map(o -> o.event().stage() + " " + o.event().api() + " "
                        + o.event().function() + " 0x"
                        + Long.toHexString(o.event().base()) + "/0x"
                        + Long.toHexString(o.event().length()) + " "
                        + o.result())
                .toList();
    }
}
