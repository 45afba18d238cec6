package io.github.xenacpi.dom0;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.AcpiTables;
import io.github.xenacpi.acpi.table.GenericAddress;
import io.github.xenacpi.aml.AmlTerm;
import io.github.xenacpi.platform.LinuxVersion;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.PlatformDescriptor;
import io.github.xenacpi.platform.builder.FadtBuilder;
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
        byte[] crs = new ResourceTemplateBuilder().memory32Fixed(true, base, 0x1000).build();
        return sb -> sb.device(name, d -> d.hid(hid).uid(0).crs(crs));
    }

    private static List<BootEvent> events() {
        DefinitionBlockBuilder dsdt = DefinitionBlockBuilder.dsdt().content(root -> root.scope("\\_SB", sb -> {
            device("GPI0", "ARMH0061", 0x0903_0000L).accept(sb);
            device("COM0", "ARMH0011", UART).accept(sb);
            device("PCI0", "PNP0A08", 0x3F00_0000L).accept(sb);
            device("PMU0", "XACP0002", 0x0C10_0000L).accept(sb);
            sb.operationRegion("SCRR", AddressSpace.SYSTEM_MEMORY, AmlTerm.integer(0x0C20_0000L), AmlTerm.integer(16))
                    .field("SCRR", FieldAccessType.DWORD, false, FieldUpdateRule.PRESERVE, u -> u.unit("FLAG", 32))
                    .name("COPY", AmlTerm.integer(0))
                    .method("_INI", 0, false, ini -> ini.store(AmlTerm.name("\\_SB.FLAG"), AmlTerm.name("\\_SB.COPY")));
        }));
        AcpiTables tables = AcpiTables.load(PlatformBuilder.create()
                .add(new FadtBuilder().hardwareReducedArm(false))
                .add(dsdt)
                .add(new SpcrBuilder().baseAddress(GenericAddress.memory(UART, 32)))
                .build().image());
        Platform platform = new Platform("devices", tables, PlatformDescriptor.DEFAULT);
        return Dom0Boot.of(platform.regions(), platform.survey(), LinuxVersion.V6_6, false, List.of()).events();
    }

    private static List<String> of(List<BootEvent> events, long base) {
        return events.stream().filter(e -> e.base() >= base && e.base() < base + 0x1000)
                .map(e -> e.api() + " " + e.function()).toList();
    }

    @Test
    void platformDevicesAreAddedThroughTheNotifierAndMappedByTheirDriver() {
        assertThat(of(events(), 0x0C10_0000L)).containsExactly(
                "DEVICE_ADD acpi_create_platform_device",
                "IOREMAP platform driver probe",
                "CPU_TOUCH platform driver probe");
    }

    @Test
    void ambaDevicesReadTheirPeripheralIdBeforeDeviceAdd() {
        assertThat(of(events(), 0x0903_0000L)).containsExactly(
                "IOREMAP amba_device_add",
                "CPU_TOUCH amba_read_periphid",
                "DEVICE_ADD amba_device_add");
    }

    @Test
    void theUartHiddenByXensStaoAndThePciRootAreNoPlatformDevices() {
        List<BootEvent> events = events();

        assertThat(events).noneMatch(e -> e.kind() == RegionKind.DEVICE_RESOURCE && e.base() == UART);
        assertThat(of(events, 0x3F00_0000L)).isEmpty();
    }

    @Test
    void amlReadsAtBootMapThroughTheSystemMemoryHandler() {
        assertThat(events()).filteredOn(e -> e.kind() == RegionKind.OPERATION_REGION)
                .extracting(e -> e.stage() + " " + e.api() + " " + e.function() + " " + Long.toHexString(e.base()))
                .containsExactly(
                        "SUBSYS_INITCALL ACPI_OS_IOREMAP acpi_ex_system_memory_space_handler c200000",
                        "SUBSYS_INITCALL CPU_TOUCH acpi_ex_system_memory_space_handler c200000");
    }
}
