package io.github.xenacpi.dom0;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.GenericAddress;
import io.github.xenacpi.acpi.table.HestTable;
import io.github.xenacpi.acpi.table.load.AcpiTables;
import io.github.xenacpi.aml.AmlTerm;
import io.github.xenacpi.platform.LinuxVersion;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.PlatformDescriptor;
import io.github.xenacpi.platform.builder.FadtBuilder;
import io.github.xenacpi.platform.builder.HestBuilder;
import io.github.xenacpi.platform.builder.IortBuilder;
import io.github.xenacpi.platform.builder.McfgBuilder;
import io.github.xenacpi.platform.builder.PlatformBuilder;
import io.github.xenacpi.platform.builder.SpcrBuilder;
import io.github.xenacpi.platform.builder.aml.DefinitionBlockBuilder;
import io.github.xenacpi.platform.builder.aml.FieldAccessType;
import io.github.xenacpi.platform.builder.aml.FieldUpdateRule;
import io.github.xenacpi.platform.builder.aml.ResourceTemplateBuilder;
import io.github.xenacpi.platform.builder.aml.TermListBuilder;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Pins the Linux side (src-site/markdown/dom0-model.md, "Dom0 Linux") for devices and AML: acpi_create_platform_device
 * and the bus notifier, amba_device_add's PID/CID read before device_add, scan handlers that create no platform
 * device, the STAO-hidden UART, and acpi_ex_system_memory_space_handler for OperationRegion accesses at boot.
 */
class Dom0BootTest {
    private static final long UART = 0x0900_0000L;

    private static Consumer<TermListBuilder> device(String name, String hid, long base) {
        byte[] crs =
                new ResourceTemplateBuilder().memory32Fixed(true, base, 0x1000).build();
        return sb -> sb.device(name, d -> d.hid(hid).uid(0).crs(crs));
    }

    private static List<BootEvent> events() {
        DefinitionBlockBuilder dsdt = DefinitionBlockBuilder.dsdt()
                .content(root -> root.scope("\\_SB", sb -> {
                    device("GPI0", "ARMH0061", 0x0903_0000L).accept(sb);
                    device("COM0", "ARMH0011", UART).accept(sb);
                    device("PCI0", "PNP0A08", 0x3F00_0000L).accept(sb);
                    device("PMU0", "XACP0002", 0x0C10_0000L).accept(sb);
                    sb.operationRegion(
                                    "SCRR",
                                    AddressSpace.SYSTEM_MEMORY,
                                    AmlTerm.integer(0x0C20_0000L),
                                    AmlTerm.integer(16))
                            .field(
                                    "SCRR",
                                    FieldAccessType.DWORD,
                                    false,
                                    FieldUpdateRule.PRESERVE,
                                    u -> u.unit("FLAG", 32))
                            .name("COPY", AmlTerm.integer(0))
                            .method(
                                    "_INI",
                                    0,
                                    false,
                                    ini -> ini.store(AmlTerm.name("\\_SB.FLAG"), AmlTerm.name("\\_SB.COPY")));
                }));
        AcpiTables tables = AcpiTables.load(PlatformBuilder.create()
                .add(new FadtBuilder().hardwareReducedArm(false))
                .add(dsdt)
                .add(new SpcrBuilder().baseAddress(GenericAddress.memory(UART, 32)))
                .build()
                .image());
        Platform platform = new Platform("devices", tables, PlatformDescriptor.DEFAULT);
        return Dom0Boot.of(platform.regions(), platform.survey(), LinuxVersion.V6_6, false, List.of())
                .events();
    }

    private static List<String> of(List<BootEvent> events, long base) {
        return events.stream()
                .filter(e -> e.base() >= base && e.base() < base + 0x1000)
                .map(e -> e.api() + " " + e.function())
                .toList();
    }

