package io.github.xenacpi.acpi.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DumpRowParserTest {

    private static DumpRow.Data data(String line) {
        return (DumpRow.Data) DumpRowParser.parse(line);
    }

    @Test
    void offsetsOfAnyWidthAndCase() {
        assertThat(data("    0000: 4D 43").offset()).isZero();
        assertThat(data("  00a0: 4d 43").offset()).isEqualTo(0xA0);
        assertThat(data(" 1FFF0: 00").offset()).isEqualTo(0x1FFF0);
        assertThat(data("100000: 00").offset()).isEqualTo(0x100000);
        assertThat(data("   47F50: 00").offset()).isEqualTo(0x47F50);
        assertThat(DumpRowParser.parse("1234567890ABC: 00")).isInstanceOf(DumpRow.NotARow.class);
    }

    @Test
    void bytesEndAtTwoSpacesOrDoubleSlashOrTheLineEnd() {
        assertThat(data("    0000: 4D 43 46 47  MCFG").bytes()).containsExactly(0x4D, 0x43, 0x46, 0x47);
        assertThat(data("    0000: 4D 43 // MC").bytes()).containsExactly(0x4D, 0x43);
        assertThat(data("    0000: 4D 43").bytes()).containsExactly(0x4D, 0x43);
        assertThat(data("    0000: 20 20 20   ").bytes()).containsExactly(0x20, 0x20, 0x20);
    }

    @Test
    void rowShapedLinesThatCannotBeReadSayWhy() {
        assertThat(DumpRowParser.parse("    0010: 4D 4 46"))
                .isEqualTo(new DumpRow.Malformed(0x10, "byte 2 is \"4\", not two hex digits"));
        assertThat(DumpRowParser.parse("    0010:   "))
                .isEqualTo(new DumpRow.Malformed(0x10, "no data bytes after the offset"));
        assertThat(DumpRowParser.parse("    0010: MCFG<.....FIRECK"))
                .isEqualTo(new DumpRow.Malformed(0x10, "byte 1 is \"MCFG<.....FIRECK\", not two hex digits"));
    }

    @Test
    void linesThatAreNoRow() {
        assertThat(DumpRowParser.parse("MCFG @ 0x0")).isInstanceOf(DumpRow.NotARow.class);
        assertThat(DumpRowParser.parse("Table: data")).isInstanceOf(DumpRow.NotARow.class);
        assertThat(DumpRowParser.parse("")).isInstanceOf(DumpRow.NotARow.class);
    }
}
