package io.github.xenacpi.api;

import io.github.xenacpi.conformance.Rule;
import io.github.xenacpi.conformance.RuleCatalog;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.report.ConformanceReport;
import io.github.xenacpi.report.ConformanceReport.PlatformReport;
import io.github.xenacpi.report.ConformanceReport.ReportFinding;
import io.github.xenacpi.report.ReportOptions;
import io.github.xenacpi.report.ReportWriter;
import io.github.xenacpi.simulation.Simulation;
import io.github.xenacpi.simulation.SimulationInput;
import io.github.xenacpi.simulation.SimulationResult;
import io.github.xenacpi.simulation.VersionGrid;
import io.github.xenacpi.strategy.MappingStrategy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Validates platforms: loads each one, simulates Dom0's boot under the chosen strategies and runs the conformance
 * rules, platforms in parallel on a bounded pool; assembles the {@code xenacpi-report/1} document (with a front
 * end's own findings, when it adds any) and writes the chosen formats.
 */
public final class Validation {

    private final List<MappingStrategy> strategies;
    private final Overrides overrides;
    private final int threads;
    private final VersionAxes grid;
    private final ReportOptions options;

    /**
     * @param strategies the strategies to simulate, in report order
     * @param overrides  what replaces every platform descriptor's versions and SMMU mode
     * @param threads    at most this many platforms are validated at once
     */
    public Validation(List<MappingStrategy> strategies, Overrides overrides, int threads) {
        this(strategies, overrides, threads, VersionAxes.NONE);
    }

    /**
     * @param strategies the strategies to simulate, in report order
     * @param overrides  what replaces every platform descriptor's versions and SMMU mode
     * @param threads    at most this many platforms are validated at once
     * @param grid       the Xen and Linux versions of each platform's version grid; {@link VersionAxes#NONE}: none
     */
    public Validation(List<MappingStrategy> strategies, Overrides overrides, int threads, VersionAxes grid) {
        this(strategies, overrides, threads, grid, ReportOptions.DEFAULT);
    }

    /**
     * @param strategies the strategies to simulate, in report order
     * @param overrides  what replaces every platform descriptor's versions and SMMU mode
     * @param threads    at most this many platforms are validated at once
     * @param grid       the Xen and Linux versions of each platform's version grid; {@link VersionAxes#NONE}: none
     * @param options    what each platform's part of the report holds (the per-access trace only on request)
     */
    public Validation(
            List<MappingStrategy> strategies,
            Overrides overrides,
            int threads,
            VersionAxes grid,
            ReportOptions options) {
        if (strategies.isEmpty()) {
            throw new IllegalArgumentException("at least one strategy");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        this.strategies = List.copyOf(strategies);
        this.overrides = Objects.requireNonNull(overrides, "overrides");
        this.threads = threads;
        this.grid = Objects.requireNonNull(grid, "grid");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * The strategies named by ids (every strategy when none is named), in report order.
     *
     * @throws ValidationException when an id names no strategy
     */
    public static List<MappingStrategy> strategies(List<String> ids) throws ValidationException {
        Set<String> wanted = new LinkedHashSet<>();
        for (String raw : ids == null ? List.<String>of() : ids) {
            for (String id : raw == null ? new String[0] : raw.split(",")) {
                if (!id.isBlank()) {
                    wanted.add(id.trim());
                }
            }
        }
        if (wanted.isEmpty()) {
            return MappingStrategy.all();
        }
        for (String id : wanted) {
            try {
                MappingStrategy.byId(id);
            } catch (IllegalArgumentException e) {
                throw new ValidationException("xenacpi.strategies: " + e.getMessage(), e);
            }
        }
        return MappingStrategy.all().stream()
                .filter(s -> wanted.contains(s.id()))
                .toList();
    }

    /**
     * Validates every platform, at most {@code threads} at once; the reports come back in the platforms' order.
     *
     * @throws ValidationException when a platform's firmware cannot be read, or the model fails on it
     */
    public List<PlatformReport> run(List<PlatformSource> platforms) throws ValidationException {
        List<PlatformReport> out = new ArrayList<>();
        run(platforms, (source, report) -> out.add(report));
        return List.copyOf(out);
    }

    /** What is done with each platform's report, handed over in the platforms' order. */
    @FunctionalInterface
    public interface PlatformConsumer {
        void accept(PlatformSource source, PlatformReport report) throws ValidationException;
    }

    /**
     * Validates every platform, at most {@code threads} at once, and hands each report to {@code each} in the
     * platforms' order as soon as it and those before it are made. At most twice {@code threads} reports are
     * made ahead of the one {@code each} is given, so that a run of many platforms holds a few reports at a time.
     *
     * @throws ValidationException when a platform's firmware cannot be read, the model fails on it, or {@code each}
     *                             throws
     */
    public void run(List<PlatformSource> platforms, PlatformConsumer each) throws ValidationException {
        if (platforms.size() <= 1 || threads == 1) {
            for (PlatformSource source : platforms) {
                each.accept(source, one(source));
            }
            return;
        }
        int workers = Math.min(threads, platforms.size());
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "xenacpi-validate");
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Future<PlatformReport>> ahead = new ArrayDeque<>();
            int next = 0;
            for (PlatformSource source : platforms) {
                while (next < platforms.size() && ahead.size() < 2 * workers) {
                    PlatformSource queued = platforms.get(next++);
                    ahead.addLast(pool.submit(() -> one(queued)));
                }
                each.accept(source, await(ahead.removeFirst()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One platform's report: loaded, simulated under the chosen strategies, checked. When the model itself fails on
     * the platform (a defect of this tool, or a platform beyond its memory), the platform's report says so as its
     * first loss and carries no verdict; the other platforms of the run are not affected.
     *
     * @throws ValidationException when the platform's firmware or descriptor cannot be read, or the model fails
     *                             even to describe the platform
     */
    public PlatformReport one(PlatformSource source) throws ValidationException {
        Platform platform = source.load(overrides);
        Throwable failure;
        try {
            long start = System.nanoTime();
            SimulationInput input = SimulationInput.of(platform);
            List<SimulationResult> results = Simulation.runAll(input, strategies);
            Duration simulations = Duration.ofNanos(System.nanoTime() - start);
            PlatformReport report = PlatformReport.of(platform, results, options, simulations);
            if (!grid.enabled()) {
                return report;
            }
            return report.withGrid(VersionGrid.of(
                    platform,
                    grid.xenFor(platform.descriptor()),
                    grid.linuxFor(platform.descriptor()),
                    platform.descriptor().smmu(),
                    strategies));
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            failure = e;
        }
        String reason = "internal error of the model on this platform (" + ValidationException.describe(failure)
                + "); the other platforms were validated; please report it with the firmware";
        try {
            return PlatformReport.failed(platform, reason);
        } catch (RuntimeException e) {
            e.addSuppressed(failure);
            throw new ValidationException(ValidationException.internalError("validating " + source.name(), failure), e);
        }
    }

    private static PlatformReport await(Future<PlatformReport> future) throws ValidationException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ValidationException("interrupted while validating the platforms", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ValidationException v) {
                throw v;
            }
            throw new ValidationException(
                    ValidationException.internalError("validating the platforms", e.getCause()), e.getCause());
        }
    }

    /**
     * The report of the validated platforms, with a front end's own findings (by platform name) added to each
     * platform, under the rules given beside the catalogue's.
     */
    public static ConformanceReport report(
            List<PlatformReport> platforms,
            List<Rule> extraRules,
            Map<String, List<ReportFinding>> extra,
            Instant time) {
        List<Rule> rules = rules(extraRules);
        List<PlatformReport> out = new ArrayList<>();
        for (PlatformReport p : platforms) {
            List<ReportFinding> more = extra.get(p.name());
            out.add(more == null ? p : p.withFindings(more));
        }
        return ConformanceReport.assemble(out, rules, time);
    }

    /** The catalogue's rules, then a front end's own. */
    static List<Rule> rules(List<Rule> extraRules) {
        List<Rule> rules = new ArrayList<>(RuleCatalog.all());
        rules.addAll(extraRules);
        return rules;
    }

    /** The failure to write the report into {@code dir}, naming the property that sets it. */
    static ValidationException cannotWrite(Path dir, IOException e) {
        return new ValidationException(
                "cannot write the report into " + dir + ": " + e.getMessage() + "; check xenacpi.reportDirectory", e);
    }

    /**
     * Writes the chosen formats of the report into a folder; returns the files written.
     *
     * @throws ValidationException when the folder or a file cannot be written
     */
    public static List<Path> write(ConformanceReport report, Path dir, Set<ReportFormat> formats)
            throws ValidationException {
        return write(report, dir, formats, Path.of("").toAbsolutePath());
    }

    /**
     * Writes the chosen formats of the report into a folder, with table files under {@code sourceRoot} located
     * relative to it in the SARIF log ({@code %SRCROOT%}); returns the files written.
     *
     * @throws ValidationException when the folder or a file cannot be written
     */
    public static List<Path> write(ConformanceReport report, Path dir, Set<ReportFormat> formats, Path sourceRoot)
            throws ValidationException {
        try {
            return ReportWriter.write(
                    report, dir, formats.stream().map(ReportFormat::fileName).toList(), sourceRoot);
        } catch (IOException e) {
            throw cannotWrite(dir, e);
        }
    }
}
