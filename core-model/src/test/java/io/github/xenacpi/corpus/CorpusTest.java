package io.github.xenacpi.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.xenacpi.acpi.AcpiException;
import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.source.FirmwareImage;
import io.github.xenacpi.acpi.source.FirmwareSource;
import io.github.xenacpi.acpi.table.load.AcpiTables;
import io.github.xenacpi.inspect.InspectJson;
import io.github.xenacpi.testing.Corpus;
import io.github.xenacpi.testing.SchemaCheck;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * Every machine of the real-firmware corpus ({@code -Dxenacpi.corpus=...}) read and decoded whole: no
 * exception escapes, its inspect JSON holds to the shipped schema, and each platform prints one line with its
 * table, region and diagnostic counts; a summary line closes the run.
 */
@Tag("corpus")
class CorpusTest {

    private static final JsonNode SCHEMA = SchemaCheck.load(InspectJson.SCHEMA_RESOURCE);
    private static final AtomicLong PLATFORMS = new AtomicLong();
    private static final AtomicLong TABLES = new AtomicLong();
    private static final AtomicLong DECODED = new AtomicLong();
    private static final AtomicLong REGIONS = new AtomicLong();
    private static final AtomicLong ERRORS = new AtomicLong();
    private static final AtomicLong WARNINGS = new AtomicLong();

    /** How a machine folder becomes an image: the same reader users get. */
    static FirmwareImage open(Path machine) throws AcpiException {
        return FirmwareSource.open(machine);
    }

    @TestFactory
    Stream<DynamicTest> everyPlatformLoads() {
        var root = Corpus.root();
        if (root.isEmpty()) {
            return Stream.of(DynamicTest.dynamicTest(
                    "corpus",
                    () -> abort("no corpus at " + Corpus.configured() + " (set -D" + Corpus.PROPERTY + "=...)")));
        }
        return Corpus.machines(root.get()).stream()
                .map(machine -> DynamicTest.dynamicTest(
                        Corpus.name(root.get(), machine),
                        machine.toUri(),
                        () -> load(Corpus.name(root.get(), machine), machine)));
    }

    @AfterAll
    static void summary() {
        System.out.printf(
                "corpus: %d platforms, %d tables (%d decoded), %d regions, %d errors, %d warnings%n",
                PLATFORMS.get(), TABLES.get(), DECODED.get(), REGIONS.get(), ERRORS.get(), WARNINGS.get());
    }

    private static void load(String name, Path machine) throws AcpiException {
        FirmwareImage image = open(machine);
        AcpiTables platform = AcpiTables.load(image);

        assertThat(platform.all()).as("tables of %s", name).isNotEmpty();
        // Every decoded record must serialise, and the document must hold to the shipped schema.
        assertThat(SchemaCheck.violations(SCHEMA, InspectJson.of(platform)))
                .as("inspect JSON of %s", name)
                .isEmpty();
        List<Diagnostic> diagnostics = platform.diagnostics();
        long errors =
                diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).count();
        long warnings = diagnostics.stream()
                .filter(d -> d.severity() == Severity.WARNING)
                .count();
        long decoded = platform.all().stream().filter(t -> t.isDecoded()).count();
        int regions = platform.regions().size();
        System.out.printf(
                "%-45s %3d tables (%3d decoded) %4d regions %4d errors %4d warnings%n",
                name, platform.all().size(), decoded, regions, errors, warnings);
        PLATFORMS.incrementAndGet();
        TABLES.addAndGet(platform.all().size());
        DECODED.addAndGet(decoded);
        REGIONS.addAndGet(regions);
        ERRORS.addAndGet(errors);
        WARNINGS.addAndGet(warnings);
    }
}
