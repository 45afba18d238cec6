package io.github.xenacpi.acpi.table.decoder;

import static io.github.xenacpi.acpi.table.TableFixtures.decode;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.SdeiTable;
import io.github.xenacpi.platform.builder.SdeiBuilder;
import org.junit.jupiter.api.Test;

class SdeiDecoderTest {

    @Test
    void headerOnlyTableDecodesQuietly() {
        LoadedTable t = decode(new SdeiBuilder());

        assertThat(t.isDecoded()).isTrue();
        assertThat(t.table()).isInstanceOf(SdeiTable.class);
        assertThat(t.header().length()).isEqualTo(36);
        assertThat(t.diagnostics()).isEmpty();
        assertThat(t.regions()).isEmpty();
    }

    @Test
    void bytesAfterTheHeaderAreAWarning() {
        LoadedTable t = decode(new SdeiBuilder().extraBytes(4));

        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.offset()).isEqualTo(36);
            assertThat(d.message()).contains("4 bytes after the header");
        });
    }
}
