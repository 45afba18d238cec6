package io.github.xenacpi.bench;

import io.github.xenacpi.acpi.AcpiException;
import io.github.xenacpi.acpi.source.FirmwareSource;
import io.github.xenacpi.acpi.source.RawTable;
import io.github.xenacpi.aml.LoadedNamespace;
import io.github.xenacpi.aml.parse.AmlLoader;
import io.github.xenacpi.aml.survey.NamespaceSurvey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * AML namespace throughput on the largest DSDT of the real-firmware corpus ({@code -p corpus=PATH}, else
 * {@code -Dxenacpi.corpus}, else {@code ../shared/corpus}): loading it into a namespace, and loading plus the
 * survey (devices, _CRS, OperationRegions, the boot accesses). Reported as loads per second and, through the
 * {@code megabytes} counter of {@link DecodeBenchmark.Bytes}, as MB of AML per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
public class NamespaceBenchmark {

    /** The corpus folder; empty means the system property {@code xenacpi.corpus} or ../shared/corpus. */
    @Param("")
    public String corpus;

    private List<RawTable> dsdt;
    private long bytes;

    @Setup(Level.Trial)
    public void read() throws AcpiException {
        Path file = largestDsdt(corpus);
        dsdt = FirmwareSource.open(file).tables().stream()
                .filter(t -> t.signature().equals("DSDT"))
                .toList();
        bytes = dsdt.stream().mapToLong(RawTable::size).sum();
        LoadedNamespace loaded = AmlLoader.load(dsdt);
        System.out.printf(
                "%nlargest corpus DSDT %s: %d bytes, %s, %d load diagnostics%n",
                file, bytes, loaded.namespace().counts(), loaded.diagnostics().size());
    }

    @Benchmark
    public void load(DecodeBenchmark.Bytes counter, Blackhole bh) {
        bh.consume(AmlLoader.load(dsdt));
        counter.megabytes += bytes / 1e6;
    }

    @Benchmark
    public void loadAndSurvey(DecodeBenchmark.Bytes counter, Blackhole bh) {
        LoadedNamespace loaded = AmlLoader.load(dsdt);
        bh.consume(NamespaceSurvey.of(loaded, dsdt));
        counter.megabytes += bytes / 1e6;
    }

    /** The biggest file whose bytes begin with the DSDT signature, under the corpus folder. */
    static Path largestDsdt(String corpus) {
        Path root = Path.of(corpus.isEmpty() ? System.getProperty("xenacpi.corpus", "../shared/corpus") : corpus);
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("no corpus at " + root.toAbsolutePath() + " (use -p corpus=PATH)");
        }
        try (Stream<Path> files = Files.walk(root)) {
            Optional<Path> largest = files.filter(Files::isRegularFile)
                    .filter(NamespaceBenchmark::isDsdt)
                    .max(Comparator.comparingLong(f -> f.toFile().length()));
            return largest.orElseThrow(() -> new IllegalStateException("no DSDT under " + root));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isDsdt(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(4), StandardCharsets.ISO_8859_1).equals("DSDT");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
