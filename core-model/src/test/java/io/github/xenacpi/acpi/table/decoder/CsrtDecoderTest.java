package io.github.xenacpi.acpi.table.decoder;

import static io.github.xenacpi.acpi.table.TableFixtures.bytes;
import static io.github.xenacpi.acpi.table.TableFixtures.decode;
import static io.github.xenacpi.acpi.table.TableFixtures.fixChecksum;
import static io.github.xenacpi.acpi.table.TableFixtures.patch;
import static io.github.xenacpi.acpi.table.TableFixtures.truncate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xenacpi.acpi.table.CsrtTable;
import io.github.xenacpi.acpi.table.CsrtTable.Bytes;
import io.github.xenacpi.acpi.table.CsrtTable.ResourceDescriptor;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.platform.builder.CsrtBuilder;
import org.junit.jupiter.api.Test;

class CsrtDecoderTest {

    private static final long QCOM = 0x4D4F4351L;

    private static CsrtBuilder twoGroups() {
        CsrtBuilder b = new CsrtBuilder();
        b.group(QCOM, 0, 0x100B, 0, 0, new byte[0]).descriptor(2, 0, 1, new byte[] {2, 0, 0, 0, 0, 0, 0x41, 0x17});
        b.group(0x4C544E49L, 0x1234, 0x9C60, 7, 1, new byte[] {1, 2, 3, 4, 5, 6, 7, 8})
                .descriptor(3, 0, 0x10, new byte[] {9})
                .descriptor(3, 1, 0x11, new byte[0]);
        return b;
    }

    @Test
    void decodesGroupsSharedInfoAndDescriptorsWithoutRegions() {
        LoadedTable t = decode(twoGroups());

        assertThat(t.diagnostics()).isEmpty();
        assertThat(t.regions()).isEmpty();
        CsrtTable csrt = (CsrtTable) t.table();
        assertThat(csrt.groups()).hasSize(2);
        CsrtTable.ResourceGroup g0 = csrt.groups().get(0);
        assertThat(g0)
                .isEqualTo(CsrtTable.ResourceGroup.builder()
                        .offset(36)
                        .length(24 + 20)
                        .vendorId(QCOM)
                        .deviceId(0x100B)
                        .descriptors(java.util.List.of(new ResourceDescriptor(
                                60, 20, 2, 0, 1, new Bytes(new byte[] {2, 0, 0, 0, 0, 0, 0x41, 0x17}))))
                        .build());
        assertThat(g0.vendorName()).isEqualTo("QCOM");
        CsrtTable.ResourceGroup g1 = csrt.groups().get(1);
        assertThat(g1.vendorName()).isEqualTo("INTL");
        assertThat(g1.subvendorId()).isEqualTo(0x1234);
        assertThat(g1.deviceId()).isEqualTo(0x9C60);
        assertThat(g1.subdeviceId()).isEqualTo(7);
        assertThat(g1.revision()).isEqualTo(1);
        assertThat(g1.sharedInfo().value()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(g1.descriptors())
                .containsExactly(
                        new ResourceDescriptor(80 + 32, 13, 3, 0, 0x10, new Bytes(new byte[] {9})),
                        new ResourceDescriptor(80 + 45, 12, 3, 1, 0x11, new Bytes(new byte[0])));
        assertThat(g1.sharedInfo().toString()).isEqualTo("0102030405060708");
    }

    @Test
    void aCsrtBuiltFromItsDecodedRecordsIsTheSameTable() {
        CsrtTable decoded = (CsrtTable) decode(twoGroups()).table();
        CsrtBuilder rebuilt = new CsrtBuilder();
        decoded.groups().forEach(rebuilt::group);

        assertThat(bytes(rebuilt)).isEqualTo(bytes(twoGroups()));
        assertThat(((CsrtTable) decode(rebuilt).table()).groups()).isEqualTo(decoded.groups());
    }

    @Test
    void aDescriptorWhoseOffsetIsNotWhereItLandsIsRefused() {
        CsrtBuilder b = new CsrtBuilder();
        b.group(QCOM, 0, 0x100B, 0, 0, new byte[0])
                .descriptor(new ResourceDescriptor(64, 0, 2, 0, 1, new Bytes(new byte[0])));

        assertThatThrownBy(() -> bytes(b))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("resource descriptor's record says offset 64, but it lands at 60");
    }

    @Test
    void aDescriptorLengthIsWrittenAsItsRecordSays() {
        CsrtBuilder b = new CsrtBuilder();
        b.group(QCOM, 0, 0x100B, 0, 0, new byte[0])
                .descriptor(new ResourceDescriptor(0, 12, 2, 0, 1, new Bytes(new byte[] {1, 2, 3, 4})));
        CsrtTable.ResourceGroup g = ((CsrtTable) decode(b).table()).groups().get(0);

        // The group's length counts the four data bytes written; the descriptor says it has none.
        assertThat(g.length()).isEqualTo(24 + 16);
        assertThat(g.descriptors().get(0)).isEqualTo(new ResourceDescriptor(60, 12, 2, 0, 1, new Bytes(new byte[0])));
    }

    @Test
    void sharedInfoLongerThanTheGroupIsAnErrorAndClamped() {
        byte[] b = fixChecksum(patch(bytes(twoGroups()), 80 + 20, 500, 4));
        LoadedTable t = decode(b);

        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(100);
            assertThat(d.message()).contains("shared information length 500 overruns the group, which has 33 bytes");
        });
        CsrtTable.ResourceGroup g1 = ((CsrtTable) t.table()).groups().get(1);
        assertThat(g1.sharedInfo().size()).isEqualTo(33);
        assertThat(g1.descriptors()).isEmpty();
    }

    @Test
    void zeroLengthDescriptorStopsItsGroupOnly() {
        byte[] b = fixChecksum(patch(bytes(twoGroups()), 60, 0, 4));
        LoadedTable t = decode(b);

        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(60);
            assertThat(d.message()).contains("CSRT.group[0].descriptor[0]: length 0 is below the minimum of 12");
        });
        assertThat(((CsrtTable) t.table()).groups()).hasSize(2);
    }

    @Test
    void groupOverrunningTheTableAndTruncationAreReported() {
        LoadedTable t = decode(fixChecksum(patch(bytes(twoGroups()), 80, 0x1000, 4)));
        assertThat(t.diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.message()).contains("CSRT.group[1]: length 4096 overruns the list"));
        assertThat(((CsrtTable) t.table()).groups().get(1).descriptors()).hasSize(2);

        byte[] full = bytes(twoGroups());
        for (int cut = 4; cut < full.length; cut += 5) {
            assertThat(decode(truncate(full, cut)).isDecoded()).isTrue();
        }
        LoadedTable cut = decode(truncate(full, 90));
        assertThat(cut.diagnostics()).anySatisfy(d -> assertThat(d.message()).contains("overruns"));
    }

    @Test
    void bytesAreImmutableValues() {
        byte[] raw = {1, 2};
        Bytes bytes = new Bytes(raw);
        raw[0] = 9;
        bytes.value()[1] = 9;

        assertThat(bytes).isEqualTo(new Bytes(new byte[] {1, 2})).hasSameHashCodeAs(new Bytes(new byte[] {1, 2}));
    }
}
