package io.github.xenacpi.simulation;

import io.github.xenacpi.platform.LinuxVersion;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.SmmuMode;
import io.github.xenacpi.platform.XenVersion;
import io.github.xenacpi.strategy.MappingStrategy;
import io.github.xenacpi.xen.HardwareDomainBuild;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The question the seed asks of one platform: Xen and Linux versions mix and match, so which strategies boot Dom0
 * for each Xen x Linux pair, and which lose DMA or features. One {@link Cell} per pair, Xen-major (all Linux
 * versions of the first Xen, then of the next); each cell says whether Xen builds Dom0 at all
 * ({@link HardwareDomainBuild}) and, when it does, one {@link StrategyCell} per strategy, from the same
 * {@link Simulation} the reports use. Immutable records, serialisable by Jackson as they are (versions as strings).
 *
 * @param platform   the platform's name
 * @param smmu       the SMMU mode every cell assumed
 * @param xen        the Xen axis, in the order asked
 * @param linux      the Linux axis, in the order asked
 * @param strategies the strategy ids of every cell, in order
 * @param cells      one per pair, Xen-major
 */
public record VersionGrid(
        String platform,
        SmmuMode smmu,
        List<XenVersion> xen,
        List<LinuxVersion> linux,
        List<String> strategies,
        List<Cell> cells) {

    public VersionGrid {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(smmu, "smmu");
        xen = List.copyOf(xen);
        linux = List.copyOf(linux);
        strategies = List.copyOf(strategies);
        cells = List.copyOf(cells);
    }

    /**
     * One Xen x Linux pair.
     *
     * @param xen        the Xen release
     * @param linux      the Dom0 kernel
     * @param built      whether Xen builds the ACPI hardware domain at all
     * @param notBuilt   when not built: the Xen function that stops and why; else null
     * @param strategies one per strategy when built, else empty
     */
    public record Cell(
            XenVersion xen, LinuxVersion linux, boolean built, String notBuilt, List<StrategyCell> strategies) {
        public Cell {
            Objects.requireNonNull(xen, "xen");
            Objects.requireNonNull(linux, "linux");
            strategies = List.copyOf(strategies);
        }

        /** The ids of the strategies under which Dom0 boots without an abort. */
        public List<String> booting() {
            return strategies.stream()
                    .filter(StrategyCell::boots)
                    .map(StrategyCell::strategy)
                    .toList();
        }
    }

    /**
     * One strategy in one cell.
     *
     * @param strategy       the strategy id
     * @param verdict        the simulation's verdict
     * @param boots          no Dom0 access aborts
     * @param losesDma       a device's DMA faults in the SMMU
     * @param losesFeatures  a table is hidden or a map request refused, so a feature is gone
     * @param aborts         the region kinds whose accesses abort, in boot order, without repeats
     * @param dmaFaults      the region kinds whose DMA faults
     * @param featuresLost   the features lost (hidden tables, refused maps)
     * @param hypercalls     XENMEM_add_to_physmap_range calls
     * @param stage2Faults   Dom0 stage-2 data aborts taken by Xen
     */
    public record StrategyCell(
            String strategy,
            Verdict verdict,
            boolean boots,
            boolean losesDma,
            boolean losesFeatures,
            List<String> aborts,
            List<String> dmaFaults,
            List<String> featuresLost,
            long hypercalls,
            long stage2Faults) {
        public StrategyCell {
            Objects.requireNonNull(strategy, "strategy");
            Objects.requireNonNull(verdict, "verdict");
            aborts = List.copyOf(aborts);
            dmaFaults = List.copyOf(dmaFaults);
            featuresLost = List.copyOf(featuresLost);
        }

        static StrategyCell of(SimulationResult r) {
            List<String> aborts = kinds(r, OutcomeResult.DOM0_ABORT);
            List<String> dma = kinds(r, OutcomeResult.DMA_FAULT);
            List<String> lost = new ArrayList<>();
            for (Outcome o : r.outcomes()) {
                if ((o.result() == OutcomeResult.FEATURE_LOST || o.result() == OutcomeResult.DENIED)
                        && !lost.contains(o.event().feature())) {
                    lost.add(o.event().feature());
                }
            }
            return new StrategyCell(
                    r.strategy(),
                    r.verdict(),
                    aborts.isEmpty(),
                    !dma.isEmpty(),
                    !lost.isEmpty(),
                    aborts,
                    dma,
                    lost,
                    r.costs().hypercalls(),
                    r.costs().stage2Faults());
        }

        private static List<String> kinds(SimulationResult r, OutcomeResult result) {
            return r.withResult(result).stream()
                    .map(o -> o.event().kind().name())
                    .distinct()
                    .toList();
        }
    }

    /** The grid of a platform under its descriptor's SMMU mode, for every strategy. */
    public static VersionGrid of(Platform platform, List<XenVersion> xens, List<LinuxVersion> linuxes) {
        return of(platform, xens, linuxes, platform.descriptor().smmu(), MappingStrategy.all());
    }

    /** The grid of a platform under an SMMU mode, for the given strategies. */
    public static VersionGrid of(
            Platform platform,
            List<XenVersion> xens,
            List<LinuxVersion> linuxes,
            SmmuMode smmu,
            List<MappingStrategy> strategies) {
        Objects.requireNonNull(platform, "platform");
        if (xens.isEmpty() || linuxes.isEmpty()) {
            throw new IllegalArgumentException("a version grid needs at least one Xen and one Linux version");
        }
        SimulationInput base = SimulationInput.of(platform);
        List<Cell> cells = new ArrayList<>();
        for (XenVersion x : xens) {
            Optional<HardwareDomainBuild.Refusal> refusal = HardwareDomainBuild.refusal(x, platform.tables());
            for (LinuxVersion l : linuxes) {
                if (refusal.isPresent()) {
                    cells.add(new Cell(
                            x,
                            l,
                            false,
                            refusal.get().function() + ": " + refusal.get().reason(),
                            List.of()));
                    continue;
                }
                List<StrategyCell> row = Simulation.runAll(base.with(x, l, smmu), strategies).stream()
                        .map(StrategyCell::of)
                        .toList();
                cells.add(new Cell(x, l, true, null, row));
            }
        }
        return new VersionGrid(
                platform.name(),
                smmu,
                xens,
                linuxes,
                strategies.stream().map(MappingStrategy::id).toList(),
                cells);
    }

    /** The cell of a pair. */
    public Optional<Cell> cell(XenVersion x, LinuxVersion l) {
        return cells.stream()
                .filter(c -> c.xen().equals(x) && c.linux().equals(l))
                .findFirst();
    }
}
