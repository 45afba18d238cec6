package io.github.xenacpi.simulation;

import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.dom0.BootEvent;
import io.github.xenacpi.dom0.Dom0Boot;
import io.github.xenacpi.platform.MemoryRange;
import io.github.xenacpi.platform.SmmuMode;
import io.github.xenacpi.platform.XenVersion;
import io.github.xenacpi.strategy.MappingStrategy;
import io.github.xenacpi.xen.AbortResolution;
import io.github.xenacpi.xen.FrameRange;
import io.github.xenacpi.xen.HardwareDomainBuild;
import io.github.xenacpi.xen.HardwareDomainMemory;
import io.github.xenacpi.xen.HardwareDomainTables;
import io.github.xenacpi.xen.Hypervisor;
import io.github.xenacpi.xen.IomemPermissions;
import io.github.xenacpi.xen.P2mType;
import io.github.xenacpi.xen.PhysmapRangeResult;
import io.github.xenacpi.xen.Smmu;
import io.github.xenacpi.xen.StageTwoAbort;
import io.github.xenacpi.xen.StageTwoGeometry;
import io.github.xenacpi.xen.StageTwoTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Runs Dom0's boot on a platform under one mapping strategy: builds the hardware domain as Xen of that version
 * does (RAM, tables, iomem permissions, what the strategy pre-maps), then plays every boot event through the
 * strategy's hooks, Xen's hypercall and abort handling and the SMMU, and records an outcome per event and the
 * costs. Stateless: each run builds its own hypervisor.
 */
public final class Simulation {
    /** {@code xen_add_to_physmap_range.size} is 16 bits: Linux's page count is truncated to it. */
    static final long PHYSMAP_SIZE_MASK = 0xFFFF;

    private Simulation() {}

    /** Runs Dom0's boot on the input under one strategy. */
    public static SimulationResult run(SimulationInput in, MappingStrategy strategy) {
        Optional<HardwareDomainBuild.Refusal> refusal = in.refusal();
        return refusal.isPresent() ? notBuilt(in, strategy, refusal.get()) : run(in, strategy, boot(in));
    }

    /**
     * Runs Dom0's boot on the input under each strategy, in their order. The boot's events do not depend on the
     * strategy, so they are derived once for all of them.
     */
    public static List<SimulationResult> runAll(SimulationInput in, List<MappingStrategy> strategies) {
        Optional<HardwareDomainBuild.Refusal> refusal = in.refusal();
        if (refusal.isPresent()) {
            return strategies.stream().map(s -> notBuilt(in, s, refusal.get())).toList();
        }
        Dom0Boot boot = boot(in);
        return strategies.stream().map(s -> run(in, s, boot)).toList();
    }

    /** Xen stops before Dom0 exists (acpi_parse_fadt, acpi_iomem_deny_access): no strategy gets to run. */
    private static SimulationResult notBuilt(
            SimulationInput in, MappingStrategy strategy, HardwareDomainBuild.Refusal refusal) {
        return SimulationResult.notBuilt(strategy.id(), in.xen(), in.linux(), in.smmu(), refusal);
    }

    private static Dom0Boot boot(SimulationInput in) {
        // Dom0 reads Xen's FADT and MADT copies, never the host's (HardwareDomainTables.seenByDom0).
        return Dom0Boot.of(
                HardwareDomainTables.seenByDom0(in.regions(), in.host()),
                in.namespace(),
                in.linux(),
                in.earlycon(),
                in.dmaWithReservedRanges(),
                in.host());
    }

