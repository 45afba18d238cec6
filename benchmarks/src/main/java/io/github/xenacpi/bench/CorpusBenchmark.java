package io.github.xenacpi.bench;

import io.github.xenacpi.acpi.AcpiException;
import io.github.xenacpi.acpi.source.FirmwareSource;
import io.github.xenacpi.acpi.table.AcpiTables;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.PlatformDescriptorReader;
import io.github.xenacpi.platform.PlatformException;
import io.github.xenacpi.simulation.Simulation;
import io.github.xenacpi.simulation.SimulationInput;
import io.github.xenacpi.strategy.MappingStrategy;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The corpus benchmark: our whole pipeline over every platform of a corpus folder in one JVM (read and decode
 * the tables, load the DSDT and SSDTs into a namespace and survey it, simulate every mapping strategy), timed
 * after one warm-up pass, against ACPICA's {@code iasl -d} run once per table file over the same files, as users
 * run it. Prints both wall times, their ratio and the throughput of each of our stages.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.github.xenacpi.bench.CorpusBenchmark CORPUS}
 * ({@code --no-iasl} measures our pipeline only).
 */
public final class CorpusBenchmark {

    /** How long one iasl run may take before it is killed and counted as failed. */
    private static final long IASL_TIMEOUT_S = 120;

    /** Time and bytes of one pass over the corpus, by stage. */
    private static final class Pass {
        long decodeNanos;
        long amlNanos;
        long simulationNanos;
        long tableBytes;
        long amlBytes;
        int platforms;
        int simulations;
        final List<String> failures = new ArrayList<>();

        long totalNanos() {
            return decodeNanos + amlNanos + simulationNanos;
        }
    }

    private CorpusBenchmark() {
    }

    /** Runs the benchmark over the corpus folder given as the first argument. */
    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: CorpusBenchmark CORPUS_FOLDER [--no-iasl]");
            System.exit(2);
        }
        Path root = Path.of(args[0]);
        boolean iasl = !List.of(args).contains("--no-iasl");
        List<Path> platforms = platforms(root);
        List<Path> files = platforms.stream().flatMap(p -> tableFiles(p).stream()).toList();
        long fileBytes = files.stream().mapToLong(f -> f.toFile().length()).sum();
        System.out.printf("corpus %s: %d platforms, %d table files, %,d bytes%n", root.toAbsolutePath().normalize(),
                platforms.size(), files.size(), fileBytes);

        long warm = System.nanoTime();
        pass(platforms);
        System.out.printf("warm-up pass: %.2f s%n", (System.nanoTime() - warm) / 1e9);
        long start = System.nanoTime();
        Pass timed = pass(platforms);
        long ours = System.nanoTime() - start;
        timed.failures.forEach(f -> System.out.println("  not analysed: " + f));

        System.out.printf("%nxenacpi, one JVM, after warm-up: %.3f s wall for %d platforms (%d simulations)%n",
                ours / 1e9, timed.platforms, timed.simulations);
        stage("read + decode (all table bytes)", timed.tableBytes, timed.decodeNanos);
        stage("AML load + survey (DSDT + SSDT bytes)", timed.amlBytes, timed.amlNanos);
        stage("simulation, every strategy (all table bytes)", timed.tableBytes, timed.simulationNanos);
        stage("whole pipeline (all table bytes)", timed.tableBytes, timed.totalNanos());

        if (!iasl) {
            return;
        }
        Path out = Files.createTempDirectory("xenacpi-iasl-bench");
        try {
            long iaslStart = System.nanoTime();
            List<String> failed = new ArrayList<>();
            int n = 0;
            for (Path f : files) {
                int status = runIasl(f, out.resolve("t" + n++));
                if (status != 0) {
                    failed.add(f + " (" + (status < 0 ? "timed out" : "status " + status) + ")");
                }
            }
            long theirs = System.nanoTime() - iaslStart;
            System.out.printf("%niasl -d, one process per file: %.3f s wall for %d files (%d exited non-zero), "
                    + "%.2f MB/s%n", theirs / 1e9, files.size(), failed.size(), fileBytes / 1e6 / (theirs / 1e9));
            failed.forEach(f -> System.out.println("  iasl failed on " + f));
            System.out.printf("ratio: iasl -d takes %.1f times as long as our whole pipeline%n",
                    (double) theirs / ours);
        } finally {
            deleteTree(out);
        }
    }

    private static Pass pass(List<Path> platforms) {
        Pass p = new Pass();
        for (Path dir : platforms) {
            try {
                long t0 = System.nanoTime();
                AcpiTables tables = AcpiTables.load(FirmwareSource.open(dir));
                long t1 = System.nanoTime();
                Platform platform = new Platform(dir.getFileName().toString(), tables,
                        PlatformDescriptorReader.besides(dir));
                long t2 = System.nanoTime();
                SimulationInput input = SimulationInput.of(platform);
                for (MappingStrategy s : MappingStrategy.all()) {
                    Simulation.run(input, s);
                    p.simulations++;
                }
                long t3 = System.nanoTime();
                p.decodeNanos += t1 - t0;
                p.amlNanos += t2 - t1;
                p.simulationNanos += t3 - t2;
                for (LoadedTable t : tables.all()) {
                    p.tableBytes += t.raw().size();
                    if (t.signature().equals("DSDT") || t.signature().equals("SSDT")) {
                        p.amlBytes += t.raw().size();
                    }
                }
                p.platforms++;
            } catch (AcpiException | PlatformException e) {
                p.failures.add(dir + ": " + e.getMessage());
            }
        }
        return p;
    }

    private static void stage(String what, long bytes, long nanos) {
        System.out.printf("  %-46s %8.3f s  %10.2f MB/s  (%,d bytes)%n", what, nanos / 1e9,
                bytes / 1e6 / (nanos / 1e9), bytes);
    }

    /** Runs {@code iasl -d} on one file, writing its listing under {@code prefix}; its exit status, -1 on timeout. */
    private static int runIasl(Path file, Path prefix) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("iasl", "-p", prefix.toString(), "-d", file.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
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
            return List.copyOf(new TreeSet<>(s.filter(Files::isRegularFile).filter(CorpusBenchmark::isTableFile)
                    .map(Path::getParent).filter(d -> !d.equals(root)).toList()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> tableFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(CorpusBenchmark::isTableFile)
                    .sorted(Comparator.naturalOrder()).toList();
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
