package io.github.xenacpi.platform.builder;

import io.github.xenacpi.acpi.table.FadtPointer;

/**
 * Writes the FADT fields that point at the DSDT and the FACS ({@link FadtPointer}): each field only when the
 * FADT's bytes reach it, a 32-bit field only when the address fits.
 */
final class FadtPointers {

    private FadtPointers() {}

    static void patch(byte[] fadt, FadtPointer pointer, long address) {
        if (fadt.length >= pointer.narrowOffset() + 4 && address >>> 32 == 0) {
            put(fadt, pointer.narrowOffset(), address, 4);
        }
        if (fadt.length >= pointer.wideOffset() + 8) {
            put(fadt, pointer.wideOffset(), address, 8);
        }
    }

    private static void put(byte[] b, int at, long v, int width) {
        for (int i = 0; i < width; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }
}
