package io.github.xenacpi.acpi.table.layout;

/**
 * How a list of variable-length sub-structures is framed: where each one's type and length fields sit and how
 * wide they are, and the smallest length that can be valid. Lists framed this way (MADT, SRAT, PPTT, IORT,
 * GTDT, ...) are walked by {@link DecodeContext#subtables}.
 *
 * @param typeOffset  offset of the type field in each entry, or -1 when entries carry no type
 * @param typeWidth   width of the type field in bytes
 * @param lengthOffset offset of the length field in each entry
 * @param lengthWidth  width of the length field in bytes (1, 2 or 4)
 * @param minLength    smallest valid entry length; a smaller one (0 above all) ends the walk with an error
 */
public record SubtableFormat(int typeOffset, int typeWidth, int lengthOffset, int lengthWidth, int minLength) {

    /** Type byte at 0, length byte at 1 (MADT, SRAT, PPTT, PCCT). */
    public static final SubtableFormat TYPE8_LENGTH8 = new SubtableFormat(0, 1, 1, 1, 2);
    /** Type byte at 0, 16-bit length at 1 (IORT, GTDT platform timers, AEST). */
    public static final SubtableFormat TYPE8_LENGTH16 = new SubtableFormat(0, 1, 1, 2, 3);
    /** Type byte at 0, a reserved byte, 16-bit length at 2 (VIOT, CEDT). */
    public static final SubtableFormat TYPE8_PAD8_LENGTH16 = new SubtableFormat(0, 1, 2, 2, 4);
    /** 16-bit type at 0, 16-bit reserved, 32-bit length at 4 (HMAT). */
    public static final SubtableFormat TYPE16_PAD16_LENGTH32 = new SubtableFormat(0, 2, 4, 4, 8);
    /** 16-bit type at 0, 8-bit length at 2 (FPDT performance records). */
    public static final SubtableFormat TYPE16_LENGTH8 = new SubtableFormat(0, 2, 2, 1, 3);
    /** 16-bit length at 0, no type (MPAM MSC nodes, APMT nodes). */
    public static final SubtableFormat LENGTH16 = new SubtableFormat(-1, 0, 0, 2, 2);
    /** 32-bit length at 0, no type (CSRT resource groups). */
    public static final SubtableFormat LENGTH32 = new SubtableFormat(-1, 0, 0, 4, 4);

    public SubtableFormat {
        if (minLength < lengthOffset + lengthWidth || minLength <= 0) {
            throw new IllegalArgumentException("minLength must cover the length field");
        }
    }

    /** Bytes needed to read both the type and the length. */
    public int frameSize() {
        return Math.max(lengthOffset + lengthWidth, typeOffset + typeWidth);
    }

    /** The same framing with another minimum length. */
    public SubtableFormat withMinLength(int min) {
        return new SubtableFormat(typeOffset, typeWidth, lengthOffset, lengthWidth, min);
    }
}
