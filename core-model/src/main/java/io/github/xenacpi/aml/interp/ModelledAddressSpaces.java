package io.github.xenacpi.aml.interp;

import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.aml.AmlObject;
import io.github.xenacpi.aml.NamespaceNode;
import java.util.OptionalLong;

/**
 * The address spaces as the model has them: every datum access is recorded in the evaluation's log as a
 * {@link RegionAccess}; a SystemMemory read is answered by the {@link MemoryModel}, never by real memory; every
 * other read gives 0 and is noted as depending on state the model does not have.
 */
final class ModelledAddressSpaces implements AddressSpaces {
    private final MemoryModel memory;
    private final EvaluationLog log;

    ModelledAddressSpaces(MemoryModel memory, EvaluationLog log) {
        this.memory = memory;
        this.log = log;
    }

    @Override
    public long read(NamespaceNode region, RegionState state, long offset, int widthBits, Frame f) {
        return access(region, state, offset, widthBits, false, f);
    }

    @Override
    public void write(NamespaceNode region, RegionState state, long offset, int widthBits, Frame f) {
        access(region, state, offset, widthBits, true, f);
    }

    /** Records one access and returns what a read gives: the memory model's value, else 0 (unknown). */
    private long access(NamespaceNode region, RegionState rs, long offset, int width, boolean write, Frame f) {
        if (rs.spaceId() == -1) {
            // A DataTableRegion: its fields read an ACPI table's bytes, which the model does not hold.
            log.unknown("a read of " + region.path() + ", a DataTableRegion");
            return 0;
        }
        boolean resolved = rs.resolved();
        long address = resolved ? rs.base() + offset : offset;
        if (resolved
                && (Long.compareUnsigned(address, rs.base()) < 0
                        || Long.compareUnsigned(address + Math.max(1, (width + 7) / 8) - 1, address) < 0)) {
            // The region's base plus the unit's offset wraps past 2^64: no address, not an access to page 0.
            log.finding(
                    Severity.ERROR,
                    f,
                    "a %d-bit access at offset 0x%X of %s (base 0x%X) runs past the top"
                            + " of the 64-bit address space",
                    width,
                    offset,
                    region.path(),
                    rs.base());
            resolved = false;
            address = offset;
        }
        String by = f != null && f.scope.object() instanceof AmlObject.Method ? f.scope.path() : log.rootPath();
        log.access(new RegionAccess(
                region.path(),
                rs.space(),
                address,
                width,
                write ? RegionAccess.Direction.WRITE : RegionAccess.Direction.READ,
                by,
                resolved));
        if (write) {
            return 0;
        }
        if (resolved && rs.space() == AddressSpace.SYSTEM_MEMORY) {
            OptionalLong v = memory.read(address, width);
            if (v.isPresent()) {
                return v.getAsLong();
            }
        }
        log.unknown(String.format(
                "a %d-bit read of %s (%s 0x%X) that the memory model does not provide",
                width, region.path(), rs.space(), address));
        return 0;
    }
}
