package io.github.xenacpi.dom0;

import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.aml.NamespaceSurvey;
import io.github.xenacpi.aml.RegionAccess;
import io.github.xenacpi.platform.DmaScenario;
import io.github.xenacpi.platform.LinuxVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The ordered boot events Dom0 Linux of one version produces on a platform: for every described region the
 * steps its kernel consumer takes ({@link LinuxRegionUse}), for every device the namespace enumerates the
 * platform or AMBA device Linux creates ({@link DeviceEnumeration}), the SystemMemory accesses AML makes while
 * Linux initializes the namespace, and the DMA of the given scenarios. Sorted by boot stage (stable within a stage,
 * so a region's map precedes its touch); DMA that precedes the CPU goes right before the CPU's first access to
 * its page, DMA that follows it at run time. Immutable.
 */
public final class Dom0Boot {
    private static final int PAGE_SHIFT = 12;
    private final LinuxVersion linux;
    private final List<BootEvent> events;

    private Dom0Boot(LinuxVersion linux, List<BootEvent> events) {
        this.linux = linux;
        this.events = List.copyOf(events);
    }

    /**
     * The boot of {@code linux} over the regions; {@code earlycon} says whether the kernel command line asks
     * for the SPCR early console (the only case in which Linux touches the SPCR UART).
     */
    public static Dom0Boot of(List<DescribedRegion> regions, NamespaceSurvey namespace, LinuxVersion linux,
                              boolean earlycon, List<DmaScenario> dma) {
        Objects.requireNonNull(linux, "linux");
        List<BootEvent> unordered = new ArrayList<>();
        DeviceEnumeration devices = new DeviceEnumeration(namespace, regions, linux);
        LinuxContext context = LinuxContext.of(linux, earlycon, namespace, regions);
        AmlAccesses aml = amlAccesses(namespace, regions);
        // Module-level code (acpi_early_init) and _INI/_REG (acpi_bus_init, before acpi_iort_init and
        // acpi_scan_init add any device) go first: the stable sort keeps them ahead within their stage.
        unordered.addAll(aml.beforeDevices());
        for (DescribedRegion r : regions) {
            if (!r.isDeviceMemory()) {
                continue;
            }
            String feature = LinuxRegionUse.feature(r);
            String source = r.table() + (r.instance() > 1 ? "#" + r.instance() : "") + " " + r.path();
            List<LinuxRegionUse.Step> steps = r.kind() == RegionKind.DEVICE_RESOURCE ? devices.steps(r)
                    : LinuxRegionUse.steps(r, context);
            for (LinuxRegionUse.Step s : steps) {
                unordered.add(new BootEvent(0, s.stage(), s.api(), s.kernelApi(), r.kind(), s.base(), s.length(),
                        s.function(), devices.feature(r, feature), r.table(), source));
            }
        }
        unordered.addAll(aml.duringScan());
        List<BootEvent> sorted = new ArrayList<>(unordered);
        sorted.sort(Comparator.comparing(BootEvent::stage));
        for (DmaScenario d : dma) {
            if (d.beforeCpu()) {
                int at = firstTouchOfPage(sorted, d.address());
                BootStage stage = at < sorted.size() ? sorted.get(at).stage() : BootStage.DEVICE_INITCALL;
                sorted.add(at, dmaEvent(d, stage));
            } else {
                sorted.add(dmaEvent(d, BootStage.RUNTIME));
            }
        }
        List<BootEvent> out = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            out.add(sorted.get(i).withOrder(i + 1));
        }
        return new Dom0Boot(linux, out);
    }

    /** The page of an event's last byte ({@code length} unsigned; the top page for a range past 2^64). */
    private static long lastPage(BootEvent e) {
        long end = e.base() + (e.length() == 0 ? 1 : e.length()) - 1;
        return (Long.compareUnsigned(end, e.base()) < 0 ? -1L : end) >>> PAGE_SHIFT;
    }

    /**
     * Where DMA that precedes the CPU goes: right before the first CPU access to the target's 4 KiB page (after
     * whatever mapping or device add precedes that access), or, when the CPU never touches the page, where drivers
     * start DMA engines, at the first device_initcall event.
     */
    private static int firstTouchOfPage(List<BootEvent> sorted, long address) {
        long page = address >>> PAGE_SHIFT;
        int firstDriver = sorted.size();
        for (int i = 0; i < sorted.size(); i++) {
            BootEvent e = sorted.get(i);
            if (e.api() == AccessApi.CPU_TOUCH && e.base() >>> PAGE_SHIFT <= page
                    && lastPage(e) >= page) {
                return i;
            }
            if (firstDriver == sorted.size() && e.stage().compareTo(BootStage.DEVICE_INITCALL) >= 0) {
                firstDriver = i;
            }
        }
        return firstDriver;
    }

    private static BootEvent dmaEvent(DmaScenario d, BootStage stage) {
        return new BootEvent(0, stage, AccessApi.DMA, "dma", d.targetKind(), d.address(), 4, d.device(),
                "DMA by " + d.device(), "", d.device());
    }

    /** AML's SystemMemory events: those that precede every device add, and those of device enumeration. */
    private record AmlAccesses(List<BootEvent> beforeDevices, List<BootEvent> duringScan) {
    }

    /** Methods acpi_bus_scan evaluates while it enumerates devices (acpi_bus_attach, acpi_set_pnp_ids). */
    private static final java.util.Set<String> SCAN_METHODS = java.util.Set.of("_HID", "_CID", "_UID", "_ADR",
            "_CRS", "_PRS", "_DSD", "_CLS", "_SUB", "_HRV", "_DEP");

    /**
     * acpi_ex_system_memory_space_handler for each SystemMemory access AML makes at boot. Module-level code runs
     * as acpi_early_init loads the table; \_INI, _REG and the devices' _STA/_INI run in acpi_bus_init
     * (acpi_initialize_objects) before acpi_scan_init adds any device; _STA, _HID, _CRS and the rest of
     * enumeration run during acpi_scan_init. The handler maps a window with acpi_os_map_memory only when the
     * access falls outside the region's current window, the window running from the accessed address to the end
     * of the region or of the page, whichever comes first; repeated accesses in the window reuse the mapping.
     */
    private static AmlAccesses amlAccesses(NamespaceSurvey namespace, List<DescribedRegion> regions) {
        Map<String, DescribedRegion> byPath = new HashMap<>();
        regions.stream().filter(r -> r.kind() == RegionKind.OPERATION_REGION).forEach(r -> byPath.put(r.path(), r));
        Map<String, long[]> windows = new HashMap<>();
        List<BootEvent> before = new ArrayList<>();
        List<BootEvent> scan = new ArrayList<>();
        boolean scanning = false;
        for (RegionAccess a : namespace.bootAccesses()) {
            boolean moduleLevel = a.methodPath().endsWith("module-level code");
            if (!moduleLevel && SCAN_METHODS.contains(lastSegment(a.methodPath()))) {
                scanning = true;
            }
            if (a.space() != AddressSpace.SYSTEM_MEMORY || !a.baseResolved()) {
                continue;
            }
            BootStage stage = moduleLevel ? BootStage.ACPI_EARLY_INIT : BootStage.SUBSYS_INITCALL;
            List<BootEvent> out = moduleLevel || !scanning ? before : scan;
            DescribedRegion region = byPath.get(a.regionPath());
            String table = region == null ? "" : region.table();
            String feature = "AML " + a.regionPath() + " (" + a.methodPath() + ")";
            long width = Math.max(1, a.widthBits() / 8);
            long[] w = windows.get(a.regionPath());
            if (w == null || Long.compareUnsigned(a.address(), w[0]) < 0
                    || Long.compareUnsigned(a.address() + width, w[1]) > 0) {
                long pageEnd = (a.address() | 0xFFFL) + 1;
                long regionEnd = region == null ? pageEnd : region.base() + region.length();
                long end = Long.compareUnsigned(regionEnd, pageEnd) < 0 && Long.compareUnsigned(regionEnd,
                        a.address()) > 0 ? regionEnd : pageEnd;
                w = new long[] {a.address(), Math.max(end, a.address() + width)};
                windows.put(a.regionPath(), w);
                out.add(new BootEvent(0, stage, AccessApi.ACPI_OS_IOREMAP, "acpi_os_map_memory",
                        RegionKind.OPERATION_REGION, w[0], w[1] - w[0], "acpi_ex_system_memory_space_handler",
                        feature, table, a.regionPath()));
            }
            out.add(new BootEvent(0, stage, AccessApi.CPU_TOUCH,
                    a.direction() == RegionAccess.Direction.READ ? "readl" : "writel", RegionKind.OPERATION_REGION,
                    a.address(), width, "acpi_ex_system_memory_space_handler", feature, table, a.regionPath()));
        }
        return new AmlAccesses(before, scan);
    }

    private static String lastSegment(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    public LinuxVersion linux() {
        return linux;
    }

    /** The events in boot order, numbered from 1. */
    public List<BootEvent> events() {
        return events;
    }
}
