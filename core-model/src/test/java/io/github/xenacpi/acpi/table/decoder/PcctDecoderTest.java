package io.github.xenacpi.acpi.table.decoder;

import static io.github.xenacpi.acpi.table.TableFixtures.bytes;
import static io.github.xenacpi.acpi.table.TableFixtures.decode;
import static io.github.xenacpi.acpi.table.TableFixtures.fixChecksum;
import static io.github.xenacpi.acpi.table.TableFixtures.patch;
import static io.github.xenacpi.acpi.table.TableFixtures.truncate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.GenericAddress;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.PcctTable;
import io.github.xenacpi.acpi.table.PcctTable.Interrupt;
import io.github.xenacpi.acpi.table.PcctTable.RegisterMask;
import io.github.xenacpi.acpi.table.PcctTable.RegisterWrite;
import io.github.xenacpi.platform.builder.PcctBuilder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PcctDecoderTest {

    private static RegisterWrite write(long address, int bits) {
        return new RegisterWrite(GenericAddress.memory(address, bits), 0xFFFF_FFFF_FFFF_FF00L, 0x1);
    }

    private static RegisterMask mask(long address, int bits) {
        return new RegisterMask(GenericAddress.memory(address, bits), 0x1);
    }

    /** The type 1 subspace the tests share, with the given platform interrupt. */
    private static PcctTable.HwReduced.Builder reduced(Interrupt interrupt) {
        return PcctTable.HwReduced.builder()
                .interrupt(interrupt)
                .baseAddress(0x8000_1000L)
                .length(0x1000)
                .doorbell(write(0x9000_0010L, 32))
                .nominalLatency(100)
                .maxPeriodicAccessRate(50)
                .minTurnaroundTime(10);
    }

    private static final PcctTable.Generic GENERIC =
            new PcctTable.Generic(0x8000_0000L, 0x1000, write(0x9000_0000L, 32), 100, 50, 10);
    private static final PcctTable.HwReduced REDUCED_1 =
            reduced(new Interrupt(0x40, 1)).build();
    private static final PcctTable.HwReduced REDUCED_2 = PcctTable.HwReduced.builder()
            .type(2)
            .interrupt(new Interrupt(0x41, 3))
            .baseAddress(0x8000_2000L)
            .length(0x1000)
            .doorbell(write(0x9000_0020L, 32))
            .nominalLatency(100)
            .maxPeriodicAccessRate(50)
            .minTurnaroundTime(10)
            .interruptAck(write(0x9000_0024L, 32))
            .build();
    private static final PcctTable.Extended MASTER = PcctTable.Extended.builder()
            .type(3)
            .interrupt(new Interrupt(0x42, 0))
            .baseAddress(0x8000_3000L)
            .length(0x100)
            .doorbell(write(0x9000_0030L, 64))
            .nominalLatency(200)
            .minTurnaroundTime(5)
            .interruptAck(write(0x9000_0038L, 32))
            .commandCompleteCheck(mask(0x9000_0040L, 32))
            .commandCompleteUpdate(write(0x9000_0044L, 32))
            .errorStatus(mask(0x9000_0048L, 32))
            .build();
    private static final PcctTable.Extended SLAVE = PcctTable.Extended.builder()
            .type(4)
            .interrupt(new Interrupt(0x43, 0))
            .baseAddress(0x8000_4000L)
            .length(0x100)
            .doorbell(write(0x9000_0050L, 64))
            .nominalLatency(200)
            .minTurnaroundTime(5)
            .interruptAck(write(0x9000_0058L, 32))
            .commandCompleteCheck(mask(0x9000_0060L, 32))
            .commandCompleteUpdate(write(0x9000_0064L, 32))
            .errorStatus(mask(0x9000_0068L, 32))
            .build();
    private static final PcctTable.HwRegisters REGISTERS = new PcctTable.HwRegisters(
            0, 0x8000_5000L, 0x100, write(0x9000_0070L, 32), mask(0x9000_0074L, 32), mask(0x9000_0078L, 32), 300, 7);

    private static DescribedRegion region(RegionKind kind, long base, long length, long offset, String path) {
        return new DescribedRegion(kind, AddressSpace.SYSTEM_MEMORY, base, length, "PCCT", 1, offset, path);
    }

    @Test
    void everySubspaceTypeRoundTrips() {
        LoadedTable t = decode(new PcctBuilder()
                .flags(PcctTable.FLAG_PLATFORM_INTERRUPT)
                .subspace(GENERIC)
                .subspace(REDUCED_1)
                .subspace(REDUCED_2)
                .subspace(MASTER)
                .subspace(SLAVE)
                .subspace(REGISTERS));

        assertThat(t.diagnostics()).isEmpty();
        PcctTable pcct = (PcctTable) t.table();
        assertThat(pcct.flags()).isEqualTo(1);
        assertThat(pcct.subspaces()).containsExactly(GENERIC, REDUCED_1, REDUCED_2, MASTER, SLAVE, REGISTERS);
        assertThat(pcct.subspaces()).extracting(PcctTable.Subspace::type).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(pcct.header().length()).isEqualTo(48 + 62 + 62 + 90 + 164 + 164 + 96);
        assertThat(t.regions()).hasSize(2 + 2 + 3 + 6 + 6 + 4);
    }

    @Test
    void absentRegistersRoundTripAsAllZerosAndANullOneIsRefused() {
        RegisterWrite none = new RegisterWrite(new GenericAddress(0, 0, 0, 0, 0), 0, 0);
        PcctTable.HwReduced reduced2 = PcctTable.HwReduced.builder()
                .type(2)
                .baseAddress(0x8000_2000L)
                .length(0x1000)
                .doorbell(write(0x9000_0020L, 32))
                .build();
        PcctTable.Extended bare = PcctTable.Extended.builder()
                .baseAddress(0x8000_3000L)
                .length(0x100)
                .doorbell(write(0x9000_0030L, 64))
                .build();
        LoadedTable t = decode(new PcctBuilder().subspace(reduced2).subspace(bare));

        // The decoder reads zeros as an all-zero register, which is where the record builders start them.
        assertThat(((PcctTable) t.table()).subspaces()).containsExactly(reduced2, bare);
        assertThat(reduced2.interruptAck()).isEqualTo(none);
        assertThat(bare.errorStatus().register()).isEqualTo(none.register());
        PcctTable.Extended nullAck =
                PcctTable.Extended.builder().interruptAck(null).build();
        assertThatThrownBy(() -> bytes(new PcctBuilder().subspace(nullAck)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("all zeros, not null");
        PcctTable.Generic nullAddress =
                new PcctTable.Generic(0x8000_0000L, 0x1000, new RegisterWrite(null, 0, 1), 0, 0, 0);
        assertThatThrownBy(() -> bytes(new PcctBuilder().subspace(nullAddress)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("all zeros, not null");
        PcctTable.HwReduced ackOnType1 =
                reduced(new Interrupt(0x40, 1)).interruptAck(none).build();
        assertThatThrownBy(() -> bytes(new PcctBuilder().subspace(ackOnType1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("type 1 PCC subspace has no acknowledge register");
    }

    @Test
    void genericSubspaceDescribesSharedMemoryAndDoorbell() {
        LoadedTable t = decode(new PcctBuilder().subspace(GENERIC));

        assertThat(t.regions())
                .containsExactly(
                        region(RegionKind.PCC_SHARED_MEMORY, 0x8000_0000L, 0x1000, 56, "PCCT.subspace[0].baseAddress"),
                        region(RegionKind.PCC_DOORBELL, 0x9000_0000L, 4, 76, "PCCT.subspace[0].doorbell"));
    }

    @Test
    void extendedSubspaceDescribesEveryRegister() {
        LoadedTable t = decode(new PcctBuilder().subspace(MASTER));

        assertThat(t.regions())
                .containsExactly(
                        region(RegionKind.PCC_SHARED_MEMORY, 0x8000_3000L, 0x100, 56, "PCCT.subspace[0].baseAddress"),
                        region(RegionKind.PCC_DOORBELL, 0x9000_0030L, 8, 72, "PCCT.subspace[0].doorbell"),
                        region(RegionKind.PCC_REGISTER, 0x9000_0038L, 4, 112, "PCCT.subspace[0].ackRegister"),
                        region(RegionKind.PCC_REGISTER, 0x9000_0040L, 4, 148, "PCCT.subspace[0].commandCompleteCheck"),
                        region(RegionKind.PCC_REGISTER, 0x9000_0044L, 4, 168, "PCCT.subspace[0].commandCompleteUpdate"),
                        region(RegionKind.PCC_REGISTER, 0x9000_0048L, 4, 196, "PCCT.subspace[0].errorStatus"));
    }

    @Test
    void hwRegistersSubspaceDescribesItsRegisters() {
        LoadedTable t = decode(new PcctBuilder().subspace(REGISTERS));

        assertThat(t.regions())
                .containsExactly(
                        region(RegionKind.PCC_SHARED_MEMORY, 0x8000_5000L, 0x100, 52, "PCCT.subspace[0].baseAddress"),
                        region(RegionKind.PCC_DOORBELL, 0x9000_0070L, 4, 72, "PCCT.subspace[0].doorbell"),
                        region(RegionKind.PCC_REGISTER, 0x9000_0074L, 4, 100, "PCCT.subspace[0].commandCompleteCheck"),
                        region(RegionKind.PCC_REGISTER, 0x9000_0078L, 4, 120, "PCCT.subspace[0].errorStatus"));
    }

    @Test
    void unknownSubspaceTypeIsSkippedByItsLength() {
        LoadedTable t =
                decode(new PcctBuilder().subspace(new PcctTable.Unknown(9, 10)).subspace(GENERIC));

        assertThat(((PcctTable) t.table()).subspaces()).containsExactly(new PcctTable.Unknown(9, 10), GENERIC);
        assertThat(t.regions()).hasSize(2);
        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.offset()).isEqualTo(48);
            assertThat(d.message()).contains("subspace type 9");
        });
    }

    @Test
    void zeroLengthSubspaceEndsTheWalk() {
        byte[] b = bytes(new PcctBuilder().subspace(GENERIC).subspace(GENERIC));
        LoadedTable t = decode(fixChecksum(patch(b, 48 + 62 + 1, 0, 1)));

        assertThat(((PcctTable) t.table()).subspaces()).containsExactly(GENERIC);
        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.offset()).isEqualTo(111);
            assertThat(d.message()).contains("length 0");
        });
    }

    @Test
    void subspaceShorterThanItsTypeIsReportedAndReadAsFarAsItGoes() {
        byte[] b = truncate(patch(bytes(new PcctBuilder().subspace(GENERIC)), 49, 40, 1), 48 + 40);
        LoadedTable t = decode(fixChecksum(patch(b, 4, b.length, 4)));

        PcctTable.Generic g =
                (PcctTable.Generic) ((PcctTable) t.table()).subspaces().get(0);
        assertThat(g.baseAddress()).isEqualTo(0x8000_0000L);
        assertThat(g.doorbell().register()).isEqualTo(GenericAddress.memory(0x9000_0000L, 32));
        assertThat(g.doorbell().write()).isZero();
        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(48);
            assertThat(d.message()).contains("length 40 is less than the 62 bytes");
        });
    }

    @Test
    void longerSubspaceAndNullSharedMemoryAreReported() {
        PcctTable.Generic noMemory = new PcctTable.Generic(0, 0, write(0x9000_0000L, 32), 1, 1, 1);
        byte[] b = bytes(new PcctBuilder().subspace(noMemory));
        byte[] longer = Arrays.copyOf(b, b.length + 2);
        LoadedTable t = decode(fixChecksum(patch(patch(longer, 4, longer.length, 4), 49, 64, 1)));

        assertThat(t.regions()).extracting(DescribedRegion::kind).containsExactly(RegionKind.PCC_DOORBELL);
        assertThat(t.diagnostics())
                .extracting(Diagnostic::offset, Diagnostic::severity)
                .containsExactly(tuple(49L, Severity.WARNING), tuple(56L, Severity.ERROR));
    }

    @Test
    void sharedMemoryPastTheAddressSpaceIsAnError() {
        LoadedTable t = decode(new PcctBuilder()
                .subspace(new PcctTable.Generic(0xFFFF_FFFF_FFFF_0000L, 0x2_0000, write(0x9000_0000L, 32), 1, 1, 1))
                .subspace(new PcctTable.Generic(0x8000_0000L, -1L, write(0x9000_0010L, 32), 1, 1, 1)));

        assertThat(t.regions())
                .extracting(DescribedRegion::kind)
                .containsExactly(RegionKind.PCC_DOORBELL, RegionKind.PCC_DOORBELL);
        assertThat(t.diagnostics()).extracting(Diagnostic::offset).containsExactly(64L, 126L);
        assertThat(t.diagnostics()).allSatisfy(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.message()).contains("run past the end of the 64-bit address space");
        });
    }

    @Test
    void reservedFlagBitsAndSlaveWithoutPlatformInterruptAreReported() {
        PcctTable.HwReduced oddInterrupt = reduced(new Interrupt(0x40, 0x5)).build();
        LoadedTable t =
                decode(new PcctBuilder().flags(0x2).subspace(oddInterrupt).subspace(SLAVE));

        assertThat(t.diagnostics())
                .extracting(Diagnostic::offset, Diagnostic::severity)
                .containsExactly(
                        tuple(36L, Severity.WARNING), tuple(54L, Severity.WARNING), tuple(36L, Severity.ERROR));
        assertThat(t.diagnostics().get(0).message()).contains("flags 0x2 sets reserved bits 0x2");
        assertThat(t.diagnostics().get(1).message()).contains("platform interrupt flags 0x5");
        assertThat(t.diagnostics().get(2).message()).contains("slave subspace (type 4)");
    }
}
