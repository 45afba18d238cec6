package io.github.xenacpi.acpi.table.decoder;

import static io.github.xenacpi.acpi.table.TableFixtures.bytes;
import static io.github.xenacpi.acpi.table.TableFixtures.decode;
import static io.github.xenacpi.acpi.table.TableFixtures.fixChecksum;
import static io.github.xenacpi.acpi.table.TableFixtures.patch;
import static io.github.xenacpi.acpi.table.TableFixtures.truncate;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.MpamTable;
import io.github.xenacpi.platform.builder.MpamBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MPAM is unknown to iasl 20200925, so only builder-made bytes check this decoder. */
class MpamDecoderTest {

    private static final MpamTable.Resource CACHE = new MpamTable.Resource(1, 0, 0, 0x20, 0, List.of());
    private static final MpamTable.Resource MEMORY = new MpamTable.Resource(2, 1, 1, 0x1, 0, List.of(1L, 5L));
    private static final MpamTable.Msc MMIO = MpamTable.Msc.builder()
            .interfaceType(MpamTable.INTERFACE_MMIO)
            .identifier(1)
            .baseAddress(0x9_0000_0000L)
            .mmioSize(0x4000)
            .overflowInterrupt(40)
            .overflowInterruptFlags(1)
            .errorInterrupt(41)
            .errorInterruptFlags(1)
            .maxNrdyUsec(100)
            .linkedDeviceHid(0x4D50414D)
            .linkedDeviceInstance(2)
            .resources(List.of(CACHE, MEMORY))
            .build();
    private static final MpamTable.Msc PCC = pcc(0);

    /** MSC 0 at 36: 72 + 24 + 24 + 16 = 136 bytes; MSC 1 at 172, 72 bytes. */
    private final MpamBuilder two = new MpamBuilder().add(MMIO).add(PCC);

    private static MpamTable.Msc pcc(long mmioSize) {
        return MpamTable.Msc.builder()
                .interfaceType(MpamTable.INTERFACE_PCC)
                .identifier(2)
                .baseAddress(3)
                .mmioSize(mmioSize)
                .build();
    }

