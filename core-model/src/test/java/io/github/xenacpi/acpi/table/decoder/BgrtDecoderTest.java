package io.github.xenacpi.acpi.table.decoder;

import static io.github.xenacpi.acpi.table.TableFixtures.bytes;
import static io.github.xenacpi.acpi.table.TableFixtures.decode;
import static io.github.xenacpi.acpi.table.TableFixtures.fixChecksum;
import static io.github.xenacpi.acpi.table.TableFixtures.truncate;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.BgrtTable;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.platform.builder.BgrtBuilder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BgrtDecoderTest {

    private final BgrtBuilder logo =
            new BgrtBuilder().image(0xFD30_0018L, 915, 368).status(0b101);

    @Test
    void decodesEveryFieldAndTheImageBase() {
        LoadedTable t = decode(logo);

        assertThat(t.diagnostics()).isEmpty();
        BgrtTable b = (BgrtTable) t.table();
        assertThat(b.header().length()).isEqualTo(56);
        assertThat(b.version()).isEqualTo(1);
        assertThat(b.status()).isEqualTo(5);
        assertThat(b.displayed()).isTrue();
        assertThat(b.orientationDegrees()).isEqualTo(180);
        assertThat(b.imageType()).isZero();
        assertThat(b.imageAddress()).isEqualTo(0xFD30_0018L);
        assertThat(b.imageOffsetX()).isEqualTo(915);
        assertThat(b.imageOffsetY()).isEqualTo(368);
        // The table gives the image's base only; its size is in the image's own header.
        assertThat(t.regions())
                .containsExactly(new DescribedRegion(
                        RegionKind.BOOT_GRAPHICS_IMAGE,
                        AddressSpace.SYSTEM_MEMORY,
                        0xFD30_0018L,
                        0,
                        "BGRT",
                        1,
                        40,
                        "BGRT.imageAddress"));
    }

    @Test
    void wrongVersionImageTypeAndReservedStatusBitsAreReported() {
        LoadedTable t = decode(new BgrtBuilder()
                .image(0x8000_0000L, 0, 0)
                .version(2)
                .imageType(1)
                .status(0x81));

        assertThat(t.diagnostics())
                .extracting(d -> d.offset() + " " + d.severity())
                .containsExactlyInAnyOrder("36 ERROR", "38 WARNING", "39 ERROR");
        assertThat(t.diagnostics()).anySatisfy(d -> assertThat(d.message()).contains("version is 2, expected 1"));
    }

    @Test
    void zeroImageAddressGivesNoRegion() {
        LoadedTable t = decode(new BgrtBuilder());

        assertThat(t.regions()).isEmpty();
        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(40);
            assertThat(d.message()).contains("image address is zero");
        });
    }

    @Test
    void truncatedTableKeepsTheFieldsPresent() {
        byte[] b = truncate(bytes(logo), 44);
        b[4] = 44;
        LoadedTable t = decode(fixChecksum(b));

        BgrtTable bgrt = (BgrtTable) t.table();
        assertThat(bgrt.version()).isEqualTo(1);
        assertThat(bgrt.imageAddress()).isZero();
        assertThat(t.regions()).isEmpty();
        assertThat(t.diagnostics()).anySatisfy(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.offset()).isEqualTo(36);
            assertThat(d.message()).contains("truncated").contains("20 bytes").contains("only 8");
        });
    }

    @Test
    void bytesPastTheBodyAreAWarning() {
        byte[] b = Arrays.copyOf(bytes(logo), 60);
        b[4] = 60;
        LoadedTable t = decode(fixChecksum(b));

        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(56);
            assertThat(d.message()).contains("4 bytes past");
        });
    }
}
