package io.github.xenacpi.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.AcpiException;
import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.source.FirmwareImage;
import io.github.xenacpi.acpi.source.FirmwareSource;
import io.github.xenacpi.acpi.source.RawTable;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.TableDecoders;
import io.github.xenacpi.acpi.table.load.AcpiTables;
import io.github.xenacpi.aml.LoadedNamespace;
import io.github.xenacpi.aml.interp.Budget;
import io.github.xenacpi.aml.interp.MemoryModel;
import io.github.xenacpi.aml.parse.AmlLoader;
import io.github.xenacpi.aml.survey.NamespaceSurvey;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.PlatformDescriptor;
import io.github.xenacpi.platform.preset.Preset;
import io.github.xenacpi.testing.Corpus;
import io.github.xenacpi.testing.Findings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Damages every table of every corpus machine ({@code -Dxenacpi.corpus=...}) and of every preset: truncations,
 * single-byte corruptions and lying length fields (see {@link Damage}). Each variant is decoded, and DSDT/SSDT
 * variants are also loaded and surveyed as AML under a small budget: no exception may escape, no decoder may fail
 * internally, every diagnostic names its table and has an offset of -1 or more. One platform is also checked for
 * isolation: damaging one of its tables leaves every other table's decoding exactly as it was. Prints how many
 * variants ran. Runs in the {@code badinput} profile, under {@code -Xmx256m}.
 */
@Tag("badinput")
class BadInputTest {

    /** A small AML budget: damaged definition blocks must end quickly with findings. */
    static final Budget SMALL = new Budget(20_000, 16, 128, 1L << 20, Duration.ofMillis(500));
    /** At most this many variants of one definition block go through AML load and survey (evenly picked). */
    static final int AML_VARIANTS_PER_TABLE = 256;

    private static final TableDecoders DECODERS = TableDecoders.standard();
    private static final AtomicLong TABLES = new AtomicLong();
    private static final AtomicLong VARIANTS = new AtomicLong();
    private static final AtomicLong AML_RUNS = new AtomicLong();
    private static final AtomicLong DIAGNOSTICS = new AtomicLong();
    private static final long START = System.nanoTime();

    @TestFactory
    Stream<DynamicTest> everyPresetTableSurvivesDamage() {
        return Stream.of(Preset.values())
                .map(p -> DynamicTest.dynamicTest("preset " + p.id(), () -> damageAll("preset " + p.id(), p.image())));
    }

    @TestFactory
    Stream<DynamicTest> everyCorpusTableSurvivesDamage() {
        var root = Corpus.root();
        if (root.isEmpty()) {
            System.out.println("badinput: no corpus at " + Corpus.configured() + "; presets only");
            return Stream.empty();
        }
        return Corpus.machines(root.get()).stream()
                .map(machine -> DynamicTest.dynamicTest(
                        Corpus.name(root.get(), machine),
                        machine.toUri(),
                        () -> damageAll(Corpus.name(root.get(), machine), FirmwareSource.open(machine))));
    }

    @Test
    void damagingOneTableLeavesTheOthersDecodedAsBefore() throws AcpiException {
        FirmwareImage image = isolationImage();
        Map<String, LoadedTable> before = byKey(AcpiTables.load(image));
        int checked = 0;
        for (int i = 0; i < image.tables().size(); i++) {
            RawTable victim = image.tables().get(i);
            byte[] b = victim.bytes();
            List<byte[]> damages =
                    List.of(Arrays.copyOf(b, b.length / 2), withLength(b, 0xFFFF_FFFFL), withLength(b, 0));
            for (byte[] damaged : damages) {
                List<RawTable> tables = new ArrayList<>(image.tables());
                tables.set(i, new RawTable(victim.signature(), victim.instance(), damaged, victim.origin()));
                FirmwareImage hurt = new FirmwareImage(image.path(), image.format(), tables, image.diagnostics());
                AcpiTables after = AcpiTables.load(hurt);
                Map<String, LoadedTable> afterByKey = byKey(after);
                for (Map.Entry<String, LoadedTable> e : before.entrySet()) {
                    if (e.getKey().equals(key(victim.signature(), victim.instance()))) {
                        continue;
                    }
                    LoadedTable was = e.getValue();
                    LoadedTable now = afterByKey.get(e.getKey());
                    String what = e.getKey() + " after damaging " + victim.label();
                    assertThat(now).as(what).isNotNull();
                    assertThat(now.table()).as(what).isEqualTo(was.table());
                    assertThat(now.regions()).as(what).isEqualTo(was.regions());
                    assertThat(now.diagnostics()).as(what).isEqualTo(was.diagnostics());
                    assertThat(now.checksumValid()).as(what).isEqualTo(was.checksumValid());
                }
                if (victim.signature().equals("DSDT")) {
                    // The whole platform still builds (namespace, survey, regions) with its DSDT damaged.
                    Platform platform = new Platform("damaged", after, PlatformDescriptor.DEFAULT);
                    assertThat(platform.regions()).isNotNull();
                }
                checked++;
            }
        }
        System.out.printf(
                "badinput: isolation on %s: %d tables, %d damaged platforms compared%n",
                image.path(), image.tables().size(), checked);
        assertThat(checked).isPositive();
    }

