package io.github.xenacpi.acpi.table.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class StructOverTest {

    private static final Layout PAIR = Layout.of("pair").u16("a").u32("b").build();

    private static ByteBuffer buffer(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void readsALayoutAtAnOffsetOfAPlainBuffer() {
        Struct s = Struct.over(PAIR, buffer(0xFF, 0x34, 0x12, 0x78, 0x56, 0x34, 0x12), 1, 6, "x");

        assertThat(s.isComplete()).isTrue();
        assertThat(s.value("a")).isEqualTo(0x1234);
        assertThat(s.value("b")).isEqualTo(0x1234_5678L);
        assertThat(s.offsetOf("b")).isEqualTo(3);
    }

    @Test
    void availableBytesAreClampedToTheBufferSoAbsentFieldsReadZero() {
        Struct s = Struct.over(PAIR, buffer(0x34, 0x12, 0x78), 0, 100, "x");

        assertThat(s.isComplete()).isFalse();
        assertThat(s.value("a")).isEqualTo(0x1234);
        assertThat(s.has("b")).isFalse();
        assertThat(s.value("b")).isZero();
        assertThat(Struct.over(PAIR, buffer(1, 2), 5, 4, "x").value("a")).isZero();
    }
}
