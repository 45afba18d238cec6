package io.github.xenacpi.differential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.xenacpi.acpi.AcpiException;
import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.source.FirmwareSource;
import io.github.xenacpi.acpi.source.RawTable;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.TableDecoders;
import io.github.xenacpi.platform.builder.OemIdentity;
import io.github.xenacpi.platform.preset.Preset;
import io.github.xenacpi.testing.Corpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our decoding against ACPICA's {@code iasl -d} (20200925 in CI): for every table file of every corpus machine,
 * the header fields and every described region's base (and length where iasl shows one) must agree; where
 * iasl does not know a table or a sub-structure type the test is skipped with a message naming the table.
 * Builder-made tables must disassemble without complaint and agree the same way.
 */
@Tag("differential")
class IaslDifferentialTest {

    private static final AtomicInteger COMPARED = new AtomicInteger();
    private static final AtomicInteger MISMATCHED = new AtomicInteger();
    private static final AtomicInteger UNKNOWN = new AtomicInteger();
    private static final AtomicInteger REJECTED = new AtomicInteger();
    private static final AtomicInteger REGIONS = new AtomicInteger();
    private static final AtomicInteger LENGTHS = new AtomicInteger();
    private static final Map<RegionKind, Integer> KINDS = new ConcurrentSkipListMap<>();

    @TempDir
    Path temp;

    @BeforeAll
    static void needsIasl() {
        assumeTrue(IaslListing.available(), "iasl is not installed (apt-get install acpica-tools)");
    }

    @AfterAll
    static void summary() {
        System.out.printf(
                "differential: %d tables compared with iasl, %d mismatching, %d unknown to iasl, "
                        + "%d rejected by iasl; %d regions compared (%d lengths)%n",
                COMPARED.get(), MISMATCHED.get(), UNKNOWN.get(), REJECTED.get(), REGIONS.get(), LENGTHS.get());
        System.out.println("differential: regions compared by kind: " + KINDS);
    }

    @TestFactory
    Stream<DynamicNode> corpusTablesAgreeWithIasl() {
        var root = Corpus.root();
        if (root.isEmpty()) {
            return Stream.of(DynamicTest.dynamicTest(
                    "corpus",
                    () -> abort("no corpus at " + Corpus.configured() + " (set -D" + Corpus.PROPERTY + "=...)")));
        }
        return Corpus.machines(root.get()).stream()
                .map(machine -> DynamicContainer.dynamicContainer(
                        Corpus.name(root.get(), machine),
                        Corpus.tableFiles(machine).stream()
                                .map(file -> DynamicTest.dynamicTest(
                                        Corpus.name(root.get(), file), file.toUri(), () -> compareFile(file)))));
    }

    @TestFactory
    Stream<DynamicTest> builderTablesDisassembleCleanlyAndAgree() {
        return BuilderSamples.ALL.stream()
                .map(sample -> DynamicTest.dynamicTest(sample.name(), () -> {
                    Path file =
                            write(sample.builder().signature(), sample.builder().build(OemIdentity.DEFAULT));
                    checkBuilt(sample.name(), file, IaslListing.disassemble(file));
                }));
    }

    /**
     * Every static table of the well-formed presets. Not handed to iasl: the DSDT (AML, which the AML suites
     * compare) and the RSDP (iasl 20200925 refuses a standalone RSDP file: "Binary file does not contain a valid
     * ACPI table"). Tables or node types iasl 20200925 does not know (APMT, IORT RMR nodes) are reported as such.
     */
    @TestFactory
    Stream<DynamicTest> presetTablesDisassembleCleanlyAndAgree() {
        return Stream.of(Preset.values())
                .filter(p -> p != Preset.HOSTILE)
                .flatMap(p -> p.image().tables().stream()
                        .filter(t ->
                                !t.signature().equals("DSDT") && !t.signature().equals("RSDP"))
                        .map(t -> DynamicTest.dynamicTest(p.id() + " " + t.label(), () -> {
                            Path file = write(t.signature(), t.bytes());
                            IaslListing listing = IaslListing.disassemble(file);
                            if (listing.unknownSignature().isPresent()
                                    || !listing.unknownTypes().isEmpty()) {
                                abort("iasl 20200925 does not know " + t.label() + " of " + p.id() + ": "
                                        + listing.unknownSignature()
                                                .map(x -> "signature " + x)
                                                .orElse(String.valueOf(listing.unknownTypes())));
                            }
                            checkBuilt(p.id() + " " + t.label(), file, listing);
                        })));
    }

