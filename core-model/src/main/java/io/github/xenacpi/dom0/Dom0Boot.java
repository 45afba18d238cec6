package io.github.xenacpi.dom0;

import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.load.AcpiTables;
import io.github.xenacpi.aml.interp.RegionAccess;
import io.github.xenacpi.aml.survey.NamespaceSurvey;
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
    public static Dom0Boot of(
            List<DescribedRegion> regions,
            NamespaceSurvey namespace,
            LinuxVersion linux,
            boolean earlycon,
            List<DmaScenario> dma) {
        return of(regions, namespace, linux, earlycon, dma, null);
    }

    /**
     * The boot of {@code linux} over the regions, with the host's tables for what a consumer reads from a table
     * rather than from a region (the EINJ parameter block of {@code einj_get_parameter_address}); {@code host} may be
     * {@code null} for regions made by hand.
     */
    public static Dom0Boot of(
            List<DescribedRegion> regions,
            NamespaceSurvey namespace,
            LinuxVersion linux,
            boolean earlycon,
            List<DmaScenario> dma,
            AcpiTables host) {
        Objects.requireNonNull(linux, "linux");
        List<Sequenced> unordered = new ArrayList<>();
        DeviceEnumeration devices = new DeviceEnumeration(namespace, regions, linux);
        LinuxContext context = LinuxContext.of(linux, earlycon, namespace, regions, host);
        NamespaceOrder walk = new NamespaceOrder(namespace);
        AmlAccesses aml = amlAccesses(namespace, regions, linux);
        // Module-level code (acpi_early_init) and _INI/_REG (acpi_bus_init, before acpi_iort_init and
        // acpi_scan_init add any device) go first: the stable sort keeps them ahead within their stage.
        aml.beforeDevices().forEach(e -> unordered.add(new Sequenced(e, AcpiInitStep.BUS_INIT, 0)));
        for (DescribedRegion r : regions) {
            if (!r.isDeviceMemory()) {
                continue;
            }
            String feature = LinuxRegionUse.feature(r);
            String source = r.table() + (r.instance() > 1 ? "#" + r.instance() : "") + " " + r.path();
            List<LinuxRegionUse.Step> steps =
                    r.kind() == RegionKind.DEVICE_RESOURCE ? devices.steps(r) : LinuxRegionUse.steps(r, context);
            AcpiInitStep step = AcpiInitStep.of(r.kind());
            // A device's own events follow the AML its enumeration evaluates (_STA, _CRS: position 2n).
            long position = 2L
                            * (r.kind() == RegionKind.DEVICE_RESOURCE
                                    ? walk.ofDevice(DeviceEnumeration.devicePath(r))
                                    : r.kind() == RegionKind.ECAM ? walk.ofPciRoot() : 0)
                    + 1;
            for (LinuxRegionUse.Step s : steps) {
                unordered.add(new Sequenced(
                        BootEvent.builder()
                                .stage(s.stage())
                                .api(s.api())
                                .kernelApi(s.kernelApi())
                                .kind(s.kind() == null ? r.kind() : s.kind())
                                .base(s.base())
                                .length(s.length())
                                .function(s.function())
                                .feature(devices.feature(r, feature))
                                .table(r.table())
                                .source(source)
                                .build(),
                        step,
                        position));
            }
        }
        // acpi_bus_scan (Linux 6.1 drivers/acpi/scan.c) walks the whole namespace first (acpi_bus_check_add:
        // _STA, _HID, _CID, _UID, _ADR, and _CRS too through acpi_device_should_be_hidden when Xen's STAO asks to
        // ignore the SPCR UART), before acpi_bus_attach adds any device; without that UART only the attach of the
        // method's own device evaluates _CRS (acpi_create_platform_device).
        boolean uartHidden = regions.stream().anyMatch(r -> r.kind() == RegionKind.SERIAL_PORT);
        for (int i = 0; i < aml.duringScan().size(); i++) {
            String method = aml.scanMethods().get(i);
            long position = !uartHidden && "_CRS".equals(lastSegment(method)) ? 2L * walk.ofMethod(method) : -1L;
            unordered.add(new Sequenced(aml.duringScan().get(i), AcpiInitStep.BUS_SCAN, position));
        }
        // acpi_ged_irq_handler (evged.c): a GED's _EVT runs when its interrupt fires, after boot.
        gedEvents(namespace, regions).forEach(e -> unordered.add(new Sequenced(e, AcpiInitStep.BUS_INIT, 0)));
        List<BootEvent> sorted = new ArrayList<>(unordered.stream()
                .sorted(Sequenced.BOOT_ORDER)
                .map(Sequenced::event)
                .toList());
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
            if (e.api() == AccessApi.CPU_TOUCH && e.base() >>> PAGE_SHIFT <= page && lastPage(e) >= page) {
                return i;
            }
            if (firstDriver == sorted.size() && e.stage().compareTo(BootStage.DEVICE_INITCALL) >= 0) {
                firstDriver = i;
            }
        }
        return firstDriver;
    }

    private static BootEvent dmaEvent(DmaScenario d, BootStage stage) {
        return BootEvent.builder()
                .stage(stage)
                .api(AccessApi.DMA)
                .kernelApi("dma")
                .kind(d.targetKind())
                .base(d.address())
                .length(4)
                .function(d.device())
                .feature("DMA by " + d.device())
                .source(d.device())
                .build();
    }

    /** AML's SystemMemory events: those that precede every device add, and those of device enumeration. */
    private record AmlAccesses(List<BootEvent> beforeDevices, List<BootEvent> duringScan, List<String> scanMethods) {}

    /**
     * Where an event falls within subsys_initcall's {@code acpi_init} (Linux 6.1 {@code drivers/acpi/bus.c}):
     * {@code acpi_bus_init} (_INI, _REG), {@code acpi_iort_init} (SMMU and PMCG platform devices; from 6.2
     * {@code acpi_arm_init}, which also adds the APMT devices), {@code acpi_hest_init} + {@code acpi_ghes_init} (GHES
     * probes, 6.1 on), then {@code acpi_scan_init}: {@code acpi_watchdog_init} (WDAT) before {@code acpi_bus_scan},
     * which attaches devices in namespace order (platform and AMBA devices, PCI roots and their ECAM scan, the AML
     * that enumeration evaluates); drivers bound to those devices (cxl_acpi) come after.
     */
    private enum AcpiInitStep {
        BUS_INIT,
        ARM_TABLES,
        HEST,
        WATCHDOG,
        BUS_SCAN,
        DRIVERS;

        static AcpiInitStep of(RegionKind kind) {
            return switch (kind) {
                case SMMU, PMCG, APMT_PAGE -> ARM_TABLES;
                case GHES_STATUS_ADDRESS, GHES_READ_ACK -> HEST;
                case WDAT_REGISTER -> WATCHDOG;
                case DEVICE_RESOURCE, ECAM -> BUS_SCAN;
                default -> DRIVERS;
            };
        }
    }

    /** An event with its place in acpi_init and in the namespace walk; only subsys_initcall orders by them. */
    private record Sequenced(BootEvent event, AcpiInitStep step, long position) {
        static final Comparator<Sequenced> BOOT_ORDER = Comparator.comparing(
                        (Sequenced q) -> q.event().stage())
                .thenComparing((Sequenced q) -> q.inAcpiInit() ? q.step() : AcpiInitStep.BUS_INIT)
                .thenComparingLong((Sequenced q) -> q.inAcpiInit() ? q.position() : 0L);

        boolean inAcpiInit() {
            return event.stage() == BootStage.SUBSYS_INITCALL;
        }
    }

    /**
     * The order in which {@code acpi_bus_scan} attaches devices: a depth-first walk of the namespace
     * ({@code acpi_walk_namespace}, then {@code acpi_bus_attach}), the order the survey lists devices in.
     */
    private static final class NamespaceOrder {
        private final Map<String, Integer> index = new HashMap<>();
        private final int pciRoot;

        NamespaceOrder(NamespaceSurvey namespace) {
            int root = Integer.MAX_VALUE;
            List<NamespaceSurvey.DeviceInfo> all = namespace.devices();
            for (int i = 0; i < all.size(); i++) {
                NamespaceSurvey.DeviceInfo d = all.get(i);
                index.putIfAbsent(d.path(), i);
                if (root == Integer.MAX_VALUE
                        && ("PNP0A08".equals(d.hid())
                                || "PNP0A03".equals(d.hid())
                                || d.cids().contains("PNP0A08")
                                || d.cids().contains("PNP0A03"))) {
                    root = i;
                }
            }
            this.pciRoot = root;
        }

        /** The device's place; an unknown device goes after every known one. */
        int ofDevice(String path) {
            for (String p = path; !p.isEmpty(); p = parent(p)) {
                Integer i = index.get(p);
                if (i != null) {
                    return i;
                }
            }
            return Integer.MAX_VALUE;
        }

        /** The place of the device whose method this is. */
        int ofMethod(String methodPath) {
            return ofDevice(parent(methodPath));
        }

        /**
         * The first PCI host bridge's place: acpi_pci_root_add scans its bus there. (MCFG segments are not matched
         * to their bridges' _SEG: every ECAM range is scanned at the first bridge.)
         */
        int ofPciRoot() {
            return pciRoot;
        }

        private static String parent(String path) {
            int dot = path.lastIndexOf('.');
            return dot < 0 ? "" : path.substring(0, dot);
        }
    }

    /** Methods acpi_bus_scan evaluates while it enumerates devices (acpi_bus_attach, acpi_set_pnp_ids). */
    private static final java.util.Set<String> SCAN_METHODS =
            java.util.Set.of("_HID", "_CID", "_UID", "_ADR", "_CRS", "_PRS", "_DSD", "_CLS", "_SUB", "_HRV", "_DEP");

    /**
     * acpi_ex_system_memory_space_handler for each SystemMemory access AML makes at boot. Module-level code runs
     * as acpi_early_init loads the table; \_INI, _REG and the devices' _STA/_INI run in acpi_bus_init
     * (acpi_initialize_objects) before acpi_scan_init adds any device; _STA, _HID, _CRS and the rest of
     * enumeration run during acpi_scan_init. The handler maps a window with acpi_os_map_memory only when the
     * access falls outside the region's current window, the window running from the accessed address to the end
     * of the region or of the page, whichever comes first; repeated accesses in the window reuse the mapping.
     */
    private static AmlAccesses amlAccesses(
            NamespaceSurvey namespace, List<DescribedRegion> regions, LinuxVersion linux) {
        Map<String, DescribedRegion> byPath = new HashMap<>();
        regions.stream().filter(r -> r.kind() == RegionKind.OPERATION_REGION).forEach(r -> byPath.put(r.path(), r));
        Map<String, long[]> windows = new HashMap<>();
        List<BootEvent> before = new ArrayList<>();
        List<BootEvent> scan = new ArrayList<>();
        List<String> scanMethods = new ArrayList<>();
        boolean scanning = false;
        for (RegionAccess a : namespace.bootAccesses()) {
            boolean moduleLevel = a.methodPath().endsWith("module-level code");
            if (!moduleLevel && SCAN_METHODS.contains(lastSegment(a.methodPath()))) {
                scanning = true;
            }
            if (a.space() != AddressSpace.SYSTEM_MEMORY || !a.baseResolved()) {
                continue;
            }
            // acpi_ev_execute_reg_methods skips SystemMemory and SystemIO from Linux 4.20 (ACPICA cfbe28b48).
            if (a.byRegOfAlwaysAccessibleSpace() && !linux.runsRegForMemoryAndIo()) {
                continue;
            }
            BootStage stage = moduleLevel ? BootStage.ACPI_EARLY_INIT : BootStage.SUBSYS_INITCALL;
            List<BootEvent> out = moduleLevel || !scanning ? before : scan;
            DescribedRegion region = byPath.get(a.regionPath());
            String table = region == null ? "" : region.table();
            String feature = "AML " + a.regionPath() + " (" + a.methodPath() + ")";
            long width = Math.max(1, a.widthBits() / 8);
            long[] w = windows.get(a.regionPath());
            if (w == null
                    || Long.compareUnsigned(a.address(), w[0]) < 0
                    || Long.compareUnsigned(a.address() + width, w[1]) > 0) {
                long pageEnd = (a.address() | 0xFFFL) + 1;
                long regionEnd = region == null ? pageEnd : region.base() + region.length();
                long end =
                        Long.compareUnsigned(regionEnd, pageEnd) < 0 && Long.compareUnsigned(regionEnd, a.address()) > 0
                                ? regionEnd
                                : pageEnd;
                w = new long[] {a.address(), Math.max(end, a.address() + width)};
                windows.put(a.regionPath(), w);
                out.add(amlMap(amlAccess(a, stage, feature, table), w[0], w[1] - w[0]));
                if (out == scan) {
                    scanMethods.add(a.methodPath());
                }
            }
            if (out == scan) {
                scanMethods.add(a.methodPath());
            }
            out.add(amlTouch(amlAccess(a, stage, feature, table), a, width));
        }
        return new AmlAccesses(before, scan, scanMethods);
    }

    /**
     * What every SystemMemory event of an AML access shares: {@code acpi_ex_system_memory_space_handler} on an
     * operation region, found by its path.
     */
    private static BootEvent.Builder amlAccess(RegionAccess a, BootStage stage, String feature, String table) {
        return BootEvent.builder()
                .stage(stage)
                .kind(RegionKind.OPERATION_REGION)
                .function("acpi_ex_system_memory_space_handler")
                .feature(feature)
                .table(table)
                .source(a.regionPath());
    }

    /** The handler's {@code acpi_os_map_memory} of a window. */
    private static BootEvent amlMap(BootEvent.Builder access, long base, long length) {
        return access.api(AccessApi.ACPI_OS_IOREMAP)
                .kernelApi("acpi_os_map_memory")
                .base(base)
                .length(length)
                .build();
    }

    /** The handler's read or write of the access's own bytes. */
    private static BootEvent amlTouch(BootEvent.Builder access, RegionAccess a, long width) {
        return access.api(AccessApi.CPU_TOUCH)
                .kernelApi(a.direction() == RegionAccess.Direction.READ ? "readl" : "writel")
                .base(a.address())
                .length(width)
                .build();
    }

    /**
     * The SystemMemory accesses of a Generic Event Device's event method ({@code acpi_ged_irq_handler} evaluates
     * {@code _EVT}, 4.12 on) at run time: {@code acpi_ex_system_memory_space_handler} maps each access's window with
     * {@code acpi_os_map_memory} (and unmaps it after the evaluation, so every event maps again) and reads it.
     */
    private static List<BootEvent> gedEvents(NamespaceSurvey namespace, List<DescribedRegion> regions) {
        Map<String, DescribedRegion> byPath = new HashMap<>();
        regions.stream().filter(r -> r.kind() == RegionKind.OPERATION_REGION).forEach(r -> byPath.put(r.path(), r));
        List<BootEvent> out = new ArrayList<>();
        for (RegionAccess a : namespace.eventAccesses()) {
            if (a.space() != AddressSpace.SYSTEM_MEMORY || !a.baseResolved()) {
                continue;
            }
            DescribedRegion region = byPath.get(a.regionPath());
            String table = region == null ? "" : region.table();
            String feature = "AML " + a.regionPath() + " (" + a.methodPath() + ", on a GED event)";
            long width = Math.max(1, a.widthBits() / 8);
            out.add(amlMap(amlAccess(a, BootStage.RUNTIME, feature, table), a.address(), width));
            out.add(amlTouch(amlAccess(a, BootStage.RUNTIME, feature, table), a, width));
        }
        return out;
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
