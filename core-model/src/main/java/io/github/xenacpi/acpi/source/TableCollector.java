package io.github.xenacpi.acpi.source;

import com.google.errorprone.annotations.FormatMethod;
import com.google.errorprone.annotations.FormatString;
import io.github.xenacpi.acpi.AcpiException;
import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers the tables and diagnostics of one input as a reader finds them, numbering the instances of each
 * signature in input order (the only numbering an acpidump or a folder gives).
 */
final class TableCollector {
    private final Path path;
    private final SourceFormat format;
    private final List<RawTable> tables = new ArrayList<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Map<String, Integer> counts = new HashMap<>();
    private int suppressed;

    /** Most diagnostics kept for one input, so that a hostile input cannot exhaust memory through them. */
    static final int MAX_DIAGNOSTICS = 10_000;

    TableCollector(Path path, SourceFormat format) {
        this.path = path;
        this.format = format;
    }

    SourceFormat format() {
        return format;
    }

    boolean isEmpty() {
        return tables.isEmpty();
    }

    /** The instance number the next table of this signature will get. */
    int nextInstance(String signature) {
        return counts.getOrDefault(signature, 0) + 1;
    }

    /** Adds a table holding {@code bytes}, which the caller hands over: no copy is taken. */
    RawTable add(String signature, byte[] bytes, TableOrigin origin) {
        int instance = nextInstance(signature);
        counts.put(signature, instance);
        RawTable table = RawTable.adopting(signature, instance, bytes, origin);
        tables.add(table);
        return table;
    }

    @FormatMethod
    void table(String signature, int instance, Severity severity, @FormatString String format, Object... args) {
        keep(new Diagnostic(signature, instance, -1, severity, String.format(format, args)));
    }

    @FormatMethod
    void source(Severity severity, @FormatString String format, Object... args) {
        keep(Diagnostic.ofSource(severity, String.format(format, args)));
    }

    private void keep(Diagnostic d) {
        if (diagnostics.size() < MAX_DIAGNOSTICS) {
            diagnostics.add(d);
        } else {
            suppressed++;
        }
    }

    /** The image, or an exception naming what was looked at when no table was found. */
    FirmwareImage image(String lookedAt) throws AcpiException {
        if (tables.isEmpty()) {
            StringBuilder why = new StringBuilder("no ACPI table found in ")
                    .append(path)
                    .append(": ")
                    .append(lookedAt);
            diagnostics.stream().limit(5).forEach(d -> why.append("; ").append(d.message()));
            throw new AcpiException(why.toString());
        }
        if (suppressed > 0) {
            diagnostics.add(Diagnostic.ofSource(
                    Severity.WARNING,
                    String.format("%d more diagnostics not kept (limit %d per input)", suppressed, MAX_DIAGNOSTICS)));
        }
        return new FirmwareImage(path, format, tables, diagnostics);
    }
}
