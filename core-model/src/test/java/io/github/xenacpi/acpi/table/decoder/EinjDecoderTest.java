package io.github.xenacpi.acpi.table.decoder;

import static io.github.xenacpi.acpi.table.TableFixtures.decode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.ApeiInstruction;
import io.github.xenacpi.acpi.table.EinjTable;
import io.github.xenacpi.acpi.table.GenericAddress;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.platform.builder.EinjBuilder;
import org.junit.jupiter.api.Test;

class EinjDecoderTest {

    private static final GenericAddress PARAMS = GenericAddress.memory(0xFD00_0000L, 64);
    private static final ApeiInstruction BEGIN = new ApeiInstruction(0x0, 0x3, 0, PARAMS, 0x1, 0xFF);
    private static final ApeiInstruction SET_TYPE =
            new ApeiInstruction(0x2, 0x2, 0, GenericAddress.memory(0xFD00_0010L, 32), 0, 0xFFFF_FFFFL);
    private static final ApeiInstruction EXECUTE = new ApeiInstruction(
            0x5, 0x3, 0, new GenericAddress(AddressSpace.SYSTEM_IO.id(), 8, 0, 1, 0xB2), 0x9A, 0xFF);
    private static final ApeiInstruction END = new ApeiInstruction(0x4, 0x3, 0, PARAMS, 0x0, 0xFF);

    @Test
    void injectionHeaderAndEntriesRoundTripAndRegistersAreRegions() {
        LoadedTable t = decode(
                new EinjBuilder().entry(BEGIN).entry(SET_TYPE).entry(EXECUTE).entry(END));

        assertThat(t.diagnostics()).isEmpty();
        EinjTable einj = (EinjTable) t.table();
        assertThat(einj.headerLength()).isEqualTo(12);
        assertThat(einj.flags()).isZero();
        assertThat(einj.entryCount()).isEqualTo(4);
        assertThat(einj.entries()).containsExactly(BEGIN, SET_TYPE, EXECUTE, END);
        assertThat(t.regions())
                .containsExactly(
                        new DescribedRegion(
                                RegionKind.EINJ_REGISTER,
                                AddressSpace.SYSTEM_MEMORY,
                                0xFD00_0000L,
                                8,
                                "EINJ",
                                1,
                                56,
                                "EINJ.entry[0].register"),
                        new DescribedRegion(
                                RegionKind.EINJ_REGISTER,
                                AddressSpace.SYSTEM_MEMORY,
                                0xFD00_0010L,
                                4,
                                "EINJ",
                                1,
                                88,
                                "EINJ.entry[1].register"),
                        new DescribedRegion(
                                RegionKind.EINJ_REGISTER,
                                AddressSpace.SYSTEM_IO,
                                0xB2,
                                1,
                                "EINJ",
                                1,
                                120,
                                "EINJ.entry[2].register"));
    }

    @Test
    void injectionFlagsHeaderSizeAndCountAreChecked() {
        LoadedTable t = decode(
                new EinjBuilder().headerLength(16).flags(0x3).entryCount(9).entry(BEGIN));

        assertThat(t.diagnostics())
                .extracting(Diagnostic::offset, Diagnostic::severity)
                .containsExactly(tuple(36L, Severity.ERROR), tuple(40L, Severity.WARNING), tuple(44L, Severity.ERROR));
        assertThat(t.diagnostics().get(0).message()).contains("header length 16");
        assertThat(t.diagnostics().get(1).message()).contains("flags 0x3");
        assertThat(t.diagnostics().get(2).message())
                .contains("entry count is 9")
                .contains("holds 1");
    }

    @Test
    void triggerErrorActionBelongsToTheTriggerTableOnly() {
        LoadedTable t = decode(new EinjBuilder().entry(new ApeiInstruction(0xFF, 0x3, 0, PARAMS, 0, 0)));

        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.offset()).isEqualTo(48);
            assertThat(d.message()).contains("action 0xFF is not defined for EINJ");
        });
    }

    @Test
    void erstOnlyActionsAndInstructionsAreUndefinedHere() {
        LoadedTable t = decode(new EinjBuilder().entry(new ApeiInstruction(0x0A, 0x05, 0, PARAMS, 0, 0)));

        assertThat(t.diagnostics()).extracting(Diagnostic::offset).containsExactly(48L, 49L);
        assertThat(t.diagnostics().get(0).message()).contains("action 0xA is not defined for EINJ");
        assertThat(t.diagnostics().get(1).message()).contains("instruction 0x5");
    }
}
