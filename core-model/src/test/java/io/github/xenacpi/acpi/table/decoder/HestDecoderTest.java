package io.github.xenacpi.acpi.table.decoder;

import static io.github.xenacpi.acpi.table.TableFixtures.bytes;
import static io.github.xenacpi.acpi.table.TableFixtures.decode;
import static io.github.xenacpi.acpi.table.TableFixtures.fixChecksum;
import static io.github.xenacpi.acpi.table.TableFixtures.patch;
import static io.github.xenacpi.acpi.table.TableFixtures.truncate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.GenericAddress;
import io.github.xenacpi.acpi.table.HestTable;
import io.github.xenacpi.acpi.table.HestTable.AerSettings;
import io.github.xenacpi.acpi.table.HestTable.Bank;
import io.github.xenacpi.acpi.table.HestTable.Common;
import io.github.xenacpi.acpi.table.HestTable.Notification;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.platform.builder.HestBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class HestDecoderTest {

    private static final Notification POLLED =
            Notification.builder().configWriteEnable(0x3F).pollInterval(1000).build();
    private static final Notification SEA = Notification.builder()
            .type(8)
            .pollingThresholdValue(1)
            .pollingThresholdWindow(2)
            .errorThresholdValue(3)
            .errorThresholdWindow(4)
            .build();
    private static final Bank BANK0 = new Bank(0, 1, 0, 0x400, 0xFFFF_FFFF_FFFF_FFFFL, 0x401, 0x402, 0x403);
    private static final Bank BANK1 = new Bank(1, 0, 1, 0x404, 0x1, 0x405, 0x406, 0x407);
    private static final AerSettings AER = new AerSettings(2, 0x1C, 3, 0x7, 0x11, 0x22, 0x33, 0x44);

    private static final HestTable.Ia32MachineCheck MCE = new HestTable.Ia32MachineCheck(
            0, new Common(HestTable.FLAG_FIRMWARE_FIRST, true, 1, 2), 0x7, 0x3, List.of(BANK0, BANK1));
    private static final HestTable.Ia32BankedSource CMC =
            new HestTable.Ia32BankedSource(1, 1, new Common(0, true, 2, 1), POLLED, List.of(BANK0));
    private static final HestTable.Ia32Nmi NMI = new HestTable.Ia32Nmi(2, 1, 1, 0x1000);
    private static final HestTable.PcieRootPort ROOT_PORT =
            new HestTable.PcieRootPort(3, new Common(HestTable.FLAG_GLOBAL, true, 1, 1), AER, 0x7);
    private static final HestTable.PcieDevice DEVICE = new HestTable.PcieDevice(4, new Common(0, false, 1, 1), AER);
    private static final HestTable.PcieBridge BRIDGE =
            new HestTable.PcieBridge(5, new Common(0, true, 4, 3), AER, 0x55, 0x66, 0x77);
    private static final HestTable.Ghes GHES = ghes(6, 0x1000, GenericAddress.memory(0xFF00_0000L, 64), SEA, 0x1000);
    private static final HestTable.GhesV2 GHES_V2 = HestTable.GhesV2.builder(HestTable.Ghes.builder()
                    .sourceId(7)
                    .relatedSourceId(0xFFFF)
                    .enabled(true)
                    .recordsToPreallocate(1)
                    .maxSectionsPerRecord(1)
                    .maxRawDataLength(0x1000)
                    .errorStatusAddress(GenericAddress.memory(0xFF00_0008L, 64))
                    .notification(SEA)
                    .errorStatusBlockLength(0x1000)
                    .build())
            .readAckRegister(GenericAddress.memory(0xFF00_1000L, 64))
            .readAckPreserve(0xFFFF_FFFF_FFFF_FFFEL)
            .readAckWrite(1)
            .build();
    private static final HestTable.Ia32BankedSource DEFERRED =
            new HestTable.Ia32BankedSource(11, 8, new Common(0, true, 1, 1), POLLED, List.of(BANK1));

    /** An enabled GHES with no related source, one record of one section, as the tests declare them. */
    private static HestTable.Ghes ghes(
            int sourceId,
            long maxRawDataLength,
            GenericAddress errorStatus,
            Notification notification,
            long blockLength) {
        return HestTable.Ghes.builder()
                .sourceId(sourceId)
                .relatedSourceId(0xFFFF)
                .enabled(true)
                .recordsToPreallocate(1)
                .maxSectionsPerRecord(1)
                .maxRawDataLength(maxRawDataLength)
                .errorStatusAddress(errorStatus)
                .notification(notification)
                .errorStatusBlockLength(blockLength)
                .build();
    }

    private static DescribedRegion region(RegionKind kind, long base, long length, long offset, String path) {
        return new DescribedRegion(kind, AddressSpace.SYSTEM_MEMORY, base, length, "HEST", 1, offset, path);
    }

    @Test
    void everyErrorSourceTypeRoundTrips() {
        HestBuilder b = new HestBuilder();
        List.of(MCE, CMC, NMI, ROOT_PORT, DEVICE, BRIDGE, GHES, GHES_V2, DEFERRED)
                .forEach(b::source);
        LoadedTable t = decode(b);

        assertThat(t.diagnostics()).isEmpty();
        HestTable hest = (HestTable) t.table();
        assertThat(hest.errorSourceCount()).isEqualTo(9);
        assertThat(hest.sources()).containsExactly(MCE, CMC, NMI, ROOT_PORT, DEVICE, BRIDGE, GHES, GHES_V2, DEFERRED);
        assertThat(hest.sources()).extracting(HestTable.ErrorSource::type).containsExactly(0, 1, 2, 6, 7, 8, 9, 10, 11);
        assertThat(hest.header().length())
                .isEqualTo(40 + (40 + 56) + (48 + 28) + 20 + 48 + 44 + 56 + 64 + 92 + (48 + 28));
    }

    @Test
    void ghesRegistersAreRegionsOfTheirRegisterWidth() {
        LoadedTable t = decode(new HestBuilder().source(GHES).source(GHES_V2));

        assertThat(t.diagnostics()).isEmpty();
        // GHES at 40 (status GAS at +20); GHESv2 at 104 (status GAS at +20, read ack GAS at +64).
        assertThat(t.regions())
                .containsExactly(
                        region(
                                RegionKind.GHES_STATUS_ADDRESS,
                                0xFF00_0000L,
                                8,
                                64,
                                "HEST.errorSource[0].errorStatusAddress"),
                        region(
                                RegionKind.GHES_STATUS_ADDRESS,
                                0xFF00_0008L,
                                8,
                                128,
                                "HEST.errorSource[1].errorStatusAddress"),
                        region(RegionKind.GHES_READ_ACK, 0xFF00_1000L, 8, 172, "HEST.errorSource[1].readAckRegister"));
    }

    @Test
    void narrowOrForeignStatusRegistersKeepTheirWidthAndSpaceAndAreWarned() {
        HestTable.Ghes narrow =
                ghes(1, 0x100, new GenericAddress(AddressSpace.SYSTEM_IO.id(), 32, 0, 3, 0x500), POLLED, 0x100);
        HestTable.Ghes ffh = ghes(
                2,
                0x100,
                new GenericAddress(AddressSpace.FUNCTIONAL_FIXED_HARDWARE.id(), 64, 0, 4, 0x9000),
                POLLED,
                0x100);
        LoadedTable t = decode(new HestBuilder().source(narrow).source(ffh));

        // The first GHES is at 40, the second at 104; each status GAS is at +20, its address at +24.
        assertThat(t.regions())
                .containsExactly(
                        new DescribedRegion(
                                RegionKind.GHES_STATUS_ADDRESS,
                                AddressSpace.SYSTEM_IO,
                                0x500,
                                4,
                                "HEST",
                                1,
                                64,
                                "HEST.errorSource[0].errorStatusAddress"),
                        new DescribedRegion(
                                RegionKind.GHES_STATUS_ADDRESS,
                                AddressSpace.FUNCTIONAL_FIXED_HARDWARE,
                                0x9000,
                                8,
                                "HEST",
                                1,
                                128,
                                "HEST.errorSource[1].errorStatusAddress"));
        assertThat(t.diagnostics())
                .extracting(Diagnostic::offset, Diagnostic::severity)
                .containsExactly(tuple(61L, Severity.WARNING), tuple(124L, Severity.WARNING));
        assertThat(t.diagnostics().get(0).message()).contains("32 bits wide");
        assertThat(t.diagnostics().get(1).message())
                .contains("address space 0x7F")
                .contains("apei_check_gar");
    }

    @Test
    void unknownTypeStopsTheWalkAtItsOffset() {
        byte[] b = bytes(new HestBuilder().source(NMI).source(GHES));
        LoadedTable t = decode(fixChecksum(patch(b, 60, 3, 2)));

        assertThat(((HestTable) t.table()).sources()).containsExactly(NMI);
        assertThat(t.regions()).isEmpty();
        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.offset()).isEqualTo(60);
            assertThat(d.message())
                    .contains("HEST.errorSource[1]")
                    .contains("unknown error source type 3")
                    .contains("0x3C")
                    .contains("64 bytes");
        });
    }

    @Test
    void errorSourceCountIsCheckedAgainstTheStructuresPresent() {
        LoadedTable more = decode(new HestBuilder().source(NMI).source(DEVICE).errorSourceCount(3));
        assertThat(((HestTable) more.table()).sources()).hasSize(2);
        assertThat(more.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.offset()).isEqualTo(36);
            assertThat(d.message()).contains("count is 3 but 2");
        });

        LoadedTable fewer = decode(new HestBuilder().source(NMI).source(DEVICE).errorSourceCount(1));
        assertThat(fewer.diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.message()).contains("count is 1 but 2"));
    }

    @Test
    void truncatedBankKeepsTheWholeBanksAndStops() {
        byte[] b = truncate(bytes(new HestBuilder().source(MCE).source(NMI)), 40 + 40 + 28 + 10);
        LoadedTable t = decode(fixChecksum(patch(b, 4, b.length, 4)));

        HestTable hest = (HestTable) t.table();
        assertThat(hest.sources())
                .singleElement()
                .satisfies(s ->
                        assertThat(((HestTable.Ia32MachineCheck) s).banks()).containsExactly(BANK0));
        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.offset()).isEqualTo(108);
            assertThat(d.message())
                    .contains("HEST.errorSource[0].bank[1]")
                    .contains("truncated")
                    .contains("28 bytes")
                    .contains("only 10");
        });
    }

    @Test
    void truncatedStructureIsReportedAndDropped() {
        byte[] b = truncate(bytes(new HestBuilder().source(NMI).source(GHES_V2)), 40 + 20 + 70);
        LoadedTable t = decode(fixChecksum(patch(b, 4, b.length, 4)));

        assertThat(((HestTable) t.table()).sources()).containsExactly(NMI);
        assertThat(t.regions()).isEmpty();
        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(60);
            assertThat(d.message()).contains("HEST GHESv2").contains("92 bytes").contains("only 70");
        });
    }

    @Test
    void trailingByteTooShortForAStructureIsAnError() {
        byte[] b = truncate(bytes(new HestBuilder().source(NMI).source(NMI)), 40 + 20 + 1);
        LoadedTable t = decode(fixChecksum(patch(patch(b, 4, b.length, 4), 36, 1, 4)));

        assertThat(((HestTable) t.table()).sources()).containsExactly(NMI);
        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(60);
            assertThat(d.message()).contains("1 trailing bytes");
        });
    }

    @Test
    void enabledGhesWithoutRegistersIsAnError() {
        GenericAddress none = new GenericAddress(0, 0, 0, 0, 0);
        HestTable.GhesV2 empty = HestTable.GhesV2.builder(HestTable.Ghes.builder()
                        .sourceId(1)
                        .relatedSourceId(0xFFFF)
                        .enabled(true)
                        .recordsToPreallocate(1)
                        .maxSectionsPerRecord(1)
                        .maxRawDataLength(0x100)
                        .errorStatusAddress(none)
                        .notification(SEA)
                        .errorStatusBlockLength(0x100)
                        .build())
                .readAckRegister(none)
                .build();
        LoadedTable t = decode(new HestBuilder().source(empty));

        assertThat(t.regions()).isEmpty();
        assertThat(t.diagnostics()).extracting(Diagnostic::offset).containsExactly(64L, 108L);
        assertThat(t.diagnostics()).allSatisfy(d -> assertThat(d.severity()).isEqualTo(Severity.ERROR));
        assertThat(t.diagnostics().get(1).message()).contains("read acknowledge");
    }

    @Test
    void disabledGhesWithoutRegistersIsQuiet() {
        GenericAddress none = new GenericAddress(0, 0, 0, 0, 0);
        LoadedTable t = decode(new HestBuilder()
                .source(HestTable.GhesV2.builder(HestTable.Ghes.builder()
                                .sourceId(1)
                                .relatedSourceId(0xFFFF)
                                .errorStatusAddress(none)
                                .notification(POLLED)
                                .build())
                        .readAckRegister(none)
                        .build()));

        assertThat(t.diagnostics()).isEmpty();
        assertThat(t.regions()).isEmpty();
    }

    @Test
    void badNotificationStructureAndShortStatusBlockAreWarnings() {
        Notification bad = Notification.builder().type(12).length(24).build();
        LoadedTable t =
                decode(new HestBuilder().source(ghes(1, 0x100, GenericAddress.memory(0xFF00_0000L, 64), bad, 16)));

        // Notification at 40 + 32; block length at 40 + 60.
        assertThat(t.diagnostics()).extracting(Diagnostic::offset).containsExactlyInAnyOrder(72L, 73L, 100L);
        assertThat(t.diagnostics()).allSatisfy(d -> assertThat(d.severity()).isEqualTo(Severity.WARNING));
        assertThat(t.diagnostics()).anySatisfy(d -> assertThat(d.message()).contains("notification type 12"));
        assertThat(t.diagnostics()).anySatisfy(d -> assertThat(d.message()).contains("length 24, expected 28"));
        assertThat(t.diagnostics()).anySatisfy(d -> assertThat(d.message()).contains("block length 16"));
    }

    @Test
    void duplicateSourceIdIsAWarning() {
        LoadedTable t = decode(new HestBuilder().source(NMI).source(new HestTable.PcieDevice(2, DEVICE.common(), AER)));

        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.offset()).isEqualTo(62);
            assertThat(d.message()).contains("source id 2").contains("HEST.errorSource[0]");
        });
    }

    @Test
    void nonZeroReservedBytesAreWarned() {
        byte[] b = bytes(new HestBuilder().source(NMI));
        LoadedTable t = decode(fixChecksum(patch(b, 44, 0xAA, 1)));

        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(44);
            assertThat(d.message()).contains("reserved");
        });
    }

    @Test
    void fieldValuesTheSpecificationDoesNotDefineAreReported() {
        Bank badBank = new Bank(0, 2, 3, 0x400, 0, 0x401, 0x402, 0x403);
        HestTable.Ia32MachineCheck mce = new HestTable.Ia32MachineCheck(
                0,
                new Common(HestTable.FLAG_FIRMWARE_FIRST | HestTable.FLAG_GHES_ASSIST | 0x8, true, 0, 1),
                0,
                0,
                List.of(badBank));
        HestTable.PcieDevice device = new HestTable.PcieDevice(1, new Common(0x4, true, 1, 1), AER);
        HestTable.Ia32BankedSource cmc = new HestTable.Ia32BankedSource(
                1,
                2,
                new Common(0, true, 1, 1),
                Notification.builder().configWriteEnable(0x7F).build(),
                List.of());
        LoadedTable t = decode(new HestBuilder().source(mce).source(device).source(cmc));

        // MCE at 40 (bank at 80), device at 108, CMC at 152 (notification at 168).
        assertThat(t.diagnostics())
                .extracting(Diagnostic::offset, Diagnostic::severity)
                .containsExactly(
                        tuple(46L, Severity.WARNING),
                        tuple(46L, Severity.ERROR),
                        tuple(48L, Severity.ERROR),
                        tuple(81L, Severity.ERROR),
                        tuple(82L, Severity.ERROR),
                        tuple(114L, Severity.WARNING),
                        tuple(170L, Severity.WARNING));
        assertThat(t.diagnostics().get(0).message()).contains("flags 0xD sets reserved bits 0x8");
        assertThat(t.diagnostics().get(1).message()).contains("firmware first and GHES assist");
        assertThat(t.diagnostics().get(2).message()).contains("recordsToPreallocate is 0");
        assertThat(t.diagnostics().get(3).message()).contains("clear status on initialization is 2");
        assertThat(t.diagnostics().get(4).message()).contains("status data format is 3");
        assertThat(t.diagnostics().get(5).message()).contains("flags 0x4 sets reserved bits 0x4");
        assertThat(t.diagnostics().get(6).message()).contains("configuration write enable 0x7F");
    }

    @Test
    void onlyOneMachineCheckCorrectedCheckAndNmiSourceIsAllowed() {
        LoadedTable t = decode(new HestBuilder().source(NMI).source(new HestTable.Ia32Nmi(9, 1, 1, 0)));

        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.offset()).isEqualTo(40);
            assertThat(d.message()).contains("2 error sources of type 2").contains("only one");
        });
    }
}
