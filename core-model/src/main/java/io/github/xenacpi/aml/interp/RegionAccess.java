package io.github.xenacpi.aml.interp;

import io.github.xenacpi.acpi.region.AddressSpace;
import java.util.Objects;

/**
 * One access AML made to an OperationRegion while being evaluated: the region's path and address space, the
 * address accessed (region base plus the byte offset of the access unit; for a region whose base is unresolved,
 * the offset within the region and {@code baseResolved} false), the access width in bits, the direction, and the
 * path of the method that made it. In PCI_Config space the address is the offset in the function's configuration
 * space (the device comes from _SEG, _BBN and _ADR); in GeneralPurposeIo it is the first pin and the width the pin
 * count; in SMBus, IPMI, GenericSerialBus, PCC and PRM spaces one access moves the whole field.
 */
public record RegionAccess(
        String regionPath,
        AddressSpace space,
        long address,
        int widthBits,
        Direction direction,
        String methodPath,
        boolean baseResolved) {

    public RegionAccess {
        Objects.requireNonNull(regionPath, "regionPath");
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(methodPath, "methodPath");
    }

    /**
     * Appended to {@link #methodPath} of the accesses a {@code _REG(SystemMemory | SystemIO, 1)} evaluation made at
     * namespace initialization, which ACPICA stopped running in Linux 4.20 (the Dom0 model keeps them only for
     * older kernels).
     */
    public static final String REG_OF_ALWAYS_ACCESSIBLE_SPACE = " (_REG of SystemMemory or SystemIO)";

    /** Whether a {@code _REG(SystemMemory | SystemIO, 1)} evaluation at namespace initialization made it. */
    public boolean byRegOfAlwaysAccessibleSpace() {
        return methodPath.endsWith(REG_OF_ALWAYS_ACCESSIBLE_SPACE);
    }

    /** Read or write. */
    public enum Direction {
        READ,
        WRITE
    }

    @Override
    public String toString() {
        return String.format(
                "%s %s %s 0x%X/%d by %s%s",
                direction, regionPath, space, address, widthBits, methodPath, baseResolved ? "" : " (base unresolved)");
    }
}
