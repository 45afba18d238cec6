package io.github.xenacpi.bench;

import io.github.xenacpi.acpi.AcpiException;
import io.github.xenacpi.acpi.source.FirmwareImage;
import io.github.xenacpi.acpi.source.FirmwareSource;
import io.github.xenacpi.acpi.source.RawTable;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.load.AcpiTables;
import io.github.xenacpi.aml.parse.AmlLoader;
import io.github.xenacpi.api.Overrides;
import io.github.xenacpi.api.PlatformSource;
import io.github.xenacpi.api.Validation;
import io.github.xenacpi.api.ValidationException;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.PlatformDescriptor;
import io.github.xenacpi.platform.PlatformDescriptorReader;
import io.github.xenacpi.platform.PlatformException;
import io.github.xenacpi.report.ConformanceReport;
import io.github.xenacpi.report.ReportedPlatform;
import io.github.xenacpi.simulation.Simulation;
import io.github.xenacpi.simulation.SimulationInput;
import io.github.xenacpi.simulation.SimulationResult;
import io.github.xenacpi.strategy.MappingStrategy;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The corpus benchmark: our whole pipeline over every platform of a corpus folder in one JVM (read the table
 * files, decode the tables, load the DSDT and SSDTs into a namespace and survey it, simulate every mapping
 * strategy, build the report model), pass after pass so that the first (cold JVM) pass and the warmed ones are
 * both shown, against ACPICA's {@code iasl -d} run once per table file over the same files, as users run it.
 * Prints the wall times and their ratio. By default each platform goes through the façade as the validate goal
 * runs it ({@code Validation.one} of a {@code PlatformSource}: the descriptor beside the tables, every strategy,
 * the report model); {@code --stages} runs the same steps one by one instead and prints the throughput of each.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.github.xenacpi.bench.CorpusBenchmark CORPUS
 * [--passes N] [--warmup N] [--threads N] [--iasl-jobs N] [--no-iasl] [--stages]}: {@code --passes} (default 3)
 * passes over the corpus, the first in a cold JVM; the median of those after the first {@code --warmup} (default
 * 1, the cold pass) is reported, so that a larger warm-up leaves out the passes during which the JIT still compiles;
 * {@code --threads} (default 1) platforms analysed at once; {@code --iasl-jobs} (default 1) iasl processes run at
 * once. Each pass also prints the bytes its working threads allocated, which, unlike its times, another load on the
 * machine does not change.
 */
public final class CorpusBenchmark {

    /** How long one iasl run may take before it is killed and counted as failed. */
    private static final long IASL_TIMEOUT_S = 120;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** The stages of the pipeline, in order. */
    private enum Stage {
        READ("read (table files into raw tables)"),
        DECODE("decode (raw tables into records)"),
        NAMESPACE("AML load + survey (Platform constructor)"),
        SIMULATE("simulation, every strategy"),
        REPORT("report model (checks, findings, inspect JSON)");

        final String label;

        Stage(String label) {
            this.label = label;
        }
    }

    /** Time (summed over threads) and bytes of one pass over the corpus, by stage. */
    private static final class Pass {
        private final Map<Stage, Long> nanos = new EnumMap<>(Stage.class);
        long wallNanos;
        long processCpuNanos;
        long allocatedBytes;
        long tableBytes;
        long amlBytes;
        int platforms;
        int simulations;
        final List<String> failures = new ArrayList<>();

        synchronized void add(Map<Stage, Long> stageNanos, long table, long aml, int sims, long allocated) {
            stageNanos.forEach((stage, n) -> nanos.merge(stage, n, Long::sum));
            allocatedBytes += allocated;
            tableBytes += table;
            amlBytes += aml;
            simulations += sims;
            platforms++;
        }

        synchronized void fail(String why) {
            failures.add(why);
        }

        /** The time of one stage, 0 for a stage the pass did not time apart. */
        long nanos(Stage stage) {
            return nanos.getOrDefault(stage, 0L);
        }

        long stageSum() {
            long s = 0;
            for (long n : nanos.values()) {
                s += n;
            }
            return s;
        }
    }

    private CorpusBenchmark() {}