    private Path write(String signature, byte[] bytes) throws Exception {
        return Files.write(temp.resolve(signature + ".dat"), bytes);
    }

    private static void checkBuilt(String name, Path file, IaslListing listing) throws Exception {
        LoadedTable table = TableDecoders.standard().decode(readTable(file));

        assertThat(listing.errors()).as("iasl errors for %s", name).isEmpty();
        assertThat(listing.warnings()).as("iasl warnings for %s", name).isEmpty();
        assertThat(listing.unknownTypes()).as("iasl unknown types for %s", name).isEmpty();
        assertThat(listing.unknownSignature()).as("iasl does not know %s", name).isEmpty();
        assertThat(table.diagnostics()).as("our diagnostics for %s", name).isEmpty();
        IaslComparison.Result result = IaslComparison.compare(table, listing);
        assertThat(result.mismatches()).as("mismatches for %s", name).isEmpty();
        assertThat(result.regionsCompared()).isEqualTo(table.regions().size());
    }

    /** The one table of a binary file, read by the same reader users get. */
    private static RawTable readTable(Path file) throws AcpiException {
        List<RawTable> tables = FirmwareSource.open(file).tables();
        assertThat(tables).as("tables in %s", file).hasSize(1);
        return tables.get(0);
    }

    private static void compareFile(Path file) throws Exception {
        RawTable raw;
        try {
            raw = readTable(file);
        } catch (AcpiException e) {
            IaslListing refused = IaslListing.disassemble(file);
            REJECTED.incrementAndGet();
            if (refused.produced()) {
                MISMATCHED.incrementAndGet();
                fail("%s: iasl disassembles it but we cannot read it: %s", file, e.getMessage());
            }
            abort(file + ": neither iasl (" + refused.problems() + ") nor we (" + e.getMessage() + ") read it");
            return;
        }
        LoadedTable table = TableDecoders.standard().decode(raw);
        IaslListing listing = IaslListing.disassemble(file);
        if (!listing.produced()) {
            REJECTED.incrementAndGet();
            boolean weReject = table.diagnostics().stream().anyMatch(d -> d.severity() == Severity.ERROR);
            if (!weReject) {
                MISMATCHED.incrementAndGet();
                fail("%s: iasl rejects the table (%s) but our decoding reports no error", file, listing.problems());
            }
            abort(file + ": iasl cannot disassemble " + raw.label() + " (" + listing.problems() + "); we report "
                    + firstError(table));
        }
        COMPARED.incrementAndGet();
        IaslComparison.Result result = IaslComparison.compare(table, listing);
        REGIONS.addAndGet(result.regionsCompared());
        result.comparedKinds().forEach(k -> KINDS.merge(k, 1, Integer::sum));
        LENGTHS.addAndGet(result.lengthsCompared());
        if (!result.mismatches().isEmpty()) {
            MISMATCHED.incrementAndGet();
            fail(
                    "%s (%s): %d difference(s) from iasl -d:%n  %s",
                    file,
                    raw.label(),
                    result.mismatches().size(),
                    String.join(System.lineSeparator() + "  ", result.mismatches()));
        }
        if (!result.unknownToIasl().isEmpty()) {
            UNKNOWN.incrementAndGet();
            abort(file + " (" + raw.label() + "): not fully comparable: " + String.join("; ", result.unknownToIasl()));
        }
    }

    private static String firstError(LoadedTable table) {
        List<String> errors = table.diagnostics().stream()
                .filter(d -> d.severity() == Severity.ERROR)
                .map(Object::toString)
                .toList();
        return errors.isEmpty() ? "no error" : errors.get(0);
    }
}
