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
import io.github.xenacpi.acpi.table.GtdtTable;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.platform.builder.GtdtBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class GtdtDecoderTest {

    private static final GtdtTable.Timer SECURE = new GtdtTable.Timer(29, 2);
    private static final GtdtTable.Timer NON_SECURE = new GtdtTable.Timer(30, 4);
    private static final GtdtTable.Timer VIRTUAL = new GtdtTable.Timer(27, 6);
    private static final GtdtTable.Timer EL2 = new GtdtTable.Timer(26, 4);
    private static final GtdtTable.Timer VIRTUAL_EL2 = new GtdtTable.Timer(28, 4);

    private static final GtdtTable.GtBlock BLOCK = new GtdtTable.GtBlock(
            0x2A81_0000L,
            2,
            20,
            List.of(
                    new GtdtTable.GtFrame(
                            0, 0x2A82_0000L, 0x2A83_0000L, new GtdtTable.Timer(58, 0), new GtdtTable.Timer(59, 0), 0),
                    new GtdtTable.GtFrame(
                            1,
                            0x2A84_0000L,
                            GtdtTable.NOT_PROVIDED,
                            new GtdtTable.Timer(60, 0),
                            new GtdtTable.Timer(0, 0),
                            GtdtTable.GtFrame.SECURE)));
    private static final GtdtTable.Watchdog WATCHDOG = new GtdtTable.Watchdog(0x2A44_0000L, 0x2A45_0000L, 93, 1);

    private static GtdtBuilder full(int revision) {
        return new GtdtBuilder()
                .revision(revision)
                .cntControlBase(0x2A43_0000L)
                .cntReadBase(0x2A80_0000L)
                .timers(SECURE, NON_SECURE, VIRTUAL, EL2, VIRTUAL_EL2)
                .add(BLOCK)
                .add(WATCHDOG);
    }

    @Test
    void revision3RoundTripsEveryField() {
        LoadedTable t = decode(full(3));

        assertThat(t.checksumValid()).isTrue();
        assertThat(t.diagnostics()).isEmpty();
        GtdtTable g = (GtdtTable) t.table();
        assertThat(g)
                .isEqualTo(GtdtTable.builder()
                        .header(g.header())
                        .cntControlBase(0x2A43_0000L)
                        .secureEl1(SECURE)
                        .nonSecureEl1(NON_SECURE)
                        .virtualEl1(VIRTUAL)
                        .el2(EL2)
                        .cntReadBase(0x2A80_0000L)
                        .platformTimerCount(2)
                        .platformTimerOffset(104)
                        .virtualEl2(VIRTUAL_EL2)
                        .platformTimers(List.of(BLOCK, WATCHDOG))
                        .build());
        assertThat(g.header().length()).isEqualTo(104 + 100 + 28);
    }

    @Test
    void everyFrameIsAFourKibRegion() {
        LoadedTable t = decode(full(3));

        assertThat(t.regions())
                .containsExactly(
                        region(RegionKind.GT_BLOCK, 0x2A81_0000L, 108, "GTDT.timerBlock[0].cntCtlBase"),
                        region(RegionKind.GT_FRAME, 0x2A82_0000L, 128, "GTDT.timerBlock[0].frame[0].cntBase"),
                        region(RegionKind.GT_EL0_FRAME, 0x2A83_0000L, 136, "GTDT.timerBlock[0].frame[0].cntEl0Base"),
                        region(RegionKind.GT_FRAME, 0x2A84_0000L, 168, "GTDT.timerBlock[0].frame[1].cntBase"),
                        region(RegionKind.WATCHDOG_REFRESH, 0x2A44_0000L, 208, "GTDT.watchdog[0].refreshFrame"),
                        region(RegionKind.WATCHDOG_CONTROL, 0x2A45_0000L, 216, "GTDT.watchdog[0].controlFrame"),
                        region(RegionKind.CNT_CONTROL, 0x2A43_0000L, 36, "GTDT.cntControlBase"),
                        region(RegionKind.CNT_READ, 0x2A80_0000L, 80, "GTDT.cntReadBase"));
    }

    @Test
    void revision2HasNoEl2VirtualTimerAndItsTimersStartAt96() {
        LoadedTable t = decode(full(2));

        assertThat(t.diagnostics()).isEmpty();
        GtdtTable g = (GtdtTable) t.table();
        assertThat(g.virtualEl2()).isEqualTo(new GtdtTable.Timer(0, 0));
        assertThat(g.platformTimerOffset()).isEqualTo(96);
        assertThat(g.platformTimers()).containsExactly(BLOCK, WATCHDOG);
    }

    @Test
    void revision1OfAcpi50DecodesItsEightyBytes() {
        LoadedTable t = decode(new GtdtBuilder().revision(1).timers(SECURE, NON_SECURE, VIRTUAL, EL2, VIRTUAL_EL2));

        assertThat(t.diagnostics()).isEmpty();
        GtdtTable g = (GtdtTable) t.table();
        assertThat(g.header().length()).isEqualTo(80);
        assertThat(g.el2()).isEqualTo(EL2);
        assertThat(g.cntReadBase()).isZero();
        assertThat(g.platformTimers()).isEmpty();
        assertThat(t.regions()).isEmpty();
    }

    @Test
    void absentCounterFramesGiveNoRegion() {
        LoadedTable t = decode(new GtdtBuilder());

        assertThat(((GtdtTable) t.table()).cntControlBase()).isEqualTo(GtdtTable.NOT_PROVIDED);
        assertThat(t.regions()).isEmpty();
        assertThat(t.diagnostics()).isEmpty();
    }

    @Test
    void platformTimerOffsetOutsideTheTableIsAnError() {
        LoadedTable t = decode(full(3).platformTimerOffset(0x1000));

        assertThat(((GtdtTable) t.table()).platformTimers()).isEmpty();
        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.offset()).isEqualTo(92);
            assertThat(d.message()).contains("offset 0x1000").contains("2 platform timers");
        });
    }

    @Test
    void platformTimersOverlappingTheEl2VirtualTimerAreAnErrorButStillDecoded() {
        LoadedTable t = decode(fixChecksum(patch(bytes(full(2)), 8, 3, 1)));

        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.offset()).isEqualTo(92);
            assertThat(d.message()).contains("offset 0x60 overlaps").contains("0x68");
        });
        assertThat(((GtdtTable) t.table()).platformTimers()).containsExactly(BLOCK, WATCHDOG);
    }

    @Test
    void platformTimerOffsetInsideTheRevision2FieldsIsAnError() {
        LoadedTable t = decode(full(3).platformTimerOffset(80));

        assertThat(((GtdtTable) t.table()).platformTimers()).isEmpty();
        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(92);
            assertThat(d.message()).contains("offset 0x50 lies outside");
        });
    }

    @Test
    void countBeyondTheTimersPresentIsAnErrorAndFewerIsAWarning() {
        LoadedTable more = decode(full(3).platformTimerCount(5));
        LoadedTable fewer = decode(full(3).platformTimerCount(1));

        assertThat(more.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(88);
            assertThat(d.message()).contains("count is 5, only 2 found");
        });
        assertThat(((GtdtTable) more.table()).platformTimers()).hasSize(2);
        assertThat(fewer.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.offset()).isEqualTo(204);
        });
        assertThat(((GtdtTable) fewer.table()).platformTimers()).containsExactly(BLOCK);
    }

    @Test
    void zeroLengthPlatformTimerStopsTheWalk() {
        LoadedTable t = decode(fixChecksum(patch(bytes(full(3)), 104 + 1, 0, 2)));

        assertThat(((GtdtTable) t.table()).platformTimers()).isEmpty();
        assertThat(t.diagnostics()).anySatisfy(d -> {
            assertThat(d.offset()).isEqualTo(105);
            assertThat(d.message()).contains("GTDT.platformTimer[0]").contains("length 0");
        });
    }

    @Test
    void framesThatDoNotFitTheBlockAreReportedAndSkipped() {
        byte[] b = bytes(full(3));
        LoadedTable tooMany = decode(fixChecksum(patch(b, 104 + 12, 9, 4)));
        LoadedTable badOffset = decode(fixChecksum(patch(b, 104 + 16, 90, 4)));

        assertThat(tooMany.diagnostics()).anySatisfy(d -> {
            assertThat(d.offset()).isEqualTo(116);
            assertThat(d.message()).contains("9 timer frames, ACPI allows at most 8");
        });
        assertThat(tooMany.diagnostics())
                .anySatisfy(d -> assertThat(d.message()).contains("do not fit"));
        assertThat(((GtdtTable.GtBlock)
                                ((GtdtTable) tooMany.table()).platformTimers().get(0))
                        .frames())
                .hasSize(2);
        assertThat(badOffset.diagnostics()).anySatisfy(d -> {
            assertThat(d.offset()).isEqualTo(120);
            assertThat(d.message()).contains("at offset 90").contains("do not fit");
        });
        assertThat(((GtdtTable.GtBlock)
                                ((GtdtTable) badOffset.table()).platformTimers().get(0))
                        .frames())
                .isEmpty();
    }

    @Test
    void aGtBlockIsWrittenWithTheFrameCountAndOffsetItsRecordSays() {
        GtdtTable.GtBlock tooMany = new GtdtTable.GtBlock(BLOCK.cntCtlBase(), 3, 20, BLOCK.frames());
        GtdtTable.GtBlock farOffset = new GtdtTable.GtBlock(BLOCK.cntCtlBase(), 2, 90, BLOCK.frames());
        LoadedTable more = decode(new GtdtBuilder().add(tooMany));
        LoadedTable far = decode(new GtdtBuilder().add(farOffset));

        // Both frames are written and decoded; the count that lies is read back as written.
        assertThat(((GtdtTable) more.table()).platformTimers()).containsExactly(tooMany);
        assertThat(more.diagnostics())
                .anySatisfy(d -> assertThat(d.message())
                        .contains("3 timer frames at offset 20")
                        .contains("do not fit"));
        // Frames at offset 90 lie past the block: none is read, the count and offset are as written.
        assertThat(((GtdtTable) far.table()).platformTimers())
                .containsExactly(new GtdtTable.GtBlock(BLOCK.cntCtlBase(), 2, 90, List.of()));
        assertThat(far.diagnostics())
                .anySatisfy(
                        d -> assertThat(d.message()).contains("at offset 90").contains("do not fit"));
    }

    @Test
    void duplicateAndOutOfRangeFrameNumbersAreErrors() {
        byte[] b = bytes(full(3));
        LoadedTable dup = decode(fixChecksum(patch(b, 164, 0, 1)));
        LoadedTable high = decode(fixChecksum(patch(b, 164, 8, 1)));

        assertThat(dup.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(164);
            assertThat(d.message()).contains("frame number 0 appears twice");
        });
        assertThat(high.diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.message()).contains("frame number 8 is above 7"));
    }

    @Test
    void truncatedTableKeepsWhatIsWholeAndReportsTheRest() {
        LoadedTable t = decode(truncate(bytes(full(3)), 170));

        assertThat(t.diagnostics()).anySatisfy(d -> assertThat(d.message()).contains("truncated"));
        assertThat(t.diagnostics()).anySatisfy(d -> assertThat(d.message()).contains("overruns"));
        GtdtTable.GtBlock block =
                (GtdtTable.GtBlock) ((GtdtTable) t.table()).platformTimers().get(0);
        assertThat(block.frames()).hasSize(1);
        assertThat(t.regions())
                .extracting(DescribedRegion::path)
                .contains("GTDT.timerBlock[0].frame[0].cntBase")
                .doesNotContain("GTDT.timerBlock[0].frame[1].cntBase");
    }

    @Test
    void tooShortForItsRevisionIsAnError() {
        LoadedTable t = decode(fixChecksum(patch(truncate(bytes(new GtdtBuilder()), 90), 4, 90, 4)));

        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(90);
            assertThat(d.message()).contains("revision 3 needs 104 bytes, only 90");
        });
    }

    private static DescribedRegion region(RegionKind kind, long base, long offset, String path) {
        return new DescribedRegion(kind, AddressSpace.SYSTEM_MEMORY, base, 4096, "GTDT", 1, offset, path);
    }
}
