package io.github.xenacpi.groundtruth;

import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.source.FirmwareSource;
import io.github.xenacpi.acpi.table.load.AcpiTables;
import io.github.xenacpi.dom0.AccessApi;
import io.github.xenacpi.dom0.BootStage;
import io.github.xenacpi.platform.LinuxVersion;
import io.github.xenacpi.platform.MemoryRange;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.PlatformDescriptor;
import io.github.xenacpi.platform.XenVersion;
import io.github.xenacpi.simulation.Outcome;
import io.github.xenacpi.simulation.OutcomeResult;
import io.github.xenacpi.simulation.Simulation;
import io.github.xenacpi.simulation.SimulationInput;
import io.github.xenacpi.simulation.SimulationResult;
import io.github.xenacpi.strategy.BusNotify;
import io.github.xenacpi.xen.FrameRange;
import io.github.xenacpi.xen.HardwareDomainMemory;
import io.github.xenacpi.xen.StageTwoGeometry;
import io.github.xenacpi.xen.StageTwoTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The model's prediction for a recorded boot, path by path, and where it differs from the boot. The model runs the
 * status quo strategy ({@code bus-notify}: stock Linux asks Xen only through arm-device.c's notifier) on the tables
 * Dom0 was given, with the boot's Xen release and Dom0 RAM. A boot with the lazy map refused ({@code gt_nolazy})
 * is compared with the model of Xen 4.8, the last release without {@code try_map_mmio}'s lazy map.
 */
final class ModelComparison {
    /** Debian 12's kernel, the one every recorded boot ran: the model's Linux 6.1 profile. */
    static final LinuxVersion LINUX = LinuxVersion.V6_1;

    static final int IPA_BITS = 48;

    /** One disagreement: the mapping path, the key (a page address, or {@code count}), and what differs. */
    record Difference(String path, String key, String detail) {
        @Override
        public String toString() {
            return path + " " + key + ": " + detail;
        }
    }

    /** Agreement counts of one path: items both sides have, items only the model has, only the boot has. */
    record Agreement(int both, int modelOnly, int bootOnly) {}

    private final RecordedBoot boot;
    private final SimulationResult result;
    private final Platform platform;
    private final XenVersion modelXen;
    final List<Difference> differences = new ArrayList<>();
    final Map<String, Agreement> agreement = new TreeMap<>();

    ModelComparison(RecordedBoot boot, Path tables) throws Exception {
        this.boot = boot;
        this.modelXen = boot.lazy() ? XenVersion.parse(boot.xen()) : XenVersion.V4_8;
        List<MemoryRange> ram =
                boot.ram().stream().map(r -> new MemoryRange(r[0], r[1])).toList();
        PlatformDescriptor d = PlatformDescriptor.builder()
                .ram(ram)
                .ipaBits(IPA_BITS)
                .xen(modelXen)
                .linux(LINUX)
                .build();
        this.platform = new Platform(boot.scenario(), AcpiTables.load(FirmwareSource.open(tables)), d);
        this.result = Simulation.run(SimulationInput.of(platform), new BusNotify());
        compare();
    }

    XenVersion modelXen() {
        return modelXen;
    }

    private void compare() {
        compareBuild();
        compareHypercalls();
        if (boot.lazy()) {
            compareFaults();
        } else {
            compareFirstAbort();
        }
    }

    /** acpi_map_other_tables: the pages of every table of ACPICA's root list (Linux's upgrades excluded). */
    private void compareBuild() {
        Set<Long> model = new TreeSet<>();
        StageTwoTable p2m = new StageTwoTable(StageTwoGeometry.forIpaBits(IPA_BITS));
        List<DescribedRegion> firmwareTables = platform.regions().stream()
                .filter(r -> !boot.upgradedTables().contains(r.table()) || !isTableItself(r))
                .filter(r -> !boot.extraTables().contains(r.table()) || !isTableItself(r))
                .toList();
        for (HardwareDomainMemory.MappedTable t : HardwareDomainMemory.build(p2m, List.of(), firmwareTables)) {
            addFrames(model, t.frames());
        }
        Set<Long> real = new TreeSet<>();
        for (long[] t : boot.buildTables()) {
            if (t[1] == 0) {
                continue;
            }
            long first = t[0] >>> 12;
            addFrames(real, new FrameRange(first, first + ((t[1] + 0xFFF) >>> 12) - 1));
        }
        diffPages("build", model, real);
    }

    private static boolean isTableItself(DescribedRegion r) {
        return r.kind() == io.github.xenacpi.acpi.region.RegionKind.ACPI_TABLE;
    }

    /**
     * XENMEM_add_to_physmap_range from arm-device.c: the pages mapped and the number of hypercalls (one per MEM
     * resource in both). When Dom0 died, only what the model plays before its own first abort is compared.
     */
    private void compareHypercalls() {
        List<Outcome> played = new ArrayList<>();
        for (Outcome o : result.outcomes()) {
            if (!boot.complete() && o.result() == OutcomeResult.DOM0_ABORT) {
                break;
            }
            played.add(o);
        }
        Set<Long> model = new TreeSet<>();
        long modelCount = 0;
        for (Outcome o : played) {
            if (o.event().api() != AccessApi.DEVICE_ADD || o.result() == OutcomeResult.STAGE1_ONLY) {
                continue;
            }
            modelCount++;
            if (o.result() == OutcomeResult.MAPPED_AHEAD) {
                addFrames(model, FrameRange.covering(o.event().base(), o.event().length()));
            }
        }
        Set<Long> real = new TreeSet<>();
        boot.hypercallPages().forEach((page, state) -> {
            if (state.equals("mapped")) {
                real.add(page >>> 12);
            }
        });
        diffPages("hypercall", model, real);
        if (modelCount != boot.hypercalls()) {
            differences.add(
                    new Difference("hypercalls", "count", "model " + modelCount + ", boot " + boot.hypercalls()));
        }
        agreement.put("hypercalls", modelCount == boot.hypercalls() ? new Agreement(1, 0, 0) : new Agreement(0, 1, 1));
        hypercallCounts = new long[] {modelCount, boot.hypercalls()};
    }

    long[] hypercallCounts = new long[2];

    /**
     * try_map_mmio: the pages mapped on a Dom0 data abort and the Linux function at the faulting PC. Accesses the
     * model plays at run time (an error injected, a PCC command sent, a GED event) happen only when something
     * triggers them: a boot page they predict counts as predicted, and one the boot did not trigger is no
     * difference. Boot-time accesses must all show.
     */
    private void compareFaults() {
        Map<Long, String> model = new TreeMap<>();
        Map<Long, String> runtime = new TreeMap<>();
        for (Outcome o : result.outcomes()) {
            if (o.event().api() == AccessApi.CPU_TOUCH && o.result() == OutcomeResult.MAPPED_ON_FAULT) {
                (o.event().stage() == BootStage.RUNTIME ? runtime : model)
                        .putIfAbsent(o.event().base() >>> 12, o.event().function());
            }
        }
        Map<Long, String> real = new TreeMap<>();
        boot.faultPages().forEach((page, f) -> {
            if (f.state().equals("mapped")) {
                real.put(page >>> 12, f.function());
            }
        });
        runtime.forEach((page, function) -> {
            if (real.containsKey(page)) {
                model.putIfAbsent(page, function);
            }
        });
        diffPages("fault", model.keySet(), real.keySet());
        int same = 0;
        int other = 0;
        for (Map.Entry<Long, String> e : real.entrySet()) {
            String predicted = model.get(e.getKey());
            if (predicted == null) {
                continue;
            }
            if (predicted.equals(e.getValue())) {
                same++;
            } else {
                other++;
                differences.add(new Difference(
                        "fault-function",
                        predicted + ">" + e.getValue(),
                        "at " + page(e.getKey()) + " the model names " + predicted + ", the PC is in " + e.getValue()));
            }
        }
        agreement.put("fault-function", new Agreement(same, other, other));
    }

    /** Without the lazy map: Dom0's first abort, by the function the model names and the boot's call chain. */
    private void compareFirstAbort() {
        // A run-time access (BootStage.RUNTIME) needs a trigger that these boots do not give before Dom0 dies.
        Optional<Outcome> first = result.outcomes().stream()
                .filter(o -> o.result() == OutcomeResult.DOM0_ABORT && o.event().stage() != BootStage.RUNTIME)
                .findFirst();
        Optional<RecordedBoot.Abort> real = boot.abort();
        if (first.isEmpty() && real.isEmpty()) {
            agreement.put("first-abort", new Agreement(1, 0, 0));
            return;
        }
        String modelFunction = first.map(o -> o.event().function()).orElse("none");
        String modelPage = first.map(o -> page(o.event().base() >>> 12)).orElse("none");
        boolean agree = real.isPresent()
                && first.isPresent()
                && (real.get().function().equals(modelFunction)
                        || real.get().callers().contains(modelFunction));
        if (!agree) {
            differences.add(new Difference(
                    "first-abort",
                    "function",
                    "model " + modelFunction + " at "
                            + modelPage + ", boot "
                            + real.map(a -> a.function() + " < " + String.join(" < ", a.callers()))
                                    .orElse("none")));
        }
        agreement.put("first-abort", agree ? new Agreement(1, 0, 0) : new Agreement(0, 1, 1));
    }

    private void diffPages(String path, Set<Long> model, Set<Long> real) {
        int both = 0;
        int modelOnly = 0;
        int bootOnly = 0;
        for (long p : model) {
            if (real.contains(p)) {
                both++;
            } else {
                modelOnly++;
                differences.add(new Difference(path, page(p), "predicted by the model, not seen in the boot"));
            }
        }
        for (long p : real) {
            if (!model.contains(p)) {
                bootOnly++;
                differences.add(new Difference(path, page(p), "seen in the boot, not predicted by the model"));
            }
        }
        agreement.put(path, new Agreement(both, modelOnly, bootOnly));
    }

    private static void addFrames(Set<Long> out, FrameRange r) {
        for (long f = r.first(); f <= r.last() && f - r.first() < 1 << 20; f++) {
            out.add(f);
        }
    }

    static String page(long frame) {
        return String.format("0x%x", frame << 12);
    }
}
