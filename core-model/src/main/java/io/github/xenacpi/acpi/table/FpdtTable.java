package io.github.xenacpi.acpi.table;

import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.List;

/**
 * The Firmware Performance Data Table (ACPI 6.5 section 5.2.24): performance records, of which the pointer
 * records lead to the Firmware Basic Boot Performance Table and the S3 Performance Table elsewhere in memory.
 */
public record FpdtTable(TableHeader header, List<PerformanceRecord> records) implements AcpiTable {

    /** Record type of the Firmware Basic Boot Performance Table pointer record. */
    public static final int FBPT_POINTER = 0;
    /** Record type of the S3 Performance Table pointer record. */
    public static final int S3PT_POINTER = 1;

    public FpdtTable {
        records = List.copyOf(records);
    }

    /** One performance record: its type, length and revision, and for the two pointer types the address. */
    public record PerformanceRecord(int type, int length, int revision, long pointer) {

        /** Whether this is an FBPT or S3PT pointer record. */
        public boolean isPointer() {
            return type == FBPT_POINTER || type == S3PT_POINTER;
        }
    }
}
