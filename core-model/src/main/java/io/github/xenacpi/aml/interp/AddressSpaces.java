package io.github.xenacpi.aml.interp;

import io.github.xenacpi.aml.NamespaceNode;

/**
 * Where one datum of a field access goes: the model's address space handlers (ACPICA dispatches each datum to the
 * handler installed for the region's space, {@code acpi_ev_address_space_dispatch}). Field I/O calls it once per
 * datum, with the region's evaluated operands and the datum's byte offset in the region (for GeneralPurposeIo the
 * first pin; in serial-bus style spaces the whole field is one datum).
 */
interface AddressSpaces {

    /** Reads a datum of {@code widthBits} bits at {@code offset} in the region: its value, 0 when unknown. */
    long read(NamespaceNode region, RegionState state, long offset, int widthBits, Frame f);

    /** Writes a datum of {@code widthBits} bits at {@code offset} in the region; the model keeps no value written. */
    void write(NamespaceNode region, RegionState state, long offset, int widthBits, Frame f);
}