    private static SimulationResult run(SimulationInput in, MappingStrategy strategy, Dom0Boot boot) {
        XenVersion xen = in.xen();
        StageTwoTable p2m = new StageTwoTable(StageTwoGeometry.forIpaBits(in.ipaBits()));
        StageTwoMap.Builder map = new StageTwoMap.Builder();
        for (MemoryRange r : in.ram()) {
            map.add(FrameRange.covering(r.base(), r.length()), StageTwoMap.Origin.RAM, "Dom0 RAM", null);
        }
        for (HardwareDomainMemory.MappedTable t : HardwareDomainMemory.build(p2m, in.ram(), in.regions())) {
            map.add(t.frames(), StageTwoMap.Origin.ACPI_TABLE, t.table().table(), null);
        }
        long entriesForRamAndTables = p2m.entriesWritten();
        IomemPermissions permissions = IomemPermissions.forAcpiHardwareDomain(xen, in.xenHasIts(), in.regions());
        Hypervisor hv = new Hypervisor(
                xen, p2m, permissions, emulatedFrames(in.regions(), xen, in.xenHasIts()), strategy.mapsOnFault());
        Smmu smmu = new Smmu(in.smmu(), p2m);

        for (DescribedRegion r :
                strategy.premappedAtBuild(in.regions(), xen, permissions, in.dmaWithReservedRanges())) {
            mapPermitted(p2m, permissions, FrameRange.covering(r.base(), r.length()));
            map.add(
                    within(p2m, FrameRange.covering(r.base(), r.length())),
                    StageTwoMap.Origin.PREMAP,
                    r.table() + " " + r.path(),
                    permissions);
        }
        if (strategy.mapsEverythingPermitted()) {
            mapAllPermitted(p2m, permissions, in.ram());
            map.add(
                    new FrameRange(0, p2m.geometry().frames() - 1),
                    StageTwoMap.Origin.PREMAP,
                    "every permitted frame",
                    permissions);
        }
        long ramPages = in.ram().stream()
                .mapToLong(r -> r.length() >>> StageTwoGeometry.PAGE_SHIFT)
                .sum();

        List<Outcome> outcomes = new ArrayList<>();
        for (BootEvent e : boot.events()) {
            if (!e.table().isEmpty() && strategy.hidesTable(e.table(), xen)) {
                outcomes.add(new Outcome(
                        e,
                        OutcomeResult.FEATURE_LOST,
                        "Xen " + xen + " does not know " + e.table() + " and removed it from Dom0's XSDT"));
                continue;
            }
            outcomes.add(play(e, strategy, hv, smmu, in, map));
        }
        long devicePages = p2m.mappedPages() - ramPages;
        long deviceEntries = p2m.entriesWritten() - entriesForRamAndTables;
        SimulationCosts costs = new SimulationCosts(
                hv.hypercalls(),
                hv.stageTwoFaults(),
                devicePages,
                p2m.tablePages(),
                p2m.tableBytes(),
                in.costModel().estimate(hv.hypercalls(), hv.stageTwoFaults(), deviceEntries));
        return SimulationResult.builder()
                .strategy(strategy.id())
                .xen(xen)
                .linux(in.linux())
                .smmu(in.smmu())
                .outcomes(outcomes)
                .costs(costs)
                .verdict(verdict(outcomes))
                .stageTwoMap(map.build())
                .build();
    }

    private static Outcome play(
            BootEvent e,
            MappingStrategy strategy,
            Hypervisor hv,
            Smmu smmu,
            SimulationInput in,
            StageTwoMap.Builder map) {
        return switch (e.api()) {
            case DEVICE_ADD ->
                e.stage().notifiersRegistered()
                        ? hypercall(e, hv, "xen_map_device_mmio (BUS_NOTIFY_ADD_DEVICE)", true, map)
                        : new Outcome(e, OutcomeResult.STAGE1_ONLY, "added before Xen's notifier exists");
            case ACPI_OS_IOREMAP, IOREMAP ->
                strategy.hypercallOn(e.api())
                        ? hypercall(e, hv, strategy.id() + " hook on " + e.kernelApi(), false, map)
                        : new Outcome(e, OutcomeResult.STAGE1_ONLY, e.kernelApi() + " asks Xen for nothing");
            case FIXMAP -> new Outcome(e, OutcomeResult.STAGE1_ONLY, "fixmaps ask Xen for nothing");
            case CPU_TOUCH ->
                e.kind() == RegionKind.GHES_STATUS_BLOCK ? touchAtRuntimeAddress(e, strategy, hv) : touch(e, hv, map);
            case DMA ->
                smmu.dmaReaches(e.base())
                        ? new Outcome(
                                e,
                                OutcomeResult.MAPPED_AHEAD,
                                in.smmu() == SmmuMode.NONE ? noSmmuDma(in) : "the page is in the shared stage-2 tables")
                        : new Outcome(
                                e,
                                OutcomeResult.DMA_FAULT,
                                "the SMMU shares Dom0's stage-2 tables and the page is not mapped yet;"
                                        + " SMMU faults cannot trigger a mapping");
        };
    }

