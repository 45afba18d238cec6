package io.github.xenacpi.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.AcpiException;
import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.source.FirmwareImage;
import io.github.xenacpi.acpi.source.FirmwareSource;
import io.github.xenacpi.acpi.source.RawTable;
import io.github.xenacpi.acpi.table.load.AcpiTables;
import io.github.xenacpi.aml.interp.BudgetStop;
import io.github.xenacpi.conformance.ConformanceCheck;
import io.github.xenacpi.conformance.Finding;
import io.github.xenacpi.conformance.Profile;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.PlatformDescriptor;
import io.github.xenacpi.platform.builder.AcpidumpTextWriter;
import io.github.xenacpi.platform.preset.Preset;
import io.github.xenacpi.report.ConformanceReport;
import io.github.xenacpi.simulation.Simulation;
import io.github.xenacpi.simulation.SimulationInput;
import io.github.xenacpi.simulation.SimulationResult;
import io.github.xenacpi.simulation.Verdict;
import io.github.xenacpi.strategy.MappingStrategy;
import io.github.xenacpi.testing.Corpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * Damage never makes a verdict better, and every AML load error and budget stop is a finding. For every preset and
 * corpus machine, whole platforms are damaged the ways issue 18 saw verdicts improve: each table cut in half; the
 * DSDT and SSDTs emptied, shifted by one byte inserted in the OEM ID, filled with random bytes (checksums fixed)
 * and changed in single bytes; the MADT cut in half and left alone; the acpidump with garbled lines. Each damaged
 * platform is built, checked and, when {@link Platform#completeness()} says nothing was lost, simulated under every
 * strategy: no strategy's verdict may be better (PASS over DEGRADED over FAIL) than on the intact platform. Single
 * byte changes can make valid, different AML (another address, another address space) whose verdict may
 * legitimately differ: they are held to the findings only, and the ones with a better verdict are counted.
 */
@Tag("badinput")
class DamagedVerdictTest {

    /** Single-byte changes per definition block. */
    private static final int FLIPS = 12;
    /** Acpidump variants with garbled lines per platform. */
    private static final int GARBLED_DUMPS = 2;

    private static final AtomicLong VARIANTS = new AtomicLong();
    private static final AtomicLong INCOMPLETE = new AtomicLong();
    private static final AtomicLong SIMULATED = new AtomicLong();
    private static final AtomicLong STOPS = new AtomicLong();
    private static final AtomicLong FLIPS_BETTER = new AtomicLong();
    private static final AtomicLong WORST_MILLIS = new AtomicLong();
    private static final long START = System.nanoTime();

    /** One damaged platform: what was done, how it was made, and whether it only changed bytes in place. */
    private record Variant(String what, FirmwareImage image, boolean flip) {}

    @TestFactory
    Stream<DynamicTest> presets() {
        return Stream.of(Preset.values())
                .map(p -> DynamicTest.dynamicTest("preset " + p.id(), () -> check("preset " + p.id(), p.image())));
    }

    @TestFactory
    Stream<DynamicTest> corpus() {
        var root = Corpus.root();
        if (root.isEmpty()) {
            return Stream.empty();
        }
        return Corpus.machines(root.get()).stream()
                .map(m -> DynamicTest.dynamicTest(
                        Corpus.name(root.get(), m),
                        m.toUri(),
                        () -> check(Corpus.name(root.get(), m), FirmwareSource.open(m))));
    }

    @AfterAll
    static void summary() {
        System.out.printf(
                "badinput: damaged platforms: %d variants, %d incomplete, %d complete and simulated, %d"
                        + " budget stops, %d single-byte changes with a better verdict (valid AML), worst platform %d ms,"
                        + " %d s, max heap %d MiB%n",
                VARIANTS.get(),
                INCOMPLETE.get(),
                SIMULATED.get(),
                STOPS.get(),
                FLIPS_BETTER.get(),
                WORST_MILLIS.get(),
                (System.nanoTime() - START) / 1_000_000_000L,
                Runtime.getRuntime().maxMemory() >> 20);
    }

    private static void check(String name, FirmwareImage image) throws IOException {
        Platform intact = platform(image);
        List<Verdict> base = intact.completeness().complete() ? verdicts(intact) : null;
        List<String> failures = new ArrayList<>();
        int count = 0;
        for (Variant v : variants(image, new Random(name.hashCode()))) {
            count++;
            long t0 = System.nanoTime();
            Platform p = platform(v.image());
            String where = name + " " + v.what();
            List<Finding> findings = ConformanceCheck.run(p, ConformanceReport.PROFILES.toArray(Profile[]::new));
            for (Diagnostic d : p.namespace().diagnostics()) {
                if (findings.stream()
                        .noneMatch(f -> (f.ruleId().equals("AML.LOAD")
                                        && f.message().equals(d.message()))
                                || (f.table().equals(d.table()) && f.offset() == d.offset() && d.offset() >= 0))) {
                    failures.add(where + ": AML load diagnostic with no finding: " + d);
                }
            }
            for (BudgetStop s : p.survey().budgetStops()) {
                STOPS.incrementAndGet();
                if (findings.stream()
                        .noneMatch(f ->
                                f.ruleId().equals("AML.BUDGET") && f.message().equals(s.message()))) {
                    failures.add(where + ": budget stop with no finding: " + s.message());
                }
            }
            if (!p.completeness().complete()) {
                INCOMPLETE.incrementAndGet();
            } else if (base != null) {
                SIMULATED.incrementAndGet();
                List<Verdict> now = verdicts(p);
                for (int i = 0; i < now.size(); i++) {
                    if (now.get(i).compareTo(base.get(i)) < 0) {
                        if (v.flip()) {
                            FLIPS_BETTER.incrementAndGet();
                        } else {
                            failures.add(where + ": complete, and "
                                    + MappingStrategy.all().get(i).id() + " is " + now.get(i)
                                    + " where the intact platform is " + base.get(i));
                        }
                        break;
                    }
                }
            }
            WORST_MILLIS.accumulateAndGet((System.nanoTime() - t0) / 1_000_000, Math::max);
        }
        VARIANTS.addAndGet(count);
        System.out.printf("badinput: %-45s %4d damaged platforms%n", name, count);
        assertThat(failures).as(name).isEmpty();
    }

    private static List<Verdict> verdicts(Platform p) {
        return Simulation.runAll(SimulationInput.of(p), MappingStrategy.all()).stream()
                .map(SimulationResult::verdict)
                .toList();
    }

    private static Platform platform(FirmwareImage image) {
        return new Platform("damaged", AcpiTables.load(image), PlatformDescriptor.DEFAULT);
    }

    private static List<Variant> variants(FirmwareImage image, Random random) throws IOException {
        List<Variant> out = new ArrayList<>();
        List<RawTable> tables = image.tables();
        for (int i = 0; i < tables.size(); i++) {
            RawTable t = tables.get(i);
            byte[] b = t.bytes();
            out.add(new Variant(t.label() + " cut in half", replace(image, i, Arrays.copyOf(b, b.length / 2)), false));
            boolean aml = t.signature().equals("DSDT") || t.signature().equals("SSDT");
            if (!aml || b.length <= Damage.HEADER) {
                continue;
            }
            byte[] empty = Arrays.copyOf(b, Damage.HEADER);
            setLength(empty, Damage.HEADER);
            out.add(new Variant(t.label() + " emptied", replace(image, i, checksum(empty)), false));
            byte[] shifted = new byte[b.length];
            System.arraycopy(b, 0, shifted, 0, 10);
            shifted[10] = ' ';
            System.arraycopy(b, 10, shifted, 11, b.length - 11);
            out.add(new Variant(
                    t.label() + " shifted by a byte in the OEM ID", replace(image, i, checksum(shifted)), false));
            byte[] noise = b.clone();
            for (int k = Damage.HEADER; k < noise.length; k++) {
                noise[k] = (byte) random.nextInt(256);
            }
            out.add(new Variant(t.label() + " of random bytes", replace(image, i, checksum(noise)), false));
            for (int k = 0; k < FLIPS; k++) {
                byte[] f = b.clone();
                int at = Damage.HEADER + random.nextInt(b.length - Damage.HEADER);
                int old = f[at] & 0xFF;
                f[at] = (byte) (old ^ (1 + random.nextInt(255)));
                out.add(new Variant(
                        String.format("%s byte 0x%X: 0x%02X -> 0x%02X", t.label(), at, old, f[at] & 0xFF),
                        replace(image, i, checksum(f)),
                        true));
            }
        }
        for (RawTable t : tables) {
            if (t.signature().equals("APIC")) {
                out.add(new Variant(
                        "half an APIC alone",
                        new FirmwareImage(
                                image.path(),
                                image.format(),
                                List.of(new RawTable("APIC", 1, Arrays.copyOf(t.bytes(), t.size() / 2), t.origin())),
                                List.of()),
                        false));
            }
        }
        // The dump's lines without the blank line that ends it, which split drops.
        @SuppressWarnings("StringSplitter")
        String[] lines = AcpidumpTextWriter.write(tables).split("\n");
        for (int k = 0; k < GARBLED_DUMPS; k++) {
            StringBuilder text = new StringBuilder();
            for (String line : lines) {
                // About 1 line in 200 (0.5 %) replaced by garbage.
                text.append(random.nextInt(200) == 0 ? "#garbled " + Integer.toHexString(random.nextInt()) : line)
                        .append('\n');
            }
            Path dump = Files.createTempFile("xenacpi-garbled", ".txt");
            try {
                Files.writeString(dump, text);
                out.add(new Variant("acpidump with garbled lines #" + k, FirmwareSource.open(dump), false));
            } catch (AcpiException e) {
                // Nothing readable is left: the reader refuses the input, which loses nothing silently.
            } finally {
                Files.delete(dump);
            }
        }
        return out;
    }

    private static FirmwareImage replace(FirmwareImage image, int index, byte[] bytes) {
        List<RawTable> tables = new ArrayList<>(image.tables());
        RawTable t = tables.get(index);
        tables.set(index, new RawTable(t.signature(), t.instance(), bytes, t.origin()));
        return new FirmwareImage(image.path(), image.format(), tables, image.diagnostics());
    }

    private static void setLength(byte[] b, long length) {
        for (int i = 0; i < 4; i++) {
            b[4 + i] = (byte) (length >>> (8 * i));
        }
    }

    private static byte[] checksum(byte[] b) {
        b[9] = 0;
        int sum = 0;
        for (byte x : b) {
            sum += x;
        }
        b[9] = (byte) -sum;
        return b;
    }
}
