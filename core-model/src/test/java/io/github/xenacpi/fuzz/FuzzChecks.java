package io.github.xenacpi.fuzz;

import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.source.RawTable;
import io.github.xenacpi.acpi.source.SourceFormat;
import io.github.xenacpi.acpi.source.TableOrigin;
import io.github.xenacpi.testing.Findings;
import java.nio.file.Path;
import java.util.List;

/** What every fuzz target asserts of the findings it gets back, and how fuzzed bytes become a raw table. */
final class FuzzChecks {

    private static final TableOrigin ORIGIN = new TableOrigin(Path.of("fuzz"), SourceFormat.BUILDER, 0, 0, -1);

    private FuzzChecks() {}

    /** Fuzzed bytes as the first table of a signature. */
    static RawTable raw(String signature, byte[] bytes) {
        return new RawTable(signature, 1, bytes, ORIGIN);
    }

    /**
     * Fails on a diagnostic that hides a caught exception (an internal error), names no table where one is
     * concerned, or points before the table.
     */
    static void wellFormed(List<Diagnostic> diagnostics) {
        for (Diagnostic d : diagnostics) {
            if (!Findings.isWellPlaced(d) || Findings.isInternalError(d)) {
                throw new IllegalStateException("unexpected finding: " + d);
            }
        }
    }
}
