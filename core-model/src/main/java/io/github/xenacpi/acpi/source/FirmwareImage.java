package io.github.xenacpi.acpi.source;

import io.github.xenacpi.acpi.Diagnostic;
import java.nio.file.Path;
import java.util.List;

/**
 * What one input held: its path and detected format, every table found in input order, and the problems met
 * while reading it (garbage lines, truncated rows, unreadable files). Decoding comes later.
 */
public record FirmwareImage(Path path, SourceFormat format, List<RawTable> tables, List<Diagnostic> diagnostics) {

    public FirmwareImage {
        tables = List.copyOf(tables);
        diagnostics = List.copyOf(diagnostics);
    }
}
