package io.github.xenacpi.acpi.table;

import io.github.xenacpi.acpi.source.RawTable;
import java.util.Optional;

/**
 * The FADT fields through which the OS finds the DSDT and the FACS (ACPI 6.5 table 5.9): a 32-bit field and its
 * 64-bit {@code X_} twin. Read from the FADT's raw bytes, so that load order does not depend on a FADT decoder;
 * a non-zero 64-bit field wins over the 32-bit one, as in ACPICA's {@code AcpiTbSelectAddress}.
 */
public enum FadtPointer {
    /** DSDT at offset 40, X_DSDT at offset 140. */
    DSDT("DSDT", 40, "X_DSDT", 140),
    /** FIRMWARE_CTRL at offset 36, X_FIRMWARE_CTRL at offset 132. */
    FACS("FIRMWARE_CTRL", 36, "X_FIRMWARE_CTRL", 132);

    /** Where the address was found: the field's name and offset in the FADT, and the address. */
    public record Value(String field, int offset, long address) {}

    private final String narrowName;
    private final int narrowOffset;
    private final String wideName;
    private final int wideOffset;

    FadtPointer(String narrowName, int narrowOffset, String wideName, int wideOffset) {
        this.narrowName = narrowName;
        this.narrowOffset = narrowOffset;
        this.wideName = wideName;
        this.wideOffset = wideOffset;
    }

    /** Offset of the 32-bit field. */
    public int narrowOffset() {
        return narrowOffset;
    }

    /** Offset of the 64-bit field. */
    public int wideOffset() {
        return wideOffset;
    }

    /**
     * The address the FADT gives, from the fields its bytes and its length field both cover; empty when both
     * are absent or zero.
     */
    public Optional<Value> read(RawTable fadt) {
        int end = usableEnd(fadt);
        if (end >= wideOffset + 8) {
            long wide = fadt.buffer().getLong(wideOffset);
            if (wide != 0) {
                return Optional.of(new Value(wideName, wideOffset, wide));
            }
        }
        if (end >= narrowOffset + 4) {
            long narrow = Integer.toUnsignedLong(fadt.buffer().getInt(narrowOffset));
            if (narrow != 0) {
                return Optional.of(new Value(narrowName, narrowOffset, narrow));
            }
        }
        return Optional.empty();
    }

    private static int usableEnd(RawTable t) {
        if (t.size() < 8) {
            return 0;
        }
        long declared = Integer.toUnsignedLong(t.buffer().getInt(4));
        return (int) Math.min(declared, t.size());
    }
}