    @Test
    void decodesMscsResourcesAndDependencies() {
        LoadedTable t = decode(two);

        // Revision 1: a PCC MSC has MMIO size 0, which Linux's acpi_mpam_parse takes for "disabled".
        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.INFO);
            assertThat(d.offset()).isEqualTo(188);
            assertThat(d.message()).contains("Linux treats it as disabled");
        });
        assertThat(((MpamTable) t.table()).mscs()).containsExactly(MMIO, PCC);
        assertThat(t.regions())
                .containsExactly(
                        new DescribedRegion(
                                RegionKind.MPAM_MSC,
                                AddressSpace.SYSTEM_MEMORY,
                                0x9_0000_0000L,
                                0x4000,
                                "MPAM",
                                1,
                                44,
                                "MPAM.msc[0].baseAddress"),
                        // A PCC MSC's base address is its PCC subspace ID, not a memory address.
                        new DescribedRegion(
                                RegionKind.MPAM_MSC,
                                AddressSpace.PLATFORM_COMM_CHANNEL,
                                3,
                                0,
                                "MPAM",
                                1,
                                180,
                                "MPAM.msc[1].baseAddress"));
    }

    @Test
    void pccMmioSizeIsZeroUpToRevisionTwoAndAnEnablementFlagFromThree() {
        assertThat(decode(new MpamBuilder().add(pcc(0x100))).diagnostics())
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.severity()).isEqualTo(Severity.WARNING);
                    assertThat(d.message()).contains("must be 0 in revision 1, found 0x100");
                });
        LoadedTable enabled = decode(new MpamBuilder().revision(3).add(pcc(1)));
        assertThat(enabled.diagnostics()).isEmpty();
        assertThat(enabled.regions()).singleElement().satisfies(r -> {
            assertThat(r.space()).isEqualTo(AddressSpace.PLATFORM_COMM_CHANNEL);
            assertThat(r.base()).isEqualTo(3);
        });
        LoadedTable off = decode(new MpamBuilder().revision(3).add(pcc(0)));
        assertThat(off.regions()).isEmpty();
        assertThat(off.diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.message()).contains("marked non-functional"));
        assertThat(decode(new MpamBuilder().revision(3).add(pcc(2))).diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.message()).contains("enablement flag in revision 3"));
    }

    @Test
    void revisionZeroIsAWarningButStillDecoded() {
        LoadedTable t = decode(new MpamBuilder().revision(0).add(MMIO));

        assertThat(((MpamTable) t.table()).mscs()).containsExactly(MMIO);
        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(8);
            assertThat(d.message()).contains("revision 0");
        });
    }

    @Test
    void badInterfaceZeroMmioAndReservedLocatorAreReported() {
        LoadedTable t = decode(new MpamBuilder()
                .add(MpamTable.Msc.builder()
                        .interfaceType(5)
                        .identifier(1)
                        .baseAddress(0x1000)
                        .mmioSize(0x1000)
                        .build())
                .add(MpamTable.Msc.builder()
                        .identifier(2)
                        .baseAddress(0x1000)
                        .resources(List.of(new MpamTable.Resource(1, 0, 7, 0, 0, List.of())))
                        .build()));

        assertThat(t.regions()).isEmpty();
        assertThat(t.diagnostics())
                .extracting(d -> d.offset() + " " + d.severity())
                .containsExactly("38 ERROR", "187 WARNING", "124 INFO");
        assertThat(t.diagnostics().get(2).message()).contains("MMIO size 0 marks this MSC as disabled");
    }

    @Test
    void zeroBaseReservedFieldsAndInterruptFlagsAreReported() {
        LoadedTable t = decode(new MpamBuilder()
                .add(MpamTable.Msc.builder()
                        .identifier(1)
                        .mmioSize(0x1000)
                        .overflowInterrupt(40)
                        .overflowInterruptFlags(0x22)
                        .errorInterrupt(41)
                        .build()));
        assertThat(t.regions()).isEmpty();
        assertThat(t.diagnostics())
                .extracting(d -> d.offset() + " " + d.severity())
                .containsExactly("60 WARNING", "60 WARNING", "44 ERROR");

        // Reserved byte of the MSC header (offset 36 + 3): Linux then gives up on MPAM.
        LoadedTable reserved = decode(fixChecksum(patch(bytes(two), 39, 1, 1)));
        assertThat(reserved.diagnostics()).first().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(39);
            assertThat(d.message()).contains("MPAM stays unusable");
        });
    }

    @Test
    void resourceAndDependencyCountsMustFitTheMsc() {
        // Resource count of MSC 0 (offset 36 + 68) raised to 3.
        LoadedTable more = decode(fixChecksum(patch(bytes(two), 104, 3, 4)));
        assertThat(more.diagnostics()).first().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(172);
            assertThat(d.message()).contains("3 resource nodes declared, node 2 does not fit");
        });
        assertThat(((MpamTable) more.table()).mscs().get(0).resources()).containsExactly(CACHE, MEMORY);

        // Dependency count of the second resource (36 + 72 + 24 + 20) raised to 3.
        LoadedTable deps = decode(fixChecksum(patch(bytes(two), 152, 3, 4)));
        assertThat(deps.diagnostics()).first().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(152);
            assertThat(d.message()).contains("3 functional dependencies declared, only 2 fit");
        });

        LoadedTable huge = decode(fixChecksum(patch(bytes(two), 104, 0xFFFF_FFFFL, 4)));
        assertThat(huge.diagnostics())
                .first()
                .satisfies(d -> assertThat(d.message()).contains("4294967295 resource nodes declared"));
    }

    @Test
    void spareBytesZeroLengthAndTruncationAreReported() {
        byte[] b = bytes(two);
        LoadedTable spare = decode(fixChecksum(patch(b, 104, 1, 4)));
        assertThat(spare.diagnostics()).first().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(132);
            assertThat(d.message()).contains("40 bytes of resource-specific data");
        });

        LoadedTable zero = decode(fixChecksum(patch(b, 36, 0, 2)));
        assertThat(((MpamTable) zero.table()).mscs()).isEmpty();

        LoadedTable cut = decode(fixChecksum(patch(truncate(b, 100), 4, 100, 4)));
        assertThat(((MpamTable) cut.table()).mscs())
                .singleElement()
                .satisfies(m -> assertThat(m.resources()).isEmpty());
        assertThat(cut.regions()).hasSize(1);
        assertThat(cut.diagnostics()).anySatisfy(d -> assertThat(d.message()).contains("overruns the list"));
    }
}
