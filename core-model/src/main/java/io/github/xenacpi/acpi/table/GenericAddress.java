package io.github.xenacpi.acpi.table;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.UnsignedLongSerializer;
import io.github.xenacpi.acpi.table.layout.Layout;
import io.github.xenacpi.acpi.table.layout.RecordLayout;
import io.github.xenacpi.acpi.table.layout.Struct;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * An ACPI Generic Address Structure (ACPI 6.5 section 5.2.3.2): the address space, register bit width and
 * offset, access size (0 undefined, 1 byte, 2 word, 3 dword, 4 qword) and the 64-bit address.
 */
public record GenericAddress(
        int spaceId,
        int bitWidth,
        int bitOffset,
        int accessSize,
        @JsonSerialize(using = UnsignedLongSerializer.class) long address) {

    /** Bytes a GAS occupies in a table. */
    public static final int SIZE = 12;

    /** The Generic Address Structure field {@code name} of a structure; all-zero when the field is cut short. */
    public static GenericAddress read(Struct s, String name) {
        byte[] b = s.bytes(name);
        if (b.length < SIZE) {
            return new GenericAddress(0, 0, 0, 0, 0);
        }
        return new GenericAddress(
                b[0] & 0xFF,
                b[1] & 0xFF,
                b[2] & 0xFF,
                b[3] & 0xFF,
                ByteBuffer.wrap(b, 4, 8).order(ByteOrder.LITTLE_ENDIAN).getLong());
    }

    /**
     * Binds {@code type}'s components to the fields of {@code layout} by name, as {@link RecordLayout#of(Class,
     * Layout)} does, a {@code GenericAddress} component to the GAS field of its name (read by {@link #read}); the
     * {@code supplied} components are the decoder's to give.
     */
    public static <R extends Record> RecordLayout<R> bind(Class<R> type, Layout layout, String... supplied) {
        return RecordLayout.of(type, layout, GenericAddress.class, GenericAddress::read, supplied);
    }

    /** A system-memory register of the given width. */
    public static GenericAddress memory(long address, int bitWidth) {
        int access = switch (bitWidth) {
            case 8 -> 1;
            case 16 -> 2;
            case 32 -> 3;
            case 64 -> 4;
            default -> 0;
        };
        return new GenericAddress(AddressSpace.SYSTEM_MEMORY.id(), bitWidth, 0, access, address);
    }

    public AddressSpace space() {
        return AddressSpace.of(spaceId);
    }

    /** Whether every byte is zero, the ACPI way of saying "not present". */
    public boolean isNull() {
        return spaceId == 0 && bitWidth == 0 && bitOffset == 0 && accessSize == 0 && address == 0;
    }

    /**
     * The number of bytes an access touches: from the access size when defined, else from the bit width
     * (rounded up to whole bytes), at least one byte.
     */
    public long byteLength() {
        if (accessSize >= 1 && accessSize <= 4) {
            return 1L << (accessSize - 1);
        }
        return Math.max(1, (bitOffset + bitWidth + 7) / 8);
    }
}
