package io.github.xenacpi.acpi.table.decoder;

import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.GenericAddress;
import io.github.xenacpi.acpi.table.layout.DecodeContext;
import io.github.xenacpi.acpi.table.layout.Struct;

/** The register widths, checks and regions shared by the decoders of tables made of Generic Address Structures. */
final class GasRegisters {

    private GasRegisters() {}

    /**
     * Bytes of a register as Linux maps it: acpi_os_map_generic_address maps bit_width / 8 bytes; the access size
     * stands in when the bit width is 0.
     */
    static long width(GenericAddress gas) {
        return gas.bitWidth() > 0 ? Math.max(1, (gas.bitWidth() + 7) / 8) : gas.byteLength();
    }

    /** Warns about what apei_check_gar rejects: a space other than memory or I/O, a width not 8/16/32/64. */
    static void checkApei(DecodeContext ctx, GenericAddress gas, int gasOffset, String path) {
        if (gas.space() != AddressSpace.SYSTEM_MEMORY && gas.space() != AddressSpace.SYSTEM_IO) {
            ctx.warning(
                    gasOffset,
                    "%s: address space 0x%X is neither system memory nor system I/O; Linux"
                            + " (apei_check_gar) rejects it",
                    path,
                    gas.spaceId());
        }
        int w = gas.bitWidth();
        if (w != 8 && w != 16 && w != 32 && w != 64) {
            ctx.warning(gasOffset + 1L, "%s: register bit width %d is not 8, 16, 32 or 64", path, w);
        }
    }

    /**
     * Records the register a Generic Address Structure field points at, unless the GAS is null or its address
     * is zero; the region's offset is that of the GAS's 64-bit address.
     */
    static void fieldRegion(DecodeContext ctx, RegionKind kind, Struct struct, String field, String path) {
        if (!struct.has(field)) {
            return;
        }
        GenericAddress gas = GenericAddress.read(struct, field);
        if (gas.isNull() || gas.address() == 0) {
            return;
        }
        ctx.region(kind, gas.space(), gas.address(), gas.byteLength(), struct.offsetOf(field) + 4L, path);
    }

    /** Records the register a GAS describes, with its own space and the width Linux maps. */
    static void region(DecodeContext ctx, RegionKind kind, GenericAddress gas, int gasOffset, String path) {
        ctx.region(kind, gas.space(), gas.address(), width(gas), gasOffset + 4L, path);
    }
}
