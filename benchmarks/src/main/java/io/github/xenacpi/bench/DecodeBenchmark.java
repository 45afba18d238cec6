package io.github.xenacpi.bench;

import io.github.xenacpi.acpi.AcpiException;
import io.github.xenacpi.acpi.source.FirmwareImage;
import io.github.xenacpi.acpi.source.FirmwareSource;
import io.github.xenacpi.acpi.source.RawTable;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.MadtTable;
import io.github.xenacpi.acpi.table.load.AcpiTables;
import io.github.xenacpi.platform.builder.MadtBuilder;
import io.github.xenacpi.platform.builder.McfgBuilder;
import io.github.xenacpi.platform.builder.PlatformBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decoding throughput: every table of a platform into tables, regions and diagnostics, reported as platforms
 * per second and, through the {@code megabytes} counter, as MB of table bytes per second. Two platforms: the
 * largest machine of the real-firmware corpus ({@code -p corpus=PATH}, else {@code -Dxenacpi.corpus}, else
 * {@code ../shared/corpus}), and a large builder-made one ({@code -p allocations=N} MCFG allocations).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DecodeBenchmark {

    /** The largest corpus platform, read once: table bytes only, so that the benchmark measures decoding. */
    @State(Scope.Benchmark)
    public static class CorpusPlatform {
        /** The corpus folder; empty means the system property {@code xenacpi.corpus} or ../shared/corpus. */
        @Param("")
        public String corpus;

        FirmwareImage image;
        long bytes;

        @Setup(Level.Trial)
        public void read() throws AcpiException {
            Path largest = largestCorpusMachine(corpus);
            image = FirmwareSource.open(largest);
            bytes = image.tables().stream().mapToLong(RawTable::size).sum();
            System.out.printf(
                    "%ncorpus platform %s: %d tables, %d bytes%n",
                    largest, image.tables().size(), bytes);
        }
    }

    /** A builder-made server: many ECAM allocations and a MADT with one GICC per CPU. */
    @State(Scope.Benchmark)
    public static class BuilderPlatform {
        @Param("4096")
        public int allocations;

        @Param("512")
        public int cpus;

        FirmwareImage image;
        long bytes;

        @Setup(Level.Trial)
        public void build() {
            McfgBuilder mcfg = new McfgBuilder();
            for (int i = 0; i < allocations; i++) {
                mcfg.allocation(0x40_0000_0000L + ((long) i << 28), i & 0xFFFF, 0, 0xFF);
            }
            MadtBuilder madt = new MadtBuilder().add(new MadtTable.Gicd(0, 0x0800_0000L, 0, 3));
            for (int cpu = 0; cpu < cpus; cpu++) {
                madt.gicc(cpu, ((long) (cpu / 16) << 8) | (cpu % 16), 0x080A_0000L + cpu * 0x20000L);
            }
            image = PlatformBuilder.create().add(mcfg).add(madt).build().image();
            bytes = image.tables().stream().mapToLong(RawTable::size).sum();
            System.out.printf(
                    "%nbuilder platform: %d tables, %d bytes%n", image.tables().size(), bytes);
        }
    }

    /** Bytes decoded, reported by JMH as a rate: MB/s. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Bytes {
        public double megabytes;
    }

    @Benchmark
    public void corpusPlatform(CorpusPlatform platform, Bytes counter, Blackhole bh) {
        decode(platform.image, bh);
        counter.megabytes += platform.bytes / 1e6;
    }

    @Benchmark
    public void builderPlatform(BuilderPlatform platform, Bytes counter, Blackhole bh) {
        decode(platform.image, bh);
        counter.megabytes += platform.bytes / 1e6;
    }

    private static void decode(FirmwareImage image, Blackhole bh) {
        AcpiTables tables = AcpiTables.load(image);
        for (LoadedTable t : tables.all()) {
            bh.consume(t.table());
        }
        bh.consume(tables.regions());
        bh.consume(tables.diagnostics());
    }

    /**
     * The corpus machine with the most table bytes: under {@code corpus}, else -Dxenacpi.corpus, else
     * ../shared/corpus.
     */
    static Path largestCorpusMachine(String corpus) {
        Path root = Path.of(corpus.isEmpty() ? System.getProperty("xenacpi.corpus", "../shared/corpus") : corpus);
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("no corpus at " + root.toAbsolutePath() + " (use -p corpus=PATH)");
        }
        return machines(root).stream()
                .max(Comparator.comparingLong(DecodeBenchmark::size))
                .orElseThrow(() -> new IllegalStateException("no table files under " + root));
    }

    /** Folders directly holding table files. */
    static List<Path> machines(Path root) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().endsWith(".md"))
                    .map(Path::getParent)
                    .distinct()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long size(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(Files::isRegularFile)
                    .mapToLong(f -> f.toFile().length())
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
