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
import io.github.xenacpi.acpi.table.GenericAddress;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.SpcrTable;
import io.github.xenacpi.platform.builder.SpcrBuilder;
import org.junit.jupiter.api.Test;

class SpcrDecoderTest {

    private static final GenericAddress UART = GenericAddress.memory(0x0089_4000L, 32);

    private static SpcrBuilder everyField(int revision) {
        return new SpcrBuilder()
                .revision(revision)
                .baseAddress(UART)
                .namespace("\\_SB.UAR0")
                .set("interfaceType", SpcrTable.ARM_SBSA_GENERIC_UART)
                .set("interruptType", SpcrTable.INTERRUPT_GIC)
                .set("irq", 4)
                .set("gsiv", 0x3C)
                .set("configuredBaudRate", 7)
                .set("parity", 0)
                .set("stopBits", 1)
                .set("flowControl", 2)
                .set("terminalType", 3)
                .set("language", 0)
                .set("pciDeviceId", 0xFFFF)
                .set("pciVendorId", 0xFFFF)
                .set("pciBus", 1)
                .set("pciDevice", 2)
                .set("pciFunction", 3)
                .set("pciFlags", 1)
                .set("pciSegment", 4)
                .set("uartClockFrequency", 1_843_200)
                .set("preciseBaudRate", 1_500_000);
    }

    @Test
    void revision4RoundTripsEveryFieldAndTheNamespaceString() {
        LoadedTable t = decode(everyField(4));

        assertThat(t.checksumValid()).isTrue();
        assertThat(t.diagnostics()).isEmpty();
        SpcrTable s = (SpcrTable) t.table();
        assertThat(s)
                .isEqualTo(SpcrTable.builder()
                        .header(s.header())
                        .interfaceType(0x0E)
                        .baseAddress(UART)
                        .interruptType(8)
                        .irq(4)
                        .gsiv(0x3C)
                        .configuredBaudRate(7)
                        .parity(0)
                        .stopBits(1)
                        .flowControl(2)
                        .terminalType(3)
                        .language(0)
                        .pciDeviceId(0xFFFF)
                        .pciVendorId(0xFFFF)
                        .pciBus(1)
                        .pciDevice(2)
                        .pciFunction(3)
                        .pciFlags(1)
                        .pciSegment(4)
                        .uartClockFrequency(1_843_200)
                        .preciseBaudRate(1_500_000)
                        .namespaceString("\\_SB.UAR0")
                        .build());
        assertThat(s.header().length()).isEqualTo(88 + 10);
    }

    @Test
    void memoryMappedUartIsTheRegisterTheGasDescribes() {
        LoadedTable t = decode(everyField(4));

        assertThat(t.regions())
                .containsExactly(new DescribedRegion(
                        RegionKind.SERIAL_PORT,
                        AddressSpace.SYSTEM_MEMORY,
                        0x0089_4000L,
                        ((SpcrTable) t.table()).baseAddress().byteLength(),
                        "SPCR",
                        1,
                        44,
                        "SPCR.baseAddress"));
    }

    @Test
    void ioPortUartStaysInIoSpace() {
        LoadedTable t = decode(new SpcrBuilder().revision(2).baseAddress(new GenericAddress(1, 8, 0, 1, 0x3F8)));

        assertThat(t.regions())
                .containsExactly(new DescribedRegion(
                        RegionKind.SERIAL_PORT, AddressSpace.SYSTEM_IO, 0x3F8, 1, "SPCR", 1, 44, "SPCR.baseAddress"));
    }

    @Test
    void revision2HasNoClockAndItsReservedWordIsChecked() {
        LoadedTable rev2 = decode(everyField(2));
        LoadedTable rev3 = decode(everyField(3));

        assertThat(rev2.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.offset()).isEqualTo(76);
        });
        SpcrTable two = (SpcrTable) rev2.table();
        assertThat(two.header().length()).isEqualTo(80);
        assertThat(two.uartClockFrequency()).isZero();
        assertThat(two.preciseBaudRate()).isZero();
        assertThat(two.namespaceString()).isEmpty();
        assertThat(rev3.diagnostics()).isEmpty();
        assertThat(((SpcrTable) rev3.table()).uartClockFrequency()).isEqualTo(1_843_200);
    }

    @Test
    void namespaceStringWithoutNulIsAnError() {
        byte[] b = bytes(everyField(4));
        LoadedTable t = decode(fixChecksum(patch(b, b.length - 1, 'X', 1)));

        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(b.length - 1);
            assertThat(d.message()).contains("not NUL-terminated");
        });
    }

    @Test
    void namespaceStringOutsideTheTableIsAnError() {
        LoadedTable past = decode(fixChecksum(patch(bytes(everyField(4)), 86, 0x200, 2)));
        LoadedTable inside = decode(fixChecksum(patch(bytes(everyField(4)), 86, 40, 2)));
        LoadedTable empty = decode(fixChecksum(patch(bytes(everyField(4)), 84, 0, 2)));

        assertThat(past.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(84);
            assertThat(d.message()).contains("0x200").contains("outside");
        });
        assertThat(inside.diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.message()).contains("0x28").contains("outside"));
        assertThat(empty.diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.message()).contains("length is 0"));
        assertThat(((SpcrTable) past.table()).namespaceString()).isEmpty();
    }

    @Test
    void truncatedTableIsAnErrorAndKeepsTheFieldsPresent() {
        LoadedTable t = decode(truncate(bytes(everyField(4)), 60));

        assertThat(t.diagnostics()).anySatisfy(d -> {
            assertThat(d.offset()).isEqualTo(60);
            assertThat(d.message()).contains("revision 4 needs 88 bytes, only 60");
        });
        SpcrTable s = (SpcrTable) t.table();
        assertThat(s.baseAddress()).isEqualTo(UART);
        assertThat(s.parity()).isZero();
        assertThat(t.regions()).hasSize(1);
    }

    @Test
    void consoleWithoutAddressIsAWarningAndNoRegion() {
        LoadedTable t = decode(new SpcrBuilder().baseAddress(new GenericAddress(0, 0, 0, 0, 0)));

        assertThat(t.regions()).isEmpty();
        assertThat(t.diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.offset()).isEqualTo(44));
    }
}
