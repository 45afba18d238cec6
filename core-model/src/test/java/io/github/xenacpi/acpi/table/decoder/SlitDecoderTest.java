package io.github.xenacpi.acpi.table.decoder;

import static io.github.xenacpi.acpi.table.TableFixtures.bytes;
import static io.github.xenacpi.acpi.table.TableFixtures.decode;
import static io.github.xenacpi.acpi.table.TableFixtures.fixChecksum;
import static io.github.xenacpi.acpi.table.TableFixtures.patch;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.SlitTable;
import io.github.xenacpi.platform.builder.SlitBuilder;
import org.junit.jupiter.api.Test;

class SlitDecoderTest {

    private final SlitBuilder three = new SlitBuilder(new int[][] {{10, 20, 30}, {20, 10, 40}, {30, 40, 10}});

    @Test
    void decodesTheMatrix() {
        LoadedTable t = decode(three);

        assertThat(t.diagnostics()).isEmpty();
        assertThat(t.regions()).isEmpty();
        SlitTable s = (SlitTable) t.table();
        assertThat(s.localityCount()).isEqualTo(3);
        assertThat(s.distances()).containsExactly(10, 20, 30, 20, 10, 40, 30, 40, 10);
        assertThat(s.distance(1, 2)).isEqualTo(40);
    }

    @Test
    void diagonalOtherThanTenAndReservedValuesAreWarnings() {
        LoadedTable t = decode(new SlitBuilder(new int[][] {{10, 5}, {20, 11}}));

        assertThat(t.diagnostics())
                .extracting(d -> d.offset() + " " + d.severity())
                .containsExactly("45 WARNING", "47 WARNING");
        assertThat(t.diagnostics().get(1).message()).contains("locality 1 to itself is 11, expected 10");
    }

    @Test
    void matrixLargerThanTheTableIsAnError() {
        LoadedTable t = decode(fixChecksum(patch(bytes(three), 36, 4, 8)));

        assertThat(((SlitTable) t.table()).distances()).isEmpty();
        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.offset()).isEqualTo(36);
            assertThat(d.message()).contains("4 localities need a matrix of 16 bytes, only 9 present");
        });
    }

    @Test
    void hugeCountDoesNotOverflow() {
        LoadedTable t = decode(fixChecksum(patch(bytes(three), 36, 0x1_0000_0001L, 8)));

        assertThat(t.diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.message())
                        .contains("4294967297 localities")
                        .contains("2^32"));
    }

    @Test
    void truncatedBeforeTheCountAndTrailingBytesAreReported() {
        byte[] cut = java.util.Arrays.copyOf(bytes(three), 40);
        LoadedTable t = decode(fixChecksum(patch(cut, 4, 40, 4)));
        assertThat(t.diagnostics()).anySatisfy(d -> assertThat(d.message()).contains("truncated"));

        LoadedTable extra = decode(fixChecksum(patch(bytes(three), 36, 2, 8)));
        assertThat(extra.diagnostics()).anySatisfy(d -> {
            assertThat(d.offset()).isEqualTo(48);
            assertThat(d.message()).contains("5 bytes past");
        });
    }
}
