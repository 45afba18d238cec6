package io.github.xenacpi.acpi.table.decoder;

import static io.github.xenacpi.acpi.table.TableFixtures.bytes;
import static io.github.xenacpi.acpi.table.TableFixtures.decode;
import static io.github.xenacpi.acpi.table.TableFixtures.fixChecksum;
import static io.github.xenacpi.acpi.table.TableFixtures.patch;
import static io.github.xenacpi.acpi.table.TableFixtures.truncate;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.FpdtTable;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.platform.builder.FpdtBuilder;
import org.junit.jupiter.api.Test;

class FpdtDecoderTest {

    private final FpdtBuilder both = new FpdtBuilder().fbpt(0xFFEC_E000L).s3pt(0xFFED_1000L);

    @Test
    void decodesBothPointerRecordsAndTheirBases() {
        LoadedTable t = decode(both);

        assertThat(t.diagnostics()).isEmpty();
        FpdtTable f = (FpdtTable) t.table();
        assertThat(f.records())
                .containsExactly(
                        new FpdtTable.PerformanceRecord(0, 16, 1, 0xFFEC_E000L),
                        new FpdtTable.PerformanceRecord(1, 16, 1, 0xFFED_1000L));
        assertThat(f.records()).allMatch(FpdtTable.PerformanceRecord::isPointer);
        // fpdt_process_subtable maps the 8-byte signature + length header before the whole table.
        assertThat(t.regions())
                .containsExactly(
                        new DescribedRegion(
                                RegionKind.FIRMWARE_PERFORMANCE_RECORD,
                                AddressSpace.SYSTEM_MEMORY,
                                0xFFEC_E000L,
                                0,
                                "FPDT",
                                1,
                                44,
                                "FPDT.record[0].address"),
                        new DescribedRegion(
                                RegionKind.FIRMWARE_PERFORMANCE_RECORD,
                                AddressSpace.SYSTEM_MEMORY,
                                0xFFED_1000L,
                                0,
                                "FPDT",
                                1,
                                60,
                                "FPDT.record[1].address"));
    }

    @Test
    void otherRecordTypesAreKeptWithoutRegion() {
        LoadedTable t = decode(new FpdtBuilder().fbpt(0x1000).pointer(0x3000, 0x2000));

        assertThat(((FpdtTable) t.table()).records()).element(1).satisfies(r -> {
            assertThat(r.type()).isEqualTo(0x3000);
            assertThat(r.isPointer()).isFalse();
        });
        assertThat(t.regions()).hasSize(1);
    }

    @Test
    void missingDuplicateAndZeroPointersAreReported() {
        assertThat(decode(new FpdtBuilder().s3pt(0x1000)).diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.message()).contains("no FBPT pointer record"));
        assertThat(decode(new FpdtBuilder().fbpt(0x1000).fbpt(0x2000)).diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.message()).contains("2 FBPT pointer records"));
        LoadedTable zero = decode(new FpdtBuilder().fbpt(0));
        assertThat(zero.regions()).isEmpty();
        assertThat(zero.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(44);
            assertThat(d.message()).contains("FBPT pointer is zero");
        });
    }

    @Test
    void wrongRecordLengthRevisionAndReservedAreReported() {
        byte[] b = patch(patch(patch(bytes(new FpdtBuilder().fbpt(0x1000)), 38, 20, 1), 39, 2, 1), 40, 1, 1);
        b = patch(b, 4, 56, 4);
        b = java.util.Arrays.copyOf(b, 56);
        LoadedTable t = decode(fixChecksum(b));

        assertThat(t.diagnostics())
                .extracting(d -> d.offset() + " " + d.severity())
                .containsExactlyInAnyOrder("38 ERROR", "39 WARNING", "40 WARNING");
        assertThat(t.regions()).hasSize(1);
    }

    @Test
    void zeroLengthRecordStopsTheWalk() {
        LoadedTable t = decode(fixChecksum(patch(bytes(both), 38, 0, 1)));

        assertThat(((FpdtTable) t.table()).records()).isEmpty();
        assertThat(t.diagnostics()).anySatisfy(d -> {
            assertThat(d.offset()).isEqualTo(38);
            assertThat(d.message()).contains("length 0 is below the minimum of 4");
        });
    }

    @Test
    void truncatedRecordKeepsWhatIsThere() {
        byte[] b = truncate(bytes(both), 64);
        LoadedTable t = decode(fixChecksum(patch(b, 4, 64, 4)));

        assertThat(((FpdtTable) t.table()).records()).hasSize(2);
        assertThat(t.regions()).hasSize(1);
        assertThat(t.diagnostics()).anySatisfy(d -> assertThat(d.message()).contains("overruns the list"));
    }
}
