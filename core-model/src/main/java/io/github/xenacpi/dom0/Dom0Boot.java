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
        DeviceEnumeration devices = new DeviceEnumeration(namespace, regions);
        for (DescribedRegion r : regions) {
            if (!r.isDeviceMemory()) {
                continue;
            }
            String feature = LinuxRegionUse.feature(r);
            String source = r.table() + (r.instance() > 1 ? "#" + r.instance() : "") + " " + r.path();
            List<LinuxRegionUse.Step> steps = r.kind() == RegionKind.DEVICE_RESOURCE ? devices.steps(r)
                    : LinuxRegionUse.steps(r, linux, earlycon);
            for (LinuxRegionUse.Step s : steps) {
                unordered.add(new BootEvent(0, s.stage(), s.api(), s.kernelApi(), r.kind(), s.base(), s.length(),
                        s.function(), devices.feature(r, feature), r.table(), source));
            }
        }
        unordered.addAll(amlAccesses(namespace, regions));
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

    /**
     * acpi_ex_system_memory_space_handler: each SystemMemory access AML makes while acpi_init runs _INI, _STA,
     * _REG and _CRS maps a window with acpi_os_map_memory and then reads or writes it.
     */
    private static List<BootEvent> amlAccesses(NamespaceSurvey namespace, List<DescribedRegion> regions) {
        Map<String, DescribedRegion> byPath = new HashMap<>();
        regions.stream().filter(r -> r.kind() == RegionKind.OPERATION_REGION).forEach(r -> byPath.put(r.path(), r));
        List<BootEvent> out = new ArrayList<>();
        for (RegionAccess a : namespace.bootAccesses()) {
            if (a.space() != AddressSpace.SYSTEM_MEMORY || !a.baseResolved()) {
                continue;
            }
            DescribedRegion region = byPath.get(a.regionPath());
            String table = region == null ? "" : region.table();
            String feature = "AML " + a.regionPath() + " (" + a.methodPath() + ")";
            long width = Math.max(1, a.widthBits() / 8);
            out.add(new BootEvent(0, BootStage.SUBSYS_INITCALL, AccessApi.ACPI_OS_IOREMAP, "acpi_os_map_memory",
                    RegionKind.OPERATION_REGION, a.address(), width, "acpi_ex_system_memory_space_handler", feature,
                    table, a.regionPath()));
            out.add(new BootEvent(0, BootStage.SUBSYS_INITCALL, AccessApi.CPU_TOUCH,
                    a.direction() == RegionAccess.Direction.READ ? "readl" : "writel", RegionKind.OPERATION_REGION,
                    a.address(), width, "acpi_ex_system_memory_space_handler", feature, table, a.regionPath()));
        }
        return out;
    }

    public LinuxVersion linux() {
        return linux;
    }

    /** The events in boot order, numbered from 1. */
    public List<BootEvent> events() {
        return events;
    }
}
