package io.github.xenacpi.acpi.table.decoder;

import static io.github.xenacpi.acpi.table.TableFixtures.bytes;
import static io.github.xenacpi.acpi.table.TableFixtures.decode;
import static io.github.xenacpi.acpi.table.TableFixtures.truncate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.TableFixtures;
import io.github.xenacpi.acpi.table.Tpm2Table;
import io.github.xenacpi.acpi.table.TpmStartMethod;
import io.github.xenacpi.platform.builder.Tpm2Builder;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class Tpm2DecoderTest {

    private static DescribedRegion crb(long base, long length, long offset, String path) {
        return new DescribedRegion(
                RegionKind.TPM_CRB, AddressSpace.SYSTEM_MEMORY, base, length, "TPM2", 1, offset, path);
    }

    @Test
    void crbWithLogAreaRoundTripsAndDescribesControlAreaAndLog() {
        LoadedTable t = decode(new Tpm2Builder()
                .revision(4)
                .platformClass(1)
                .controlAddress(0xFED4_0040L)
                .startMethod(7)
                .logArea(0x10000, 0x8000_0000L));

        assertThat(t.diagnostics()).isEmpty();
        Tpm2Table tpm = (Tpm2Table) t.table();
        assertThat(tpm.header().length()).isEqualTo(76);
        assertThat(tpm.platformClass()).isEqualTo(1);
        assertThat(tpm.controlAddress()).isEqualTo(0xFED4_0040L);
        assertThat(tpm.startMethodCode()).isEqualTo(7);
        assertThat(tpm.startMethod()).isEqualTo(TpmStartMethod.CRB);
        assertThat(tpm.parameters()).isEqualTo(new Tpm2Table.Opaque("000000000000000000000000"));
        assertThat(tpm.logArea()).contains(new Tpm2Table.LogArea(0x10000, 0x8000_0000L));
        assertThat(t.regions())
                .containsExactly(
                        new DescribedRegion(
                                RegionKind.TPM_EVENT_LOG,
                                AddressSpace.SYSTEM_MEMORY,
                                0x8000_0000L,
                                0x10000,
                                "TPM2",
                                1,
                                68,
                                "TPM2.logArea.startAddress"),
                        crb(0xFED4_0040L, 0, 40, "TPM2.controlAddress"));
    }

    @Test
    void armSmcParametersAreDecoded() {
        Tpm2Table.ArmSmc smc = new Tpm2Table.ArmSmc(0x2A, 0x3, 0x1, 0x5, 0xC200_0101L);
        LoadedTable t = decode(new Tpm2Builder()
                .revision(4)
                .controlAddress(0x1_0000_0000L)
                .startMethod(11)
                .parameters(smc));

        assertThat(t.diagnostics()).isEmpty();
        Tpm2Table tpm = (Tpm2Table) t.table();
        assertThat(tpm.startMethod()).isEqualTo(TpmStartMethod.CRB_WITH_ARM_SMC);
        assertThat(tpm.startMethod().label()).contains("Arm SMC");
        assertThat(tpm.parameters()).isEqualTo(smc);
        assertThat(tpm.logArea()).isEmpty();
        assertThat(t.regions()).containsExactly(crb(0x1_0000_0000L, 0, 40, "TPM2.controlAddress"));
    }

    @Test
    void ffaParametersAndRevision5LogAreaAreDecoded() {
        Tpm2Table.Ffa ffa = new Tpm2Table.Ffa(1, 2, 0x8003);
        LoadedTable t = decode(new Tpm2Builder()
                .revision(5)
                .controlAddress(0x9000_0000L)
                .startMethod(15)
                .parameters(ffa)
                .logArea(0x4000, 0x9100_0000L));

        assertThat(t.diagnostics()).isEmpty();
        Tpm2Table tpm = (Tpm2Table) t.table();
        assertThat(tpm.header().length()).isEqualTo(80);
        assertThat(tpm.startMethod()).isEqualTo(TpmStartMethod.CRB_WITH_FFA);
        assertThat(tpm.parameters()).isEqualTo(ffa);
        assertThat(tpm.logArea()).contains(new Tpm2Table.LogArea(0x4000, 0x9100_0000L));
        assertThat(t.regions())
                .extracting(DescribedRegion::kind, DescribedRegion::offset)
                .containsExactlyInAnyOrder(tuple(RegionKind.TPM_CRB, 40L), tuple(RegionKind.TPM_EVENT_LOG, 72L));
    }

    @Test
    void mailboxRegistersAreRegionsOfFourBytes() {
        LoadedTable t = decode(new Tpm2Builder()
                .revision(5)
                .controlAddress(0xFED4_0040L)
                .startMethod(13)
                .parameters(new Tpm2Table.Mailbox(0xFED4_1000L, 0xFED4_1004L)));

        assertThat(t.diagnostics()).isEmpty();
        assertThat(((Tpm2Table) t.table()).parameters()).isEqualTo(new Tpm2Table.Mailbox(0xFED4_1000L, 0xFED4_1004L));
        assertThat(t.regions())
                .containsExactly(
                        crb(0xFED4_1000L, 4, 52, "TPM2.parameters.startAddress"),
                        crb(0xFED4_1004L, 4, 60, "TPM2.parameters.replyAddress"),
                        crb(0xFED4_0040L, 0, 40, "TPM2.controlAddress"));
    }

    @Test
    void mailboxParametersDoNotFitARevision4Table() {
        LoadedTable t = decode(new Tpm2Builder()
                .revision(4)
                .controlAddress(0xFED4_0040L)
                .startMethod(13)
                .parameters(new Tpm2Table.Opaque("0010d4fe000000000410d4fe")));

        assertThat(((Tpm2Table) t.table()).parameters()).isInstanceOf(Tpm2Table.Opaque.class);
        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.offset()).isEqualTo(52);
            assertThat(d.message()).contains("needs 16 bytes").contains("provides 12");
        });
    }

    @Test
    void qualcommStyleRevision3TableWithReservedStartMethod() {
        LoadedTable t = decode(new Tpm2Builder()
                .revision(3)
                .controlAddress(0x81F1_0000L)
                .startMethod(9)
                .parameters(new Tpm2Table.Opaque("010000000000000000000000"))
                .logArea(0, 0)
                .trailingZeros(8));

        Tpm2Table tpm = (Tpm2Table) t.table();
        assertThat(tpm.header().length()).isEqualTo(84);
        assertThat(tpm.startMethod()).isEqualTo(TpmStartMethod.RESERVED);
        assertThat(tpm.parameters()).isEqualTo(new Tpm2Table.Opaque("010000000000000000000000"));
        assertThat(tpm.logArea()).contains(new Tpm2Table.LogArea(0, 0));
        assertThat(t.regions()).containsExactly(crb(0x81F1_0000L, 0, 40, "TPM2.controlAddress"));
        assertThat(t.diagnostics())
                .extracting(d -> d.severity(), d -> d.offset())
                .containsExactlyInAnyOrder(
                        tuple(Severity.WARNING, 48L), tuple(Severity.INFO, 64L), tuple(Severity.INFO, 76L));
        assertThat(t.diagnostics()).anySatisfy(d -> assertThat(d.message()).contains("start method 9"));
    }

    @Test
    void unsetStartMethodAndMissingControlAreaAreErrors() {
        LoadedTable zero = decode(new Tpm2Builder().startMethod(0).controlAddress(0xFED4_0040L));
        assertThat(zero.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.offset()).isEqualTo(48);
            assertThat(d.message()).contains("start method 0");
        });

        LoadedTable noArea = decode(new Tpm2Builder().startMethod(8).controlAddress(0));
        assertThat(noArea.regions()).isEmpty();
        assertThat(noArea.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.offset()).isEqualTo(40);
            assertThat(d.message()).contains("control address is 0");
        });
    }

    @Test
    void fifoInterfaceAddressIsNotACrbControlArea() {
        LoadedTable t = decode(new Tpm2Builder().startMethod(6).controlAddress(0xFED4_0000L));

        assertThat(t.diagnostics()).isEmpty();
        assertThat(((Tpm2Table) t.table()).startMethod()).isEqualTo(TpmStartMethod.MEMORY_MAPPED);
        assertThat(t.regions()).isEmpty();
    }

    @Test
    void halfSetLogAreaAndCutLogFieldsAreWarnings() {
        LoadedTable half = decode(new Tpm2Builder().controlAddress(0xFED4_0040L).logArea(0, 0x8000_0000L));
        assertThat(half.regions()).extracting(DescribedRegion::kind).containsExactly(RegionKind.TPM_CRB);
        assertThat(half.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.offset()).isEqualTo(68);
            assertThat(d.message()).contains("both or neither");
        });

        byte[] cut =
                truncate(bytes(new Tpm2Builder().controlAddress(0xFED4_0040L).logArea(0x100, 0x1000)), 70);
        LoadedTable t = decode(TableFixtures.fixChecksum(TableFixtures.patch(cut, 4, 70, 4)));
        assertThat(((Tpm2Table) t.table()).logArea()).isEmpty();
        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.offset()).isEqualTo(64);
            assertThat(d.message()).contains("6 bytes");
        });
    }

    @Test
    void platformClassAboveServerIsAWarningFromRevision4() {
        LoadedTable t = decode(new Tpm2Builder().platformClass(2).controlAddress(0xFED4_0040L));

        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(36);
            assertThat(d.message()).contains("platform class 2");
        });
    }

    @Test
    void truncatedBodyIsReportedAndDescribesNothing() {
        LoadedTable t = decode(truncate(bytes(new Tpm2Builder().controlAddress(0xFED4_0040L)), 46));

        assertThat(t.regions()).isEmpty();
        assertThat(((Tpm2Table) t.table()).logArea()).isEqualTo(Optional.empty());
        assertThat(t.diagnostics()).anySatisfy(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.offset()).isEqualTo(36);
            assertThat(d.message()).contains("truncated");
        });
    }

    @Test
    void startMethodNamesFollowTheTcgTable() {
        assertThat(TpmStartMethod.of(2)).isEqualTo(TpmStartMethod.ACPI);
        assertThat(TpmStartMethod.of(8)).isEqualTo(TpmStartMethod.CRB_WITH_ACPI);
        assertThat(TpmStartMethod.of(11).code()).isEqualTo(11);
        assertThat(TpmStartMethod.of(15)).isEqualTo(TpmStartMethod.CRB_WITH_FFA);
        assertThat(TpmStartMethod.of(14)).isEqualTo(TpmStartMethod.RESERVED);
        assertThat(TpmStartMethod.of(0x1_0000_0007L)).isEqualTo(TpmStartMethod.RESERVED);
    }
}
