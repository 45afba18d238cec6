package io.github.xenacpi.acpi.table.layout;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.source.RawTable;
import io.github.xenacpi.acpi.source.SourceFormat;
import io.github.xenacpi.acpi.source.TableOrigin;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A table whose checksum is stale is told by how much, in the words {@code %02X} would print. */
class TableHeaderReaderTest {

    @Test
    void aByteIsTwoUpperCaseHexDigitsAsFormatPrintsIt() {
        for (int v = -300; v < 600; v++) {
            assertThat(TableHeaderReader.hexByte(v)).isEqualTo(String.format(Locale.ROOT, "%02X", v & 0xFF));
        }
    }

    @Test
    void aStaleChecksumSaysWhatItShouldBe() {
        byte[] bytes = new byte[40];
        System.arraycopy(new byte[] {'O', 'E', 'M', 'X', 40, 0, 0, 0, 1, (byte) 0xA5}, 0, bytes, 0, 10);
        bytes[39] = 0x3C;
        RawTable raw = new RawTable("OEMX", 1, bytes, new TableOrigin(Path.of("t"), SourceFormat.BUILDER, 0, 0, -1));
        int sum = raw.byteSum(0, 40);

        TableHeaderReader.Result r = TableHeaderReader.read(raw, TableFraming.STANDARD);

        assertThat(r.checksumValid()).isFalse();
        assertThat(r.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.offset()).isEqualTo(9);
            assertThat(d.message())
                    .isEqualTo(String.format(
                            "checksum 0x%02X is wrong: the bytes sum to 0x%02X, it should be 0x%02X",
                            0xA5, sum, (0xA5 - sum) & 0xFF));
        });
    }
}
