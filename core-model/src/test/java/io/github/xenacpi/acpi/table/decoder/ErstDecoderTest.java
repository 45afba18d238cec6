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
import io.github.xenacpi.acpi.table.ApeiInstruction;
import io.github.xenacpi.acpi.table.ErstTable;
import io.github.xenacpi.acpi.table.GenericAddress;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.platform.builder.ErstBuilder;
import org.junit.jupiter.api.Test;

class ErstDecoderTest {

    private static final GenericAddress COMMAND = GenericAddress.memory(0xFE00_0000L, 64);
    private static final ApeiInstruction BEGIN_WRITE = new ApeiInstruction(0x0, 0x3, 0, COMMAND, 0x1, 0xFF);
    private static final ApeiInstruction SET_OFFSET =
            new ApeiInstruction(0x4, 0x3, 1, GenericAddress.memory(0xFE00_0008L, 32), 0x9C, 0xFFFF_FFFFL);
    private static final ApeiInstruction CHECK_BUSY = new ApeiInstruction(0x6, 0x1, 0, COMMAND, 0x1, 0x1);
    private static final ApeiInstruction EXECUTE = new ApeiInstruction(
            0x5, 0x2, 0, new GenericAddress(AddressSpace.SYSTEM_IO.id(), 8, 0, 1, 0xB2), 0x9D, 0xFF);
    private static final ApeiInstruction NOOP =
            new ApeiInstruction(0x3, 0x4, 0, new GenericAddress(0, 0, 0, 0, 0), 0, 0);

    private final ErstBuilder five = new ErstBuilder()
            .entry(BEGIN_WRITE)
            .entry(SET_OFFSET)
            .entry(CHECK_BUSY)
            .entry(EXECUTE)
            .entry(NOOP);

    @Test
    void entriesRoundTripAndEachDistinctRegisterIsARegion() {
        LoadedTable t = decode(five);

        assertThat(t.diagnostics()).isEmpty();
        ErstTable erst = (ErstTable) t.table();
        assertThat(erst.header().length()).isEqualTo(48 + 5 * 32);
        assertThat(erst.headerLength()).isEqualTo(12);
        assertThat(erst.entryCount()).isEqualTo(5);
        assertThat(erst.entries()).containsExactly(BEGIN_WRITE, SET_OFFSET, CHECK_BUSY, EXECUTE, NOOP);
        assertThat(t.regions())
                .containsExactly(
                        new DescribedRegion(
                                RegionKind.ERST_REGISTER,
                                AddressSpace.SYSTEM_MEMORY,
                                0xFE00_0000L,
                                8,
                                "ERST",
                                1,
                                56,
                                "ERST.entry[0].register"),
                        new DescribedRegion(
                                RegionKind.ERST_REGISTER,
                                AddressSpace.SYSTEM_MEMORY,
                                0xFE00_0008L,
                                4,
                                "ERST",
                                1,
                                88,
                                "ERST.entry[1].register"),
                        new DescribedRegion(
                                RegionKind.ERST_REGISTER,
                                AddressSpace.SYSTEM_IO,
                                0xB2,
                                1,
                                "ERST",
                                1,
                                152,
                                "ERST.entry[3].register"));
    }

    @Test
    void wholeHeaderLengthIsAcceptedOthersAreErrors() {
        assertThat(decode(new ErstBuilder().headerLength(48).entry(NOOP)).diagnostics())
                .isEmpty();

        LoadedTable t = decode(new ErstBuilder().headerLength(20).entry(NOOP));
        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.offset()).isEqualTo(36);
            assertThat(d.message()).contains("header length 20").contains("12").contains("48");
        });
    }

    @Test
    void entryCountMustMatchTheEntriesPresent() {
        LoadedTable t = decode(new ErstBuilder().entry(NOOP).entry(NOOP).entryCount(7));

        assertThat(((ErstTable) t.table()).entries()).hasSize(2);
        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.offset()).isEqualTo(44);
            assertThat(d.message()).contains("entry count is 7").contains("holds 2 entries");
        });
    }

    @Test
    void partialEntryIsReportedAndWholeOnesDecoded() {
        byte[] b = truncate(bytes(new ErstBuilder().entry(BEGIN_WRITE).entry(SET_OFFSET)), 48 + 32 + 10);
        LoadedTable t = decode(fixChecksum(patch(b, 4, b.length, 4)));

        assertThat(((ErstTable) t.table()).entries()).containsExactly(BEGIN_WRITE);
        assertThat(t.regions()).hasSize(1);
        assertThat(t.diagnostics()).extracting(Diagnostic::offset).containsExactly(80L, 44L);
        assertThat(t.diagnostics().get(0).message()).contains("10 trailing bytes");
        assertThat(t.diagnostics().get(1).message())
                .contains("entry count is 2")
                .contains("holds 1");
    }

    @Test
    void undefinedActionsInstructionsAndWidthsAreWarnings() {
        ApeiInstruction odd = new ApeiInstruction(
                0x11, 0x13, 0, new GenericAddress(AddressSpace.SYSTEM_MEMORY.id(), 12, 0, 0, 0xFE00_0100L), 0, 0);
        LoadedTable t = decode(new ErstBuilder().entry(odd));

        assertThat(t.diagnostics()).extracting(Diagnostic::offset).containsExactly(48L, 49L, 53L);
        assertThat(t.diagnostics()).allSatisfy(d -> assertThat(d.severity()).isEqualTo(Severity.WARNING));
        assertThat(t.diagnostics().get(0).message()).contains("action 0x11");
        assertThat(t.diagnostics().get(1).message()).contains("instruction 0x13");
        assertThat(t.diagnostics().get(2).message()).contains("bit width 12");
        // A 12-bit register spans two bytes.
        assertThat(t.regions())
                .singleElement()
                .extracting(DescribedRegion::length)
                .isEqualTo(2L);
    }

    @Test
    void truncatedHeaderIsReportedWithoutEntries() {
        LoadedTable t = decode(truncate(bytes(five), 44));

        assertThat(((ErstTable) t.table()).entries()).isEmpty();
        assertThat(t.regions()).isEmpty();
        assertThat(t.diagnostics()).anySatisfy(d -> {
            assertThat(d.offset()).isEqualTo(36);
            assertThat(d.message()).contains("truncated").contains("only 8");
        });
    }

    @Test
    void reservedEntryFlagsAreWarned() {
        LoadedTable t = decode(new ErstBuilder().entry(new ApeiInstruction(0x0, 0x3, 0x3, COMMAND, 1, 1)));

        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.offset()).isEqualTo(50);
            assertThat(d.message()).contains("ERST.entry[0]").contains("flags 0x3 sets reserved bits 0x2");
        });
    }
}
