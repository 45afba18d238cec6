package io.github.xenacpi.aml.interp;

import io.github.xenacpi.acpi.source.RawTable;
import java.util.List;

/**
 * The width of an AML Integer: 64 bits, or 32 when the DSDT's revision is below 2 (ACPICA's
 * {@code acpi_ut_set_integer_width}). Every part that makes, converts or truncates an Integer asks it.
 */
record IntegerWidth(boolean wide) {

    /** The width the DSDT among {@code tables} sets: 64 bits unless its revision is below 2. */
    static IntegerWidth of(List<RawTable> tables) {
        boolean wide = true;
        for (RawTable t : tables) {
            if (t.signature().equals("DSDT") && t.size() > 8 && t.byteAt(8) < 2) {
                wide = false;
            }
        }
        return new IntegerWidth(wide);
    }

    /** All bits of an Integer: Ones. */
    long ones() {
        return wide ? -1L : 0xFFFF_FFFFL;
    }

    /** Bits in an Integer. */
    int bits() {
        return wide ? 64 : 32;
    }

    /** Bytes in an Integer. */
    int bytes() {
        return wide ? 8 : 4;
    }
}
