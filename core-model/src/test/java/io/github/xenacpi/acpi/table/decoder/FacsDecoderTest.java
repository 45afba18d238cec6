package io.github.xenacpi.acpi.table.decoder;

import static io.github.xenacpi.acpi.table.TableFixtures.bytes;
import static io.github.xenacpi.acpi.table.TableFixtures.patch;
import static io.github.xenacpi.acpi.table.TableFixtures.truncate;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.source.RawTable;
import io.github.xenacpi.acpi.source.SourceFormat;
import io.github.xenacpi.acpi.source.TableOrigin;
import io.github.xenacpi.acpi.table.FacsTable;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.TableDecoders;
import io.github.xenacpi.platform.builder.FacsBuilder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FacsDecoderTest {

    private final FacsBuilder facs = new FacsBuilder()
            .hardwareSignature(0xCAFE)
            .firmwareWakingVector(0x9_F000L)
            .globalLock(2)
            .flags(FacsTable.S4BIOS_F | FacsTable.WAKE_64BIT_SUPPORTED_F)
            .xFirmwareWakingVector(0x1_0000_0000L)
            .version(2)
            .ospmFlags(1);

    @Test
    void everyFieldRoundTrips() {
        LoadedTable t = decodeFacs(bytes(facs));

        assertThat(t.diagnostics()).isEmpty();
        assertThat(t.checksumValid()).isTrue();
        FacsTable f = (FacsTable) t.table();
        assertThat(f)
                .isEqualTo(FacsTable.builder()
                        .header(f.header())
                        .length(64)
                        .hardwareSignature(0xCAFE)
                        .firmwareWakingVector(0x9_F000L)
                        .globalLock(2)
                        .flags(3)
                        .xFirmwareWakingVector(0x1_0000_0000L)
                        .version(2)
                        .ospmFlags(1)
                        .build());
        assertThat(f.header().signature()).isEqualTo("FACS");
        assertThat(f.header().revision()).isEqualTo(2);
        assertThat(t.regions()).isEmpty();
    }

    @Test
    void wrongSignatureIsAnError() {
        LoadedTable t = decodeFacs(patch(bytes(facs), 0, 'X', 1));

        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isZero();
            assertThat(d.message()).contains("XACS");
        });
    }

    @Test
    void shortFacsIsReportedOnceAndItsMissingFieldsReadZero() {
        LoadedTable t = decodeFacs(patch(truncate(bytes(facs), 32), 4, 32, 4));

        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.offset()).isEqualTo(4);
        });
        FacsTable f = (FacsTable) t.table();
        assertThat(f.globalLock()).isEqualTo(2);
        assertThat(f.version()).isZero();
    }

    @Test
    void reservedFlagsAndUnknownVersionAreWarnings() {
        LoadedTable t = decodeFacs(bytes(new FacsBuilder().flags(4).version(9)));

        assertThat(t.diagnostics()).extracting(d -> d.offset()).containsExactly(32L, 20L);
        assertThat(t.diagnostics()).allSatisfy(d -> assertThat(d.severity()).isEqualTo(Severity.WARNING));
    }

    private static LoadedTable decodeFacs(byte[] b) {
        return TableDecoders.standard()
                .decode(new RawTable("FACS", 1, b, new TableOrigin(Path.of("test"), SourceFormat.BUILDER, 0, 0, -1)));
    }
}
