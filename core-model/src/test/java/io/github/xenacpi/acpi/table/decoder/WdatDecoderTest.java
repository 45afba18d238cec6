package io.github.xenacpi.acpi.table.decoder;

import static io.github.xenacpi.acpi.table.TableFixtures.bytes;
import static io.github.xenacpi.acpi.table.TableFixtures.decode;
import static io.github.xenacpi.acpi.table.TableFixtures.fixChecksum;
import static io.github.xenacpi.acpi.table.TableFixtures.patch;
import static io.github.xenacpi.acpi.table.TableFixtures.truncate;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.GenericAddress;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.WdatTable;
import io.github.xenacpi.platform.builder.WdatBuilder;
import org.junit.jupiter.api.Test;

class WdatDecoderTest {

    private static final GenericAddress CONTROL = GenericAddress.memory(0x2A44_0000L, 32);
    private static final WdatTable.Entry RESET = new WdatTable.Entry(0x1, 0x82, CONTROL, 0x1, 0x1);
    private static final WdatTable.Entry SET_PERIOD =
            new WdatTable.Entry(0x6, 0x3, GenericAddress.memory(0x2A44_0008L, 32), 0, 0xFFFF_FFFFL);
    private static final WdatTable.Entry RUNNING = new WdatTable.Entry(0x8, 0x0, CONTROL, 0x1, 0x1);
    private static final WdatTable.Entry IO_STOP = new WdatTable.Entry(
            0xB, 0x2, new GenericAddress(AddressSpace.SYSTEM_IO.id(), 16, 0, 2, 0x443), 0x0, 0xFFFF);

    @Test
    void headerAndEntriesRoundTripAndEachDistinctRegisterIsARegion() {
        LoadedTable t = decode(new WdatBuilder()
                .timer(1000, 255, 5)
                .entry(RESET)
                .entry(SET_PERIOD)
                .entry(RUNNING)
                .entry(IO_STOP));

        assertThat(t.diagnostics()).isEmpty();
        WdatTable w = (WdatTable) t.table();
        assertThat(w.header().length()).isEqualTo(68 + 4 * 24);
        assertThat(w.headerLength()).isEqualTo(32);
        assertThat(w.pciSegment()).isEqualTo(0xFFFF);
        assertThat(w.pciBus()).isEqualTo(0xFF);
        assertThat(w.pciDevice()).isEqualTo(0xFF);
        assertThat(w.pciFunction()).isEqualTo(0xFF);
        assertThat(w.timerPeriod()).isEqualTo(1000);
        assertThat(w.maxCount()).isEqualTo(255);
        assertThat(w.minCount()).isEqualTo(5);
        assertThat(w.flags()).isEqualTo(WdatTable.FLAG_ENABLED);
        assertThat(w.entryCount()).isEqualTo(4);
        assertThat(w.entries()).containsExactly(RESET, SET_PERIOD, RUNNING, IO_STOP);
        assertThat(t.regions())
                .containsExactly(
                        new DescribedRegion(
                                RegionKind.WDAT_REGISTER,
                                AddressSpace.SYSTEM_MEMORY,
                                0x2A44_0000L,
                                4,
                                "WDAT",
                                1,
                                76,
                                "WDAT.entry[0].register"),
                        new DescribedRegion(
                                RegionKind.WDAT_REGISTER,
                                AddressSpace.SYSTEM_MEMORY,
                                0x2A44_0008L,
                                4,
                                "WDAT",
                                1,
                                100,
                                "WDAT.entry[1].register"),
                        new DescribedRegion(
                                RegionKind.WDAT_REGISTER,
                                AddressSpace.SYSTEM_IO,
                                0x443,
                                2,
                                "WDAT",
                                1,
                                148,
                                "WDAT.entry[3].register"));
    }

    @Test
    void pciLocationRoundTrips() {
        WdatTable w = (WdatTable)
                decode(new WdatBuilder().pci(1, 2, 3, 4).entry(RESET)).table();

        assertThat(w.pciSegment()).isEqualTo(1);
        assertThat(w.pciBus()).isEqualTo(2);
        assertThat(w.pciDevice()).isEqualTo(3);
        assertThat(w.pciFunction()).isEqualTo(4);
    }

    @Test
    void headerFieldsAreChecked() {
        LoadedTable t = decode(new WdatBuilder()
                .headerLength(28)
                .timer(0, 10, 20)
                .entryCount(2)
                .entry(RESET));

        assertThat(t.diagnostics()).extracting(Diagnostic::offset).containsExactly(36L, 48L, 56L, 64L);
        assertThat(t.diagnostics()).allSatisfy(d -> assertThat(d.severity()).isEqualTo(Severity.ERROR));
        assertThat(t.diagnostics().get(0).message()).contains("header length 28, expected 32");
        assertThat(t.diagnostics().get(1).message()).contains("timer period is 0");
        assertThat(t.diagnostics().get(2).message()).contains("minimum count 20 is above maximum count 10");
        assertThat(t.diagnostics().get(3).message())
                .contains("entry count is 2")
                .contains("holds 1");
    }

    @Test
    void undefinedActionAndInstructionAreWarnings() {
        LoadedTable t = decode(new WdatBuilder().entry(new WdatTable.Entry(0x7, 0x84, CONTROL, 0, 0)));

        assertThat(t.diagnostics()).extracting(Diagnostic::offset).containsExactly(68L, 69L);
        assertThat(t.diagnostics().get(0).message()).contains("action 0x7");
        assertThat(t.diagnostics().get(1).message()).contains("instruction 0x84");
    }

    @Test
    void partialEntryAndTruncatedHeaderAreReported() {
        byte[] b = truncate(bytes(new WdatBuilder().entry(RESET).entry(RUNNING)), 68 + 24 + 5);
        LoadedTable partial = decode(fixChecksum(patch(b, 4, b.length, 4)));
        assertThat(((WdatTable) partial.table()).entries()).containsExactly(RESET);
        assertThat(partial.diagnostics()).extracting(Diagnostic::offset).containsExactly(92L, 64L);

        LoadedTable cut = decode(truncate(bytes(new WdatBuilder().entry(RESET)), 50));
        assertThat(((WdatTable) cut.table()).entries()).isEmpty();
        assertThat(cut.regions()).isEmpty();
        assertThat(cut.diagnostics()).anySatisfy(d -> {
            assertThat(d.offset()).isEqualTo(36);
            assertThat(d.message()).contains("truncated").contains("only 14");
        });
    }

    @Test
    void reservedWatchdogFlagsAreWarned() {
        LoadedTable t = decode(new WdatBuilder().flags(0x83).entry(RESET));

        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.offset()).isEqualTo(60);
            assertThat(d.message()).contains("watchdog flags 0x83 sets reserved bits 0x2");
        });
    }
}
