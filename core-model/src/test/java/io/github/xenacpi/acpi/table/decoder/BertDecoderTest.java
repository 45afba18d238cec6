package io.github.xenacpi.acpi.table.decoder;

import static io.github.xenacpi.acpi.table.TableFixtures.bytes;
import static io.github.xenacpi.acpi.table.TableFixtures.decode;
import static io.github.xenacpi.acpi.table.TableFixtures.truncate;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.BertTable;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.platform.builder.BertBuilder;
import org.junit.jupiter.api.Test;

class BertDecoderTest {

    @Test
    void decodesTheRegionAndDescribesIt() {
        LoadedTable t = decode(new BertBuilder().region(0xD535_D018L, 0x1000));

        assertThat(t.diagnostics()).isEmpty();
        BertTable bert = (BertTable) t.table();
        assertThat(bert.header().length()).isEqualTo(48);
        assertThat(bert.regionAddress()).isEqualTo(0xD535_D018L);
        assertThat(bert.regionLength()).isEqualTo(0x1000);
        assertThat(t.regions())
                .containsExactly(new DescribedRegion(
                        RegionKind.BOOT_ERROR_REGION,
                        AddressSpace.SYSTEM_MEMORY,
                        0xD535_D018L,
                        0x1000,
                        "BERT",
                        1,
                        40,
                        "BERT.regionAddress"));
    }

    @Test
    void emptyRegionIsNotedAndDescribesNothing() {
        LoadedTable t = decode(new BertBuilder());

        assertThat(t.regions()).isEmpty();
        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.INFO);
            assertThat(d.offset()).isEqualTo(40);
            assertThat(d.message()).contains("no boot error region");
        });
    }

    @Test
    void lengthWithoutAddressIsAnError() {
        LoadedTable t = decode(new BertBuilder().region(0, 0x1000));

        assertThat(t.regions()).isEmpty();
        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.offset()).isEqualTo(40);
            assertThat(d.message()).contains("4096 bytes").contains("null address");
        });
    }

    @Test
    void regionTooShortForAStatusBlockIsAWarning() {
        LoadedTable t = decode(new BertBuilder().region(0x8000_0000L, 8));

        assertThat(t.regions()).hasSize(1);
        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.offset()).isEqualTo(36);
            assertThat(d.message()).contains("length 8").contains("20 bytes");
        });
    }

    @Test
    void truncatedTableReportsTheMissingFieldsAndDescribesNothing() {
        LoadedTable t = decode(truncate(bytes(new BertBuilder().region(0x8000_0000L, 0x1000)), 44));

        assertThat(t.regions()).isEmpty();
        assertThat(((BertTable) t.table()).regionLength()).isEqualTo(0x1000);
        assertThat(t.diagnostics()).anySatisfy(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.offset()).isEqualTo(36);
            assertThat(d.message()).contains("truncated").contains("12 bytes").contains("only 8");
        });
    }

    @Test
    void regionPastTheAddressSpaceIsAnErrorAndDescribesNothing() {
        LoadedTable t = decode(new BertBuilder().region(0xFFFF_FFFF_FFFF_F000L, 0x2000));

        assertThat(t.regions()).isEmpty();
        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.offset()).isEqualTo(36);
            assertThat(d.message())
                    .contains("0x2000 bytes at 0xFFFFFFFFFFFFF000")
                    .contains("64-bit address space");
        });
    }
}