    @AfterAll
    static void summary() {
        System.out.printf(
                "badinput: %d tables, %d variants decoded, %d AML load+survey runs, %d diagnostics, %d s,"
                        + " max heap %d MiB%n",
                TABLES.get(),
                VARIANTS.get(),
                AML_RUNS.get(),
                DIAGNOSTICS.get(),
                (System.nanoTime() - START) / 1_000_000_000L,
                Runtime.getRuntime().maxMemory() >> 20);
    }

    private static FirmwareImage isolationImage() throws AcpiException {
        var root = Corpus.root();
        if (root.isPresent()) {
            List<Path> machines = Corpus.machines(root.get());
            if (!machines.isEmpty()) {
                return FirmwareSource.open(machines.get(0));
            }
        }
        return Preset.SERVER_RAS.image();
    }

    private static void damageAll(String name, FirmwareImage image) {
        List<String> failures = new ArrayList<>();
        long variants = 0;
        for (RawTable raw : image.tables()) {
            TABLES.incrementAndGet();
            boolean aml = raw.signature().equals("DSDT") || raw.signature().equals("SSDT");
            int total = variantCount(raw.size());
            int stride = Math.max(1, total / AML_VARIANTS_PER_TABLE);
            long[] index = {0};
            Damage.variants(raw.bytes(), v -> {
                RawTable damaged = new RawTable(raw.signature(), raw.instance(), v.bytes(), raw.origin());
                String where = name + " " + raw.label() + " " + v.what();
                try {
                    check(where, DECODERS.decode(damaged).diagnostics(), failures);
                    if (aml && index[0] % stride == 0) {
                        List<RawTable> blocks = List.of(damaged);
                        LoadedNamespace loaded = AmlLoader.load(blocks);
                        check(where + " (AML load)", loaded.diagnostics(), failures);
                        NamespaceSurvey survey = NamespaceSurvey.of(loaded, blocks, MemoryModel.zero(), SMALL);
                        check(where + " (AML survey)", survey.diagnostics(), failures);
                        AML_RUNS.incrementAndGet();
                    }
                } catch (RuntimeException | StackOverflowError e) {
                    failures.add(where + ": " + e);
                }
                index[0]++;
            });
            variants += index[0];
        }
        VARIANTS.addAndGet(variants);
        System.out.printf(
                "badinput: %-45s %3d tables %8d variants%n",
                name, image.tables().size(), variants);
        assertThat(failures).as(name).isEmpty();
    }

    private static int variantCount(int size) {
        return Damage.truncationLengths(size).size()
                + 3 * Damage.corruptionOffsets(size).size()
                + 5;
    }

    private static void check(String where, List<Diagnostic> diagnostics, List<String> failures) {
        DIAGNOSTICS.addAndGet(diagnostics.size());
        for (Diagnostic d : diagnostics) {
            if (d.offset() < -1 || d.table().isBlank() || Findings.isInternalError(d)) {
                if (failures.size() < 50) {
                    failures.add(where + ": " + d);
                }
            }
        }
    }

    private static byte[] withLength(byte[] table, long length) {
        byte[] b = table.clone();
        for (int i = 0; i < 4 && 4 + i < b.length; i++) {
            b[4 + i] = (byte) (length >>> (8 * i));
        }
        return b;
    }

    private static Map<String, LoadedTable> byKey(AcpiTables tables) {
        Map<String, LoadedTable> out = new LinkedHashMap<>();
        tables.all().forEach(t -> out.put(key(t.signature(), t.instance()), t));
        return out;
    }

    private static String key(String signature, int instance) {
        return signature + "#" + instance;
    }
}
