package io.github.xenacpi.platform.builder.aml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xenacpi.aml.AmlName;
import org.junit.jupiter.api.Test;

class AmlWriterTest {

    @Test
    void integersTakeTheShortestEncoding() {
        assertThat(bytes(new AmlWriter().integer(0))).containsExactly(0x00);
        assertThat(bytes(new AmlWriter().integer(1))).containsExactly(0x01);
        assertThat(bytes(new AmlWriter().integer(-1))).containsExactly(0xFF);
        assertThat(bytes(new AmlWriter().integer(0xFF))).containsExactly(0x0A, 0xFF);
        assertThat(bytes(new AmlWriter().integer(0x1234))).containsExactly(0x0B, 0x34, 0x12);
        assertThat(bytes(new AmlWriter().integer(0xFFFF_FFFFL))).containsExactly(0x0C, 0xFF, 0xFF, 0xFF, 0xFF);
        assertThat(bytes(new AmlWriter().integer(0x1_0000_0000L))).containsExactly(0x0E, 0, 0, 0, 0, 1, 0, 0, 0);
    }

    @Test
    void pkgLengthCountsItsOwnBytesAndGrowsAtEachBoundary() {
        assertThat(bytes(new AmlWriter().pkgLength(62))).containsExactly(0x3F);
        assertThat(bytes(new AmlWriter().pkgLength(63))).containsExactly(0x41, 0x04);
        assertThat(bytes(new AmlWriter().pkgLength(0xFFD))).containsExactly(0x4F, 0xFF);
        assertThat(bytes(new AmlWriter().pkgLength(0xFFE))).containsExactly(0x81, 0x00, 0x01);
        assertThat(bytes(new AmlWriter().pkgLength(0xFFFFC))).containsExactly(0x8F, 0xFF, 0xFF);
        assertThat(bytes(new AmlWriter().pkgLength(0xFFFFD))).containsExactly(0xC1, 0x00, 0x00, 0x01);
        assertThatThrownBy(() -> new AmlWriter().pkgLength(0x0FFF_FFFC)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nameStringsUseRootParentDualAndMultiPrefixes() {
        assertThat(bytes(new AmlWriter().nameString("_HID"))).containsExactly('_', 'H', 'I', 'D');
        assertThat(bytes(new AmlWriter().nameString("\\_SB"))).containsExactly('\\', '_', 'S', 'B', '_');
        assertThat(bytes(new AmlWriter().nameString("^^PCI0"))).containsExactly('^', '^', 'P', 'C', 'I', '0');
        assertThat(bytes(new AmlWriter().nameString("\\_SB.PCI0")))
                .containsExactly('\\', 0x2E, '_', 'S', 'B', '_', 'P', 'C', 'I', '0');
        assertThat(bytes(new AmlWriter().nameString("_SB.PCI0.USB")))
                .containsExactly(0x2F, 3, '_', 'S', 'B', '_', 'P', 'C', 'I', '0', 'U', 'S', 'B', '_');
        assertThat(bytes(new AmlWriter().nameString(new AmlName(false, 0, java.util.List.of()))))
                .containsExactly(0x00);
    }

    @Test
    void eisaIdIsCompressedAndByteSwappedAsIaslDoes() {
        assertThat(AmlWriter.eisaId("PNP0A08")).isEqualTo(0x080AD041L);
        assertThat(AmlWriter.eisaId("PNP0C0C")).isEqualTo(0x0C0CD041L);
    }

    @Test
    void namesPrintWithoutPaddingAndParseWithIt() {
        AmlName name = AmlName.parse("\\_SB.PCI0.A");
        assertThat(name.segments()).containsExactly("_SB_", "PCI0", "A___");
        assertThat(name).hasToString("\\_SB.PCI0.A");
        assertThat(AmlName.parse("^^____")).hasToString("^^_");
        assertThatThrownBy(() -> AmlName.parse("\\_SB.TOOLONG")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AmlName.parse("1ABC")).isInstanceOf(IllegalArgumentException.class);
    }

    private static int[] bytes(AmlWriter w) {
        byte[] b = w.toBytes();
        int[] out = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = b[i] & 0xFF;
        }
        return out;
    }
}
