package io.github.xenacpi.aml.resource;

/** The four address space descriptor forms (ACPI 6.5 sections 6.4.3.5.1 to 6.4.3.5.4) and their field width. */
public enum AddressWidth {
    QWORD(8),
    DWORD(4),
    WORD(2),
    EXTENDED(8);

    private final int bytes;

    AddressWidth(int bytes) {
        this.bytes = bytes;
    }

    /** Width in bytes of granularity, minimum, maximum, translation offset and length. */
    public int bytes() {
        return bytes;
    }

    /** The largest value a field of this width holds. */
    public long mask() {
        return bytes == 8 ? -1L : (1L << (8 * bytes)) - 1;
    }
}
