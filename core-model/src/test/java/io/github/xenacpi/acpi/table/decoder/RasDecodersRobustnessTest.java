package io.github.xenacpi.acpi.table.decoder;

import static io.github.xenacpi.acpi.table.TableFixtures.bytes;
import static io.github.xenacpi.acpi.table.TableFixtures.decode;
import static io.github.xenacpi.acpi.table.TableFixtures.fixChecksum;
import static io.github.xenacpi.acpi.table.TableFixtures.patch;
import static io.github.xenacpi.acpi.table.TableFixtures.truncate;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.table.AestTable;
import io.github.xenacpi.acpi.table.ApeiInstruction;
import io.github.xenacpi.acpi.table.GenericAddress;
import io.github.xenacpi.acpi.table.HestTable;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.PcctTable;
import io.github.xenacpi.acpi.table.Tpm2Table;
import io.github.xenacpi.acpi.table.WdatTable;
import io.github.xenacpi.platform.builder.AestBuilder;
import io.github.xenacpi.platform.builder.BertBuilder;
import io.github.xenacpi.platform.builder.EinjBuilder;
import io.github.xenacpi.platform.builder.ErstBuilder;
import io.github.xenacpi.platform.builder.HestBuilder;
import io.github.xenacpi.platform.builder.PcctBuilder;
import io.github.xenacpi.platform.builder.SdeiBuilder;
import io.github.xenacpi.platform.builder.TableBuilder;
import io.github.xenacpi.platform.builder.Tpm2Builder;
import io.github.xenacpi.platform.builder.WdatBuilder;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every truncation and every single-byte corruption of a builder-made sample of each RAS/security table decodes
 * without a decoder failure: the decoders report bad bytes, they never trip over them.
 */
class RasDecodersRobustnessTest {

    static Stream<TableBuilder> samples() {
        GenericAddress mem = GenericAddress.memory(0xFE00_0000L, 64);
        HestTable.Notification sea = HestTable.Notification.builder().type(8).build();
        HestTable.Common common = new HestTable.Common(0, true, 1, 1);
        HestTable.Bank bank = new HestTable.Bank(0, 1, 0, 0x400, 0, 0x401, 0x402, 0x403);
        PcctTable.RegisterWrite doorbell = new PcctTable.RegisterWrite(mem, 0, 1);
        PcctTable.RegisterMask check = new PcctTable.RegisterMask(mem, 1);
        AestTable.Interface mmio = new AestTable.Interface(1, 0, 0x5000_0000L, 0, 2, 3, 0, 0);
        return Stream.of(
                new BertBuilder().region(0x8000_0000L, 0x1000),
                new HestBuilder()
                        .source(new HestTable.Ia32MachineCheck(0, common, 1, 2, List.of(bank, bank)))
                        .source(new HestTable.Ia32BankedSource(11, 1, common, sea, List.of(bank)))
                        .source(new HestTable.Ia32Nmi(2, 1, 1, 1))
                        .source(new HestTable.PcieBridge(
                                3, common, new HestTable.AerSettings(0, 1, 2, 3, 4, 5, 6, 7), 1, 2, 3))
                        .source(HestTable.GhesV2.builder(HestTable.Ghes.builder()
                                        .sourceId(4)
                                        .relatedSourceId(0xFFFF)
                                        .enabled(true)
                                        .recordsToPreallocate(1)
                                        .maxSectionsPerRecord(1)
                                        .maxRawDataLength(1)
                                        .errorStatusAddress(mem)
                                        .notification(sea)
                                        .errorStatusBlockLength(0x100)
                                        .build())
                                .readAckRegister(mem)
                                .readAckWrite(1)
                                .build()),
                new ErstBuilder()
                        .entry(new ApeiInstruction(0, 3, 0, mem, 1, 1))
                        .entry(new ApeiInstruction(
                                5, 2, 0, new GenericAddress(AddressSpace.SYSTEM_IO.id(), 8, 0, 1, 0xB2), 1, 1)),
                new EinjBuilder().entry(new ApeiInstruction(0, 3, 0, mem, 1, 1)),
                new Tpm2Builder()
                        .revision(5)
                        .controlAddress(0xFED4_0040L)
                        .startMethod(13)
                        .parameters(new Tpm2Table.Mailbox(1, 2))
                        .logArea(0x100, 0x1000),
                new PcctBuilder()
                        .subspace(new PcctTable.Generic(0x8000_0000L, 0x100, doorbell, 1, 1, 1))
                        .subspace(PcctTable.Extended.builder()
                                .interrupt(new PcctTable.Interrupt(1, 0))
                                .baseAddress(0x8000_1000L)
                                .length(0x100)
                                .doorbell(doorbell)
                                .nominalLatency(1)
                                .maxPeriodicAccessRate(1)
                                .minTurnaroundTime(1)
                                .interruptAck(doorbell)
                                .commandCompleteCheck(check)
                                .commandCompleteUpdate(doorbell)
                                .errorStatus(check)
                                .build())
                        .subspace(new PcctTable.HwRegisters(0, 0x8000_2000L, 0x100, doorbell, check, check, 1, 1)),
                new SdeiBuilder(),
                new WdatBuilder().entry(new WdatTable.Entry(1, 2, mem, 1, 1)),
                new AestBuilder()
                        .node(new AestTable.Node(
                                0,
                                0,
                                0,
                                0,
                                new AestTable.Processor(0, 0, 0, 1, 0, 1),
                                Optional.of(mmio),
                                List.of(new AestTable.Interrupt(0, 0, 23, 0))))
                        .node(new AestTable.Node(4, 0, 0, 0, new AestTable.Gic(1, 0), Optional.of(mmio), List.of())));
    }

    private static void assertNoDecoderFailure(byte[] bytes) {
        LoadedTable t = decode(bytes);
        assertThat(t.diagnostics()).noneSatisfy(d -> assertThat(d.message()).contains("internal error"));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everyTruncationDecodes(TableBuilder builder) {
        byte[] whole = bytes(builder);
        for (int length = 36; length < whole.length; length++) {
            assertNoDecoderFailure(truncate(whole, length));
            assertNoDecoderFailure(fixChecksum(patch(truncate(whole, length), 4, length, 4)));
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everySingleByteCorruptionDecodes(TableBuilder builder) {
        byte[] whole = bytes(builder);
        for (int at = 36; at < whole.length; at++) {
            for (int value : new int[] {0x00, 0x01, 0x7F, 0x80, 0xFF}) {
                assertNoDecoderFailure(fixChecksum(patch(whole, at, value, 1)));
            }
        }
    }
}
