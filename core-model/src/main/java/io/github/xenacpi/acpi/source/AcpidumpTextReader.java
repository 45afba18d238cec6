package io.github.xenacpi.acpi.source;

import io.github.xenacpi.acpi.AcpiException;
import io.github.xenacpi.acpi.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads the text written by acpidump and its relatives (ACPICA on Linux and Windows, pmtools, FWTS
 * {@code --dump}, old ACPICA): a {@code SIG @ 0xADDRESS} header per table followed by hex rows. Tables end at
 * the next header or at the end of the file; blank lines are ignored; any other line is reported and skipped.
 * Instances follow input order. An address printed as zero (sysfs-based dumps) or {@code (nil)} is unknown.
 */
public final class AcpidumpTextReader {

    /** Lines reported one by one before the rest are only counted. */
    static final int MAX_LINE_REPORTS = 20;

    private AcpidumpTextReader() {}

    /**
     * Reads every table of the dump.
     *
     * @throws AcpiException when the file cannot be read or holds no table
     */
    public static FirmwareImage read(Path file) throws AcpiException {
        long size = FirmwareSource.size(file);
        if (size > FirmwareSource.MAX_INPUT_BYTES) {
            throw new AcpiException(String.format(
                    "refusing %s: %d bytes is more than the %d-byte limit for one" + " input file",
                    file, size, FirmwareSource.MAX_INPUT_BYTES));
        }
        TableCollector collector = new TableCollector(file, SourceFormat.ACPIDUMP_TEXT);
        int lines;
        try (DumpLines in = new DumpLines(Files.newInputStream(file))) {
            lines = parse(file, in, collector);
        } catch (IOException e) {
            throw new AcpiException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return collector.image(lines + " lines without a table header followed by data rows");
    }

    private static int parse(Path file, DumpLines in, TableCollector collector) throws IOException {
        DumpTableAssembler table = null;
        int ignored = 0;
        String line;
        while ((line = in.next()) != null) {
            if (line.isBlank()) {
                continue;
            }
            Optional<DumpHeader> header = DumpHeader.parse(line);
            if (header.isPresent()) {
                if (table != null) {
                    table.finish();
                }
                table = new DumpTableAssembler(file, header.get(), in.number(), collector);
                continue;
            }
            DumpRow row = in.wasCut() ? new DumpRow.NotARow() : DumpRowParser.parse(line);
            if (table != null && row instanceof DumpRow.Data data) {
                table.accept(data, in.number());
            } else if (table != null && row instanceof DumpRow.Malformed bad) {
                table.reject(bad, in.number());
            } else if (++ignored <= MAX_LINE_REPORTS) {
                collector.source(
                        Severity.WARNING,
                        "line %d ignored: %s: \"%s\"",
                        in.number(),
                        table == null && !(row instanceof DumpRow.NotARow)
                                ? "data row before any table header"
                                : "neither a table header (SIG @ 0xADDRESS) nor a data row",
                        DumpHeader.shorten(line));
            }
        }
        if (table != null) {
            table.finish();
        }
        if (ignored > MAX_LINE_REPORTS) {
            collector.source(
                    Severity.WARNING,
                    "%d more lines ignored (only the first %d are listed)",
                    ignored - MAX_LINE_REPORTS,
                    MAX_LINE_REPORTS);
        }
        return in.number();
    }
}