    /**
     * One XENMEM_add_to_physmap_range for the event's pages. arm-device.c's {@code xen_map_device_mmio} puts
     * {@code DIV_ROUND_UP(size, XEN_PAGE_SIZE)} into the 16-bit size field ({@code truncates}); the proposed
     * ioremap hooks are new code and are modelled as sizing their batch correctly (Xen continues the batch).
     * The pages are counted as a range, never listed: a TiB window costs what a page does.
     */
    private static Outcome hypercall(
            BootEvent e, Hypervisor hv, String why, boolean truncates, StageTwoMap.Builder map) {
        FrameRange frames = FrameRange.covering(e.base(), e.length());
        long pages = frames.frames();
        long sent = truncates ? pages & PHYSMAP_SIZE_MASK : pages;
        long first = frames.first();
        PhysmapRangeResult r = hv.addToPhysmapRange(first, sent);
        if (sent > 0) {
            map.add(
                    within(hv.p2m(), new FrameRange(first, first + sent - 1)),
                    StageTwoMap.Origin.HYPERCALL,
                    e.function() + " " + e.source(),
                    hv.permissions());
        }
        if (sent != pages) {
            return new Outcome(
                    e,
                    OutcomeResult.DENIED,
                    String.format(
                            "%s: %d pages truncated to %d by the" + " 16-bit size field; %d mapped",
                            why, pages, sent, r.pagesMapped()));
        }
        if (r.pagesSilentlyDenied() > 0 && hv.isEmulated(first)) {
            return new Outcome(e, OutcomeResult.EMULATED, why + ": denied to Dom0 and emulated by the vGIC");
        }
        if (r.pagesSilentlyDenied() > 0) {
            return new Outcome(
                    e,
                    OutcomeResult.DENIED,
                    String.format(
                            "%s: %d of %d pages denied by iomem"
                                    + " permissions, reported as success (map_dev_mmio_page)",
                            why, r.pagesSilentlyDenied(), pages));
        }
        return new Outcome(e, OutcomeResult.MAPPED_AHEAD, why + ": " + r.pagesMapped() + " pages mapped");
    }

    /**
     * A read of the GHES status block (ghes_copy_tofrom_phys through a fixmap slot): the tables do not give its
     * address (the register holds it), so its page is taken to be firmware memory outside Dom0's RAM that no hook
     * mapped (no ioremap hook sees a fixmap): mapped ahead only when the strategy maps every permitted frame, else
     * resolved by Xen's abort path (Hypervisor.dataAccessAtRuntimeAddress). Its page is not in the stage-2 map: no
     * table says where it is.
     */
    private static Outcome touchAtRuntimeAddress(BootEvent e, MappingStrategy strategy, Hypervisor hv) {
        if (strategy.mapsEverythingPermitted()) {
            return new Outcome(
                    e,
                    OutcomeResult.MAPPED_AHEAD,
                    "the status block (at the address its register holds)"
                            + " lies in permitted memory outside Dom0's RAM, mapped at build with every permitted frame");
        }
        StageTwoAbort abort = hv.dataAccessAtRuntimeAddress(e.base());
        String what = "the status block at the address the register holds (ghes_copy_tofrom_phys maps it without"
                + " an ioremap, so no hook asked Xen to map it)";
        return abort.resolution() == AbortResolution.MAPPED_ON_FAULT
                ? new Outcome(e, OutcomeResult.MAPPED_ON_FAULT, abort.function() + ": " + what + "; " + abort.reason())
                : new Outcome(e, OutcomeResult.DOM0_ABORT, abort.function() + ": " + what + "; " + abort.reason());
    }

    private static Outcome touch(BootEvent e, Hypervisor hv, StageTwoMap.Builder map) {
        StageTwoAbort abort = hv.dataAccess(e.base());
        if (abort == null) {
            return new Outcome(e, OutcomeResult.MAPPED_AHEAD, "the page was already in Dom0's P2M");
        }
        if (abort.resolution() == AbortResolution.MAPPED_ON_FAULT) {
            map.add(FrameRange.covering(e.base(), 1), StageTwoMap.Origin.FAULT, e.function() + " " + e.source(), null);
        }
        return switch (abort.resolution()) {
            case MAPPED_ON_FAULT ->
                new Outcome(e, OutcomeResult.MAPPED_ON_FAULT, abort.function() + ": " + abort.reason());
            case EMULATED -> new Outcome(e, OutcomeResult.EMULATED, abort.function() + ": " + abort.reason());
            case INJECTED -> new Outcome(e, OutcomeResult.DOM0_ABORT, abort.function() + ": " + abort.reason());
        };
    }

