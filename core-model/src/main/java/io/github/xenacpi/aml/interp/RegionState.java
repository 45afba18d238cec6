package io.github.xenacpi.aml.interp;

import io.github.xenacpi.acpi.region.AddressSpace;

/**
 * An OperationRegion's evaluated operands: its space (the space id, -1 for a DataTableRegion), base and length;
 * {@code reason} non-null when they are unresolved, saying why.
 */
record RegionState(AddressSpace space, int spaceId, long base, long length, String reason) {

    /** Whether base and length are known. */
    boolean resolved() {
        return reason == null;
    }
}