    /** Runs the benchmark over the corpus folder given as the first argument. */
    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: CorpusBenchmark CORPUS_FOLDER [--passes N] [--warmup N] [--threads N]"
                    + " [--iasl-jobs N] [--no-iasl] [--stages]");
            System.exit(2);
        }
        Path root = Path.of(args[0]);
        List<String> options = List.of(args).subList(1, args.length);
        boolean iasl = !options.contains("--no-iasl");
        boolean stages = options.contains("--stages");
        int passes = option(options, "--passes", 3);
        int warmup = option(options, "--warmup", 1);
        if (warmup >= passes && passes > 1) {
            throw new IllegalArgumentException("--warmup " + warmup + " leaves none of the " + passes + " passes");
        }
        int threads = option(options, "--threads", 1);
        int iaslJobs = option(options, "--iasl-jobs", 1);
        List<Path> platforms = platforms(root);
        List<Path> files =
                platforms.stream().flatMap(p -> tableFiles(p).stream()).toList();
        long fileBytes = files.stream().mapToLong(f -> f.toFile().length()).sum();
        System.out.printf(
                "corpus %s: %d platforms, %d table files, %,d bytes%n",
                root.toAbsolutePath().normalize(), platforms.size(), files.size(), fileBytes);
        System.out.printf(
                "Java %s, %d processors, %d thread(s) for our pipeline, %s%n",
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                threads,
                stages ? "stage by stage (--stages)" : "through the api facade (Validation.one)");

        List<Pass> all = new ArrayList<>();
        for (int i = 1; i <= passes; i++) {
            Pass p = pass(platforms, threads, stages);
            all.add(p);
            System.out.printf(
                    "pass %d%s: %.3f s wall, %.3f s CPU of the JVM (%.3f s in the stages), %.1f MB allocated%n",
                    i,
                    i == 1 ? " (cold JVM)" : "",
                    p.wallNanos / 1e9,
                    p.processCpuNanos / 1e9,
                    p.stageSum() / 1e9,
                    p.allocatedBytes / 1e6);
        }
        Pass cold = all.get(0);
        // The measured passes' median by wall time: the machine may be shared, so one pass can be slowed by others.
        List<Pass> warmed = new ArrayList<>(all.subList(passes > 1 ? warmup : 0, passes));
        warmed.sort(Comparator.comparingLong(p -> p.wallNanos));
        Pass timed = warmed.get(warmed.size() / 2);
        int timedIndex = all.indexOf(timed) + 1;
        timed.failures.forEach(f -> System.out.println("  not analysed: " + f));

        System.out.printf(
                "%nxenacpi, one JVM, pass %d (the median of passes %d to %d, after %d of warm-up): %.3f s wall for %d"
                        + " platforms (%d simulations), %d thread(s), %.1f MB allocated%n",
                timedIndex,
                passes > 1 ? warmup + 1 : 1,
                passes,
                passes > 1 ? warmup : 0,
                timed.wallNanos / 1e9,
                timed.platforms,
                timed.simulations,
                threads,
                timed.allocatedBytes / 1e6);
        if (stages) {
            stages(timed, loadOnly(platforms));
        } else {
            stage("Validation.one per platform (CPU), all table bytes", timed.tableBytes, timed.stageSum());
            stage("CPU of the whole JVM (JIT, GC included), all table bytes", timed.tableBytes, timed.processCpuNanos);
            stage("wall, all table bytes", timed.tableBytes, timed.wallNanos);
        }
        if (!iasl) {
            return;
        }
        iasl(files, fileBytes, iaslJobs, timed, cold, threads);
    }

    /** The stage lines of a pass run with {@code --stages}. */
    private static void stages(Pass timed, long loadNanos) {
        System.out.println("  stage times are CPU times of the working threads; MB/s of the bytes each stage works on");
        stage(Stage.READ.label + ", all table bytes", timed.tableBytes, timed.nanos(Stage.READ));
        stage(Stage.DECODE.label + ", all table bytes", timed.tableBytes, timed.nanos(Stage.DECODE));
        long namespace = timed.nanos(Stage.NAMESPACE);
        stage(Stage.NAMESPACE.label + ", DSDT + SSDT bytes", timed.amlBytes, namespace);
        stage("  of which AML load (timed apart, one thread)", timed.amlBytes, loadNanos);
        stage("  of which survey (the difference)", timed.amlBytes, Math.max(1, namespace - loadNanos));
        stage(Stage.SIMULATE.label + ", all table bytes", timed.tableBytes, timed.nanos(Stage.SIMULATE));
        stage(Stage.REPORT.label + ", all table bytes", timed.tableBytes, timed.nanos(Stage.REPORT));
        stage("sum of the stages (CPU), all table bytes", timed.tableBytes, timed.stageSum());
        stage("CPU of the whole JVM (JIT, GC included), all table bytes", timed.tableBytes, timed.processCpuNanos);
        stage("wall, all table bytes", timed.tableBytes, timed.wallNanos);
    }

    /** Runs iasl -d over the files and prints its times and the ratios against our passes. */
    private static void iasl(List<Path> files, long fileBytes, int iaslJobs, Pass timed, Pass cold, int threads)
            throws IOException, InterruptedException, ExecutionException {
        Path out = Files.createTempDirectory("xenacpi-iasl-bench");
        try {
            List<String> failed = Collections.synchronizedList(new ArrayList<>());
            long childCpu = childCpuNanos();
            long iaslStart = System.nanoTime();
            runIaslAll(files, out, iaslJobs, failed);
            long theirs = System.nanoTime() - iaslStart;
            long theirCpu = childCpu < 0 ? -1 : childCpuNanos() - childCpu;
            System.out.printf(
                    "%niasl -d, one process per file, %d at a time: %.3f s wall, %s CPU for %d files (%d "
                            + "exited non-zero), %.2f MB/s%n",
                    iaslJobs,
                    theirs / 1e9,
                    theirCpu < 0 ? "unknown" : String.format("%.3f s", theirCpu / 1e9),
                    files.size(),
                    failed.size(),
                    fileBytes / 1e6 / (theirs / 1e9));
            failed.stream().sorted().forEach(f -> System.out.println("  iasl failed on " + f));
            System.out.printf(
                    "ratio, wall: iasl -d (%d at a time) takes %.1f times as long as our warmed pass, %.1f "
                            + "times as long as our cold first pass (%d thread(s))%n",
                    iaslJobs, (double) theirs / timed.wallNanos, (double) theirs / cold.wallNanos, threads);
            if (theirCpu >= 0) {
                System.out.printf(
                        "ratio, CPU: iasl -d takes %.1f times the CPU time of our warmed pass (whole JVM), "
                                + "%.1f times that of its stages, %.1f times that of our cold first pass (whole JVM)%n",
                        (double) theirCpu / timed.processCpuNanos,
                        (double) theirCpu / timed.stageSum(),
                        (double) theirCpu / cold.processCpuNanos);
            }
        } finally {
            deleteTree(out);
        }
    }

    private static int option(List<String> options, String name, int fallback) {
        int i = options.indexOf(name);
        if (i < 0) {
            return fallback;
        }
        if (i + 1 >= options.size()) {
            throw new IllegalArgumentException(name + " needs a number");
        }
        int v = Integer.parseInt(options.get(i + 1));
        if (v < 1) {
            throw new IllegalArgumentException(name + " must be at least 1");
        }
        return v;
    }

    private static Pass pass(List<Path> platforms, int threads, boolean stages)
            throws InterruptedException, ExecutionException {
        Pass p = new Pass();
        Validation validation = new Validation(MappingStrategy.all(), Overrides.NONE, 1);
        long cpu = processCpuNanos();
        long start = System.nanoTime();
        if (threads == 1) {
            platforms.forEach(dir -> analyse(dir, p, stages, validation));
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> jobs = new ArrayList<>();
                for (Path dir : platforms) {
                    jobs.add(pool.submit(() -> analyse(dir, p, stages, validation)));
                }
                for (Future<?> f : jobs) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
        }
        p.wallNanos = System.nanoTime() - start;
        p.processCpuNanos = processCpuNanos() - cpu;
        return p;
    }

    /** CPU time of the whole JVM so far (our threads, the JIT compilers and the garbage collector). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * User and system CPU time of this process's finished children (Linux {@code /proc/self/stat} cutime and
     * cstime, in clock ticks taken as 1/100 s), or -1 where that file is missing.
     */
    private static long childCpuNanos() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ", -1);
            return (Long.parseLong(f[13]) + Long.parseLong(f[14])) * 10_000_000L;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The thread's CPU time: stages are timed by it, so that other load on the machine counts less. */
    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** The bytes the current thread has allocated so far (HotSpot counts them per thread). */
    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) THREADS).getCurrentThreadAllocatedBytes();
    }

    /** One platform folder through the pipeline: through the façade, or stage by stage. */
    private static void analyse(Path dir, Pass p, boolean stages, Validation validation) {
        if (stages) {
            analyse(dir, p);
            return;
        }
        Map<Stage, Long> t = new EnumMap<>(Stage.class);
        try {
            long a0 = allocated();
            long t0 = cpu();
            var report = validation.one(new PlatformSource.PathSource(dir));
            t.put(Stage.REPORT, cpu() - t0);
            long allocated = allocated() - a0;
            long table = 0;
            for (ReportedPlatform.Table lt : report.platform().tables()) {
                table += lt.size();
            }
            p.add(t, table, 0, report.results().size(), allocated);
        } catch (ValidationException e) {
            p.fail(dir + ": " + e.getMessage());
        }
    }

    /** The whole pipeline for one platform folder, stage by stage, as the report command runs it. */
    private static void analyse(Path dir, Pass p) {
        Map<Stage, Long> t = new EnumMap<>(Stage.class);
        try {
            long a0 = allocated();
            long t0 = cpu();
            FirmwareImage image = FirmwareSource.open(dir);
            long t1 = cpu();
            AcpiTables tables = AcpiTables.load(image);
            long t2 = cpu();
            PlatformDescriptor descriptor = PlatformDescriptorReader.besides(dir);
            Platform platform = new Platform(dir.getFileName().toString(), tables, descriptor);
            long t3 = cpu();
            SimulationInput input = SimulationInput.of(platform);
            List<SimulationResult> results = Simulation.runAll(input, MappingStrategy.all());
            long t4 = cpu();
            ConformanceReport.of(platform, results, Instant.EPOCH);
            long t5 = cpu();
            t.put(Stage.READ, t1 - t0);
            t.put(Stage.DECODE, t2 - t1);
            t.put(Stage.NAMESPACE, t3 - t2);
            t.put(Stage.SIMULATE, t4 - t3);
            t.put(Stage.REPORT, t5 - t4);
            long table = 0;
            long aml = 0;
            for (LoadedTable lt : tables.all()) {
                table += lt.raw().size();
                if (isDefinitionBlock(lt.raw())) {
                    aml += lt.raw().size();
                }
            }
            p.add(t, table, aml, results.size(), allocated() - a0);
        } catch (AcpiException | PlatformException e) {
            p.fail(dir + ": " + e.getMessage());
        }
    }

    /** Nanoseconds of {@code AmlLoader.load} alone over every platform's DSDT and SSDTs (warmed by the passes). */
    private static long loadOnly(List<Path> platforms) {
        List<List<RawTable>> blocks = new ArrayList<>();
        for (Path dir : platforms) {
            try {
                blocks.add(AcpiTables.load(FirmwareSource.open(dir)).all().stream()
                        .map(LoadedTable::raw)
                        .filter(CorpusBenchmark::isDefinitionBlock)
                        .toList());
            } catch (AcpiException e) {
                // A platform whose tables do not load has no definition blocks to time.
            }
        }
        long start = cpu();
        for (List<RawTable> b : blocks) {
            AmlLoader.load(b);
        }
        return cpu() - start;
    }

    private static boolean isDefinitionBlock(RawTable t) {
        return t.signature().equals("DSDT") || t.signature().equals("SSDT");
    }

    private static void stage(String what, long bytes, long nanos) {
        System.out.printf("  %-66s %8.3f s %9.2f MB/s%n", what, nanos / 1e9, bytes / 1e6 / (nanos / 1e9));
    }

    private static void runIaslAll(List<Path> files, Path out, int jobs, List<String> failed)
            throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        try {
            int n = 0;
            List<Future<?>> runs = new ArrayList<>();
            for (Path f : files) {
                Path prefix = out.resolve("t" + n++);
                runs.add(pool.submit(() -> {
                    int status = runIasl(f, prefix);
                    if (status != 0) {
                        failed.add(f + " (" + (status < 0 ? "timed out" : "status " + status) + ")");
                    }
                    return null;
                }));
            }
            for (Future<?> r : runs) {
                r.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs {@code iasl -d} on one file, writing its listing under {@code prefix}; its exit status, -1 on timeout. */
    private static int runIasl(Path file, Path prefix) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("iasl", "-p", prefix.toString(), "-d", file.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(IASL_TIMEOUT_S, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            return -1;
        }
        return p.exitValue();
    }

    /** The platform folders: those directly holding table files, sorted. */
    static List<Path> platforms(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("no corpus folder at " + root.toAbsolutePath());
        }
        try (Stream<Path> s = Files.walk(root)) {
            return List.copyOf(new TreeSet<>(s.filter(Files::isRegularFile)
                    .filter(CorpusBenchmark::isTableFile)
                    .map(Path::getParent)
                    .filter(d -> !d.equals(root))
                    .toList()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> tableFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(CorpusBenchmark::isTableFile)
                    .sorted(Comparator.naturalOrder())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Anything but the corpus's notes and the platform descriptor. */
    private static boolean isTableFile(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return !(n.endsWith(".md") || n.endsWith(".txt") || n.endsWith(".json") || n.startsWith("."));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