    private static Verdict verdict(List<Outcome> outcomes) {
        boolean fail = outcomes.stream()
                .anyMatch(o -> o.result() == OutcomeResult.DOM0_ABORT || o.result() == OutcomeResult.DMA_FAULT);
        if (fail) {
            return Verdict.FAIL;
        }
        return outcomes.stream()
                        .anyMatch(o -> o.result() == OutcomeResult.FEATURE_LOST || o.result() == OutcomeResult.DENIED)
                ? Verdict.DEGRADED
                : Verdict.PASS;
    }

    /**
     * What SMMU mode none means for a DMA: Xen drives no SMMU on an ACPI boot (iommu_hardware_setup walks only the
     * device tree), so no stage-2 translation applies; but IORT reaches Dom0 unmodified and the SMMU registers
     * are not denied, so Dom0's own arm-smmu(-v3) driver (iort_add_platform_device) may translate the DMA.
     */
    private static String noSmmuDma(SimulationInput in) {
        boolean iortSmmu = in.regions().stream().anyMatch(r -> r.kind() == RegionKind.SMMU);
        return iortSmmu
                ? "Xen drives no SMMU on ACPI: no stage-2 translation; Dom0 may drive the IORT's SMMU"
                        + " itself (arm-smmu-v3 platform device), then its own stage-1 mappings decide (SMMU mode none)"
                : "Xen drives no SMMU on ACPI and IORT lists none: DMA reaches memory untranslated (SMMU mode none)";
    }

    /** vGIC: the distributor, the redistributors and (4.10 on, with CONFIG_HAS_ITS) each ITS are emulated. */
    private static List<FrameRange> emulatedFrames(List<DescribedRegion> regions, XenVersion xen, boolean hasIts) {
        List<FrameRange> out = new ArrayList<>();
        for (DescribedRegion r : regions) {
            if (r.kind() == RegionKind.GIC_DISTRIBUTOR
                    || r.kind() == RegionKind.GIC_REDISTRIBUTOR
                    || (r.kind() == RegionKind.GIC_ITS && hasIts && xen.supportsIts())) {
                out.add(FrameRange.covering(r.base(), r.length()));
            }
        }
        return out;
    }

    /** The part of a frame range inside the IPA space; null when it lies wholly past its end. */
    private static FrameRange within(StageTwoTable p2m, FrameRange r) {
        long limit = p2m.geometry().frames();
        return r.first() >= limit ? null : new FrameRange(r.first(), Math.min(r.last(), limit - 1));
    }

    private static void mapPermitted(StageTwoTable p2m, IomemPermissions permissions, FrameRange wanted) {
        long limit = p2m.geometry().frames();
        if (wanted.first() >= limit) {
            return;
        }
        FrameRange range = new FrameRange(wanted.first(), Math.min(wanted.last(), limit - 1));
        if (permissions.isPermitted(range)) {
            p2m.map(range.first(), range.first(), range.frames(), P2mType.MMIO_DIRECT_C, true);
            return;
        }
        // Page by page around the denied ranges: each permitted run as 4 KiB entries.
        long f = range.first();
        for (FrameRange d : permissions.denied()) {
            if (d.last() < f) {
                continue;
            }
            if (d.first() > range.last()) {
                break;
            }
            if (d.first() > f) {
                p2m.map(f, f, d.first() - f, P2mType.MMIO_DIRECT_C, false);
            }
            f = d.last() + 1;
        }
        if (f <= range.last()) {
            p2m.map(f, f, range.last() - f + 1, P2mType.MMIO_DIRECT_C, false);
        }
    }

    /** Maps every frame of the IPA space that is neither RAM nor denied, in blocks where aligned. */
    private static void mapAllPermitted(StageTwoTable p2m, IomemPermissions permissions, List<MemoryRange> ram) {
        List<FrameRange> holes = new ArrayList<>(permissions.denied());
        for (MemoryRange r : ram) {
            holes.add(FrameRange.covering(r.base(), r.length()));
        }
        holes.sort(Comparator.comparingLong(FrameRange::first));
        long next = 0;
        long end = p2m.geometry().frames();
        for (FrameRange h : holes) {
            if (h.first() > next && next < end) {
                p2m.map(next, next, Math.min(h.first(), end) - next, P2mType.MMIO_DIRECT_C, true);
            }
            next = Math.max(next, h.last() + 1);
        }
        if (next < end) {
            p2m.map(next, next, end - next, P2mType.MMIO_DIRECT_C, true);
        }
    }
}
