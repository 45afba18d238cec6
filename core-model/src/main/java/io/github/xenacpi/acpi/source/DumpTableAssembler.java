package io.github.xenacpi.acpi.source;

import com.google.errorprone.annotations.FormatMethod;
import com.google.errorprone.annotations.FormatString;
import io.github.xenacpi.acpi.Severity;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Collects the rows under one acpidump header into the table's bytes: offsets must follow each other without
 * gap or overlap (each row starts where the bytes collected so far end); the first row that does not, or
 * cannot be read, cuts the table there. When the table ends, the bytes collected are compared with the length
 * the table declares and the signature in the bytes with the one in the header.
 */
final class DumpTableAssembler {
    private final Path file;
    private final DumpHeader header;
    private final int headerLine;
    private final TableCollector collector;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private boolean cut;
    private int lastRowLength = DumpRow.MAX_BYTES;

    DumpTableAssembler(Path file, DumpHeader header, int headerLine, TableCollector collector) {
        this.file = file;
        this.header = header;
        this.headerLine = headerLine;
        this.collector = collector;
        if (header.addressProblem() != null) {
            report(
                    Severity.WARNING,
                    "line %d: %s header: %s; the address is taken as unknown",
                    headerLine,
                    header.name(),
                    header.addressProblem());
        }
    }

    /** Adds a well-formed row, or cuts the table when its offset does not follow on. */
    void accept(DumpRow.Data row, int line) {
        if (cut) {
            return;
        }
        long expected = bytes.size();
        if (row.offset() != expected) {
            String why = row.offset() < expected
                    ? "an offset already covered"
                    : lastRowLength < DumpRow.MAX_BYTES
                            ? "it follows a short row of " + lastRowLength + " bytes"
                            : (row.offset() - expected) + " bytes of rows are missing";
            cutAt(line, String.format("row offset 0x%X where 0x%X was expected (%s)", row.offset(), expected, why));
            return;
        }
        if (expected + row.bytes().length > FirmwareSource.MAX_INPUT_BYTES) {
            cutAt(line, "the table grows past the input limit");
            return;
        }
        bytes.writeBytes(row.bytes());
        lastRowLength = row.bytes().length;
    }

    /** A row-shaped line whose bytes cannot be read: the table is cut there. */
    void reject(DumpRow.Malformed row, int line) {
        if (!cut) {
            cutAt(line, String.format("row at offset 0x%X: %s", row.offset(), row.problem()));
        }
    }

    /** Ends the table and adds it to the collector, unless no row was read. */
    void finish() {
        if (bytes.size() == 0) {
            report(Severity.ERROR, "line %d: %s header has no data rows; no table kept", headerLine, header.name());
            return;
        }
        byte[] data = bytes.toByteArray();
        Optional<String> inBytes = TableSignature.of(data);
        String signature = inBytes.orElse(header.signature());
        int instance = collector.nextInstance(signature);
        if (inBytes.isPresent() && !inBytes.get().equals(header.signature())) {
            collector.table(
                    signature,
                    instance,
                    Severity.WARNING,
                    "line %d: header says %s but the bytes hold a %s;" + " the signature in the bytes is used",
                    headerLine,
                    header.name(),
                    signature);
        }
        long declared = TableSignature.declaredLength(data, data.length);
        if (declared < 0) {
            collector.table(
                    signature,
                    instance,
                    Severity.ERROR,
                    "line %d: %s has only %d bytes, too few to hold" + " its length field",
                    headerLine,
                    header.name(),
                    data.length);
        } else if (declared > data.length) {
            collector.table(
                    signature,
                    instance,
                    Severity.ERROR,
                    "line %d: %s is truncated: its length field says" + " %d bytes, the rows hold %d",
                    headerLine,
                    header.name(),
                    declared,
                    data.length);
        } else if (declared < data.length) {
            collector.table(
                    signature,
                    instance,
                    Severity.WARNING,
                    "line %d: %s rows hold %d bytes, %d more than" + " its length field's %d",
                    headerLine,
                    header.name(),
                    data.length,
                    data.length - declared,
                    declared);
        }
        collector.add(
                signature, data, new TableOrigin(file, SourceFormat.ACPIDUMP_TEXT, 0, headerLine, header.address()));
    }

    private void cutAt(int line, String why) {
        cut = true;
        report(
                Severity.ERROR,
                "line %d: %s; the %s table is cut at 0x%X bytes",
                line,
                why,
                header.name(),
                bytes.size());
    }

    @FormatMethod
    private void report(Severity severity, @FormatString String format, Object... args) {
        collector.table(header.signature(), collector.nextInstance(header.signature()), severity, format, args);
    }
}
