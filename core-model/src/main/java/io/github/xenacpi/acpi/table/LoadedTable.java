package io.github.xenacpi.acpi.table;

import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.source.RawTable;
import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.List;

/**
 * One table after decoding: its raw bytes and origin, whether its checksum holds, the decoded record (an
 * {@link UnknownTable} when no decoder knows the signature), the regions it describes and the diagnostics its
 * decoding raised.
 */
public record LoadedTable(
        RawTable raw,
        boolean checksumValid,
        AcpiTable table,
        List<DescribedRegion> regions,
        List<Diagnostic> diagnostics) {

    public LoadedTable {
        regions = List.copyOf(regions);
        diagnostics = List.copyOf(diagnostics);
    }

    public TableHeader header() {
        return table.header();
    }

    public String signature() {
        return raw.signature();
    }

    public int instance() {
        return raw.instance();
    }

    /** Whether a decoder for this signature exists. */
    public boolean isDecoded() {
        return !(table instanceof UnknownTable);
    }
}
