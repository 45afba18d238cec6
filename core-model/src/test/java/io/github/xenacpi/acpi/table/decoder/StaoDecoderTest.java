package io.github.xenacpi.acpi.table.decoder;

import static io.github.xenacpi.acpi.table.TableFixtures.bytes;
import static io.github.xenacpi.acpi.table.TableFixtures.decode;
import static io.github.xenacpi.acpi.table.TableFixtures.fixChecksum;
import static io.github.xenacpi.acpi.table.TableFixtures.patch;
import static io.github.xenacpi.acpi.table.TableFixtures.truncate;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.StaoTable;
import io.github.xenacpi.platform.builder.StaoBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class StaoDecoderTest {

    @Test
    void xenStyleStaoHasTheUartFlagAndNoNames() {
        // acpi_create_stao: ignore_uart = 1, no name list.
        LoadedTable t = decode(new StaoBuilder(1, List.of()));

        assertThat(t.diagnostics()).isEmpty();
        assertThat(t.regions()).isEmpty();
        StaoTable s = (StaoTable) t.table();
        assertThat(s.header().length()).isEqualTo(37);
        assertThat(s.uartHidden()).isTrue();
        assertThat(s.names()).isEmpty();
    }

    @Test
    void namesRoundTrip() {
        LoadedTable t = decode(new StaoBuilder(0, List.of("\\_SB.UAR0", "\\_SB.PCI0.GPU0")));

        assertThat(t.diagnostics()).isEmpty();
        assertThat(((StaoTable) t.table()).names()).containsExactly("\\_SB.UAR0", "\\_SB.PCI0.GPU0");
    }

    @Test
    void unterminatedRelativeAndEmptyNamesAreReported() {
        byte[] b = bytes(new StaoBuilder(2, List.of("UAR0", "", "\\_SB.X")));
        b = truncate(b, b.length - 1);
        LoadedTable t = decode(fixChecksum(patch(b, 4, b.length, 4)));

        assertThat(((StaoTable) t.table()).names()).containsExactly("UAR0", "\\_SB.X");
        assertThat(t.diagnostics())
                .extracting(d -> d.offset() + " " + d.severity())
                .containsExactly("36 WARNING", "37 WARNING", "42 WARNING", "43 ERROR");
    }

    @Test
    void tableWithoutTheFlagIsTruncated() {
        byte[] b = truncate(bytes(new StaoBuilder(1, List.of())), 36);
        LoadedTable t = decode(fixChecksum(patch(b, 4, 36, 4)));

        assertThat(t.diagnostics()).anySatisfy(d -> assertThat(d.message()).contains("truncated"));
    }
}
