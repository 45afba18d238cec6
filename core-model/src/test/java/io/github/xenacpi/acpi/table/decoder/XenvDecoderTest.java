package io.github.xenacpi.acpi.table.decoder;

import static io.github.xenacpi.acpi.table.TableFixtures.bytes;
import static io.github.xenacpi.acpi.table.TableFixtures.decode;
import static io.github.xenacpi.acpi.table.TableFixtures.fixChecksum;
import static io.github.xenacpi.acpi.table.TableFixtures.patch;
import static io.github.xenacpi.acpi.table.TableFixtures.truncate;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.XenvTable;
import io.github.xenacpi.platform.builder.XenvBuilder;
import org.junit.jupiter.api.Test;

class XenvDecoderTest {

    private final XenvBuilder xenv = new XenvBuilder(0x3800_0000L, 0x2_0000, 31, 3);

    @Test
    void decodesEveryFieldAndDescribesNoRegion() {
        LoadedTable t = decode(xenv);

        assertThat(t.diagnostics()).isEmpty();
        // The grant table is guest memory Xen provides, not a firmware region.
        assertThat(t.regions()).isEmpty();
        XenvTable x = (XenvTable) t.table();
        assertThat(x.header().length()).isEqualTo(57);
        assertThat(x.grantTableBase()).isEqualTo(0x3800_0000L);
        assertThat(x.grantTableSize()).isEqualTo(0x2_0000);
        assertThat(x.eventInterrupt()).isEqualTo(31);
        assertThat(x.eventFlags()).isEqualTo(3);
        assertThat(x.edgeTriggered()).isTrue();
        assertThat(x.activeLow()).isTrue();
    }

    @Test
    void reservedFlagsZeroSizeAndRevisionAreWarnings() {
        byte[] b = patch(bytes(new XenvBuilder(0x1000, 0, 31, 0x81)), 8, 2, 1);
        LoadedTable t = decode(fixChecksum(b));

        assertThat(t.diagnostics())
                .extracting(d -> d.offset() + " " + d.severity())
                .containsExactlyInAnyOrder("8 WARNING", "56 WARNING", "44 WARNING");
    }

    @Test
    void truncatedTableKeepsTheFieldsPresent() {
        LoadedTable t = decode(fixChecksum(patch(truncate(bytes(xenv), 52), 4, 52, 4)));

        XenvTable x = (XenvTable) t.table();
        assertThat(x.grantTableSize()).isEqualTo(0x2_0000);
        assertThat(x.eventInterrupt()).isZero();
        assertThat(t.diagnostics())
                .singleElement()
                .satisfies(
                        d -> assertThat(d.message()).contains("needs 21 bytes").contains("only 16"));
    }
}