    @Test
    void platformDevicesAreAddedThroughTheNotifierAndMappedByTheirDriver() {
        assertThat(of(events(), 0x0C10_0000L))
                .containsExactly(
                        "DEVICE_ADD acpi_create_platform_device",
                        "IOREMAP platform driver probe",
                        "CPU_TOUCH platform driver probe");
    }

    @Test
    void ambaDevicesReadTheirPeripheralIdBeforeDeviceAdd() {
        assertThat(of(events(), 0x0903_0000L))
                .containsExactly(
                        "IOREMAP amba_device_add", "CPU_TOUCH amba_read_periphid", "DEVICE_ADD amba_device_add");
    }

    @Test
    void theUartHiddenByXensStaoAndThePciRootAreNoPlatformDevices() {
        List<BootEvent> events = events();

        assertThat(events).noneMatch(e -> e.kind() == RegionKind.DEVICE_RESOURCE && e.base() == UART);
        assertThat(of(events, 0x3F00_0000L)).isEmpty();
    }

    @Test
    void amlReadsAtBootMapThroughTheSystemMemoryHandler() {
        assertThat(events())
                .filteredOn(e -> e.kind() == RegionKind.OPERATION_REGION)
                .extracting(e -> e.stage() + " " + e.api() + " " + e.function() + " " + Long.toHexString(e.base()))
                .containsExactly(
                        "SUBSYS_INITCALL ACPI_OS_IOREMAP acpi_ex_system_memory_space_handler c200000",
                        "SUBSYS_INITCALL CPU_TOUCH acpi_ex_system_memory_space_handler c200000");
    }

    /**
     * Linux 6.1's acpi_init (drivers/acpi/bus.c): acpi_iort_init adds the SMMU, acpi_ghes_init probes GHES (which
     * reads the status block), then acpi_scan_init's acpi_bus_scan attaches devices in namespace order, so a
     * platform device before PCI0 is added (and mapped by Xen's notifier) before acpi_pci_root_add's first config
     * read, and one after PCI0 only after the ECAM scan. Recorded by the ground-truth boots of QEMU virt (fw_cfg and
     * virtio-mmio before PCI0; the SMMU's hypercall before ghes_probe's abort).
     */
    @Test
    void subsysInitcallFollowsAcpiInitAndTheNamespaceWalk() {
        DefinitionBlockBuilder dsdt = DefinitionBlockBuilder.dsdt()
                .content(root -> root.scope("\\_SB", sb -> {
                    device("VR00", "LNRO0005", 0x0A00_0000L).accept(sb);
                    device("PCI0", "PNP0A08", 0x3F00_0000L).accept(sb);
                    device("PMU0", "XACP0002", 0x0C10_0000L).accept(sb);
                }));
        IortBuilder iort = new IortBuilder();
        iort.smmuV3(0x0905_0000L);
        HestTable.Ghes ghes = HestTable.Ghes.builder()
                .relatedSourceId(0xFFFF)
                .enabled(true)
                .recordsToPreallocate(1)
                .maxSectionsPerRecord(1)
                .maxRawDataLength(0x1000)
                .errorStatusAddress(GenericAddress.memory(0xBC41_0000L, 64))
                .notification(HestTable.Notification.builder().type(8).build())
                .errorStatusBlockLength(0x1000)
                .build();
        AcpiTables tables = AcpiTables.load(PlatformBuilder.create()
                .add(new FadtBuilder().hardwareReducedArm(false))
                .add(new McfgBuilder().allocation(0x40_1000_0000L, 0, 0, 255))
                .add(dsdt)
                .add(iort)
                .add(new HestBuilder().source(ghes))
                .build()
                .image());
        Platform platform = new Platform("acpi_init", tables, PlatformDescriptor.DEFAULT);
        List<BootEvent> events = Dom0Boot.of(platform.regions(), platform.survey(), LinuxVersion.V6_1, false, List.of())
                .events();

        List<String> order = events.stream()
                .filter(e -> e.stage() == BootStage.SUBSYS_INITCALL)
                .filter(e -> e.api() == AccessApi.DEVICE_ADD || e.api() == AccessApi.CPU_TOUCH)
                .map(e -> e.function() + " " + Long.toHexString(e.base()))
                .distinct()
                .filter(s -> !s.startsWith("pci_scan_slot") || s.endsWith(" 4010000000"))
                .toList();
        assertThat(order)
                .containsSubsequence(
                        "iort_add_platform_device 9050000",
                        "ghes_read_estatus bc410000",
                        "acpi_create_platform_device a000000",
                        "pci_scan_slot 4010000000",
                        "acpi_create_platform_device c100000");
    }

