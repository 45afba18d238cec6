package io.github.xenacpi.dom0;

import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.aml.survey.NamespaceSurvey;
import io.github.xenacpi.platform.LinuxVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How Linux turns a device the namespace enumerates into something that maps its {@code _CRS} memory
 * (src-site/markdown/dom0-model.md, "Dom0 Linux"): {@code acpi_default_enumeration} creates a platform device with
 * every resource (Xen's bus notifier maps them all), the AMBA handler reads the peripheral ID through its own ioremap
 * before {@code device_add} and the notifier then maps only the first resource, scan handlers (PCI host bridges,
 * processors, PNP system devices) create no platform device, and the STAO that Xen generates hides the device whose
 * first memory resource is the SPCR UART ({@code acpi_device_should_be_hidden}).
 */
final class DeviceEnumeration {
    /** pci_root_handler (PNP0A03, PNP0A08), processor_handler (ACPI0007), acpi_pnp_handler (PNP0C01, PNP0C02). */
    static final Set<String> SCAN_HANDLED = Set.of("PNP0A03", "PNP0A08", "ACPI0007", "PNP0C01", "PNP0C02");
    /** amba_read_periphid reads the PID/CID registers in the last 32 bytes of the first resource. */
    static final long PERIPHERAL_ID_OFFSET_FROM_END = 0x20;

    private final Map<String, NamespaceSurvey.DeviceInfo> byPath = new HashMap<>();
    private final Set<String> hidden = new HashSet<>();
    private final Set<String> amba;

    DeviceEnumeration(NamespaceSurvey namespace, List<DescribedRegion> regions, LinuxVersion linux) {
        namespace.devices().forEach(d -> byPath.put(d.path(), d));
        Set<Long> uartBases = new HashSet<>();
        regions.stream().filter(r -> r.kind() == RegionKind.SERIAL_PORT).forEach(r -> uartBases.add(r.base()));
        // acpi_device_should_be_hidden: the whole device whose first memory resource is the SPCR UART.
        regions.stream()
                .filter(r ->
                        r.kind() == RegionKind.DEVICE_RESOURCE && resourceIndex(r) == 0 && uartBases.contains(r.base()))
                .forEach(r -> hidden.add(devicePath(r)));
        this.amba = linux.ambaIds();
    }

    /** The feature a device resource serves: the device and its _HID. */
    String feature(DescribedRegion r, String otherwise) {
        if (r.kind() != RegionKind.DEVICE_RESOURCE) {
            return otherwise;
        }
        NamespaceSurvey.DeviceInfo d = byPath.get(devicePath(r));
        return d == null ? otherwise : "device " + d.path() + (d.hid() == null ? "" : " (" + d.hid() + ")");
    }

    /** The steps Linux takes for one memory range of an enumerated device's _CRS. */
    List<LinuxRegionUse.Step> steps(DescribedRegion r) {
        List<LinuxRegionUse.Step> s = new ArrayList<>();
        NamespaceSurvey.DeviceInfo d = byPath.get(devicePath(r));
        if (d == null || d.hid() == null) {
            return s;
        }
        Set<String> ids = new HashSet<>(d.cids());
        ids.add(d.hid());
        int index = resourceIndex(r);
        if (ids.stream().anyMatch(SCAN_HANDLED::contains) || hidden.contains(d.path())) {
            return s;
        }
        // amba_handler_attach claims the ids of this kernel's amba_id_list (LinuxVersion.ambaIds).
        if (ids.stream().anyMatch(amba::contains)) {
            if (index == 0) {
                // amba_device_add: ioremap and read PID/CID first, then device_add (the notifier maps adev->res).
                s.add(new LinuxRegionUse.Step(
                        BootStage.SUBSYS_INITCALL,
                        AccessApi.IOREMAP,
                        "ioremap",
                        "amba_device_add",
                        r.base(),
                        r.length()));
                s.add(LinuxRegionUse.touch(
                        BootStage.SUBSYS_INITCALL,
                        "amba_read_periphid",
                        r.base()
                                + (Long.compareUnsigned(r.length(), PERIPHERAL_ID_OFFSET_FROM_END) > 0
                                        ? r.length() - PERIPHERAL_ID_OFFSET_FROM_END
                                        : 0)));
                s.add(new LinuxRegionUse.Step(
                        BootStage.SUBSYS_INITCALL,
                        AccessApi.DEVICE_ADD,
                        "device_add",
                        "amba_device_add",
                        r.base(),
                        r.length()));
            }
            return s;
        }
        // acpi_default_enumeration -> acpi_create_platform_device with every resource; the driver maps at probe.
        LinuxRegionUse.platformDevice(
                s,
                BootStage.SUBSYS_INITCALL,
                "platform_device_add",
                "acpi_create_platform_device",
                "devm_ioremap_resource",
                "platform driver probe",
                r.base(),
                r.length());
        return s;
    }

    static String devicePath(DescribedRegion r) {
        int at = r.path().lastIndexOf("._CRS[");
        return at < 0 ? r.path() : r.path().substring(0, at);
    }

    private static int resourceIndex(DescribedRegion r) {
        int open = r.path().lastIndexOf('[');
        int close = r.path().lastIndexOf(']');
        if (open < 0 || close < open) {
            return 0;
        }
        try {
            return Integer.parseInt(r.path().substring(open + 1, close));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