    /**
     * acpi_bus_scan's first pass (acpi_bus_check_add, Linux 6.1) evaluates every device's _CRS through
     * acpi_device_should_be_hidden when the STAO asks to ignore the SPCR UART, before acpi_bus_attach adds any
     * device: an AML _CRS read on a page of an earlier device faults before Xen's notifier maps that page. Without
     * the UART only the device's own attach evaluates its _CRS. Recorded by the ground-truth own-aml boots.
     */
    @Test
    void crsIsEvaluatedBeforeAnyDeviceAddWhenTheSpcrUartIsHidden() {
        assertThat(crsReadBeforeVirtioAdd(true)).isTrue();
        assertThat(crsReadBeforeVirtioAdd(false)).isFalse();
    }

    private static boolean crsReadBeforeVirtioAdd(boolean spcr) {
        byte[] own = new ResourceTemplateBuilder()
                .memory32Fixed(true, 0x0C30_0000L, 0x1000)
                .build();
        DefinitionBlockBuilder dsdt = DefinitionBlockBuilder.dsdt()
                .content(root -> root.scope("\\_SB", sb -> {
                    device("COM0", "ARMH0011", UART).accept(sb);
                    device("VR00", "LNRO0005", 0x0A00_0000L).accept(sb);
                    sb.device("GTA0", d -> {
                        d.hid("XGTA0001").uid(0);
                        d.operationRegion(
                                        "RCRS",
                                        AddressSpace.SYSTEM_MEMORY,
                                        AmlTerm.integer(0x0A00_0000L),
                                        AmlTerm.integer(4))
                                .field(
                                        "RCRS",
                                        FieldAccessType.DWORD,
                                        false,
                                        FieldUpdateRule.PRESERVE,
                                        u -> u.unit("VCRS", 32))
                                .name("LAST", AmlTerm.integer(0))
                                .method(
                                        "_CRS",
                                        0,
                                        false,
                                        m -> m.store(AmlTerm.name("VCRS"), AmlTerm.name("LAST"))
                                                .returns(AmlTerm.buffer(own)));
                    });
                }));
        PlatformBuilder b = PlatformBuilder.create()
                .add(new FadtBuilder().hardwareReducedArm(false))
                .add(dsdt);
        if (spcr) {
            b.add(new SpcrBuilder().baseAddress(GenericAddress.memory(UART, 32)));
        }
        Platform platform = new Platform("crs", AcpiTables.load(b.build().image()), PlatformDescriptor.DEFAULT);
        List<BootEvent> events = Dom0Boot.of(platform.regions(), platform.survey(), LinuxVersion.V6_1, false, List.of())
                .events();
        int crs = -1;
        int add = -1;
        for (int i = 0; i < events.size(); i++) {
            BootEvent e = events.get(i);
            if (crs < 0 && e.api() == AccessApi.CPU_TOUCH && e.kind() == RegionKind.OPERATION_REGION) {
                crs = i;
            }
            if (add < 0 && e.api() == AccessApi.DEVICE_ADD && e.base() == 0x0A00_0000L) {
                add = i;
            }
        }
        assertThat(crs).as("the _CRS read").isNotNegative();
        assertThat(add).as("VR00's add").isNotNegative();
        return crs < add;
    }
}
