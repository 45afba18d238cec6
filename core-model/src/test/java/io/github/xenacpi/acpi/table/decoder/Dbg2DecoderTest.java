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
import io.github.xenacpi.acpi.table.Dbg2Table;
import io.github.xenacpi.acpi.table.GenericAddress;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.platform.builder.Dbg2Builder;
import java.util.List;
import org.junit.jupiter.api.Test;

class Dbg2DecoderTest {

    private static final Dbg2Table.Register UART = Dbg2Builder.memory(0x0089_4000L, 0x1000);
    private static final Dbg2Table.Register USB_CORE = Dbg2Builder.memory(0x0A60_0000L, 0xF_FFFF);
    private static final Dbg2Table.Register USB_IO = new Dbg2Table.Register(new GenericAddress(1, 8, 0, 1, 0x2F8), 8);

    // Device 0 at 44: 22-byte fixed part, one GAS (66), one size (78), "\_SB.UAR0\0" (82), no OEM data.
    // Device 1 at 92: fixed part, two GAS (114, 126), two sizes (138, 142), "\_SB.URS0\0" (146), 3 OEM bytes (156).
    private final Dbg2Builder twoDevices = new Dbg2Builder()
            .device(Dbg2Table.PORT_SERIAL, 0x11, "\\_SB.UAR0", new byte[0], UART)
            .device(Dbg2Table.PORT_USB, 0x01, "\\_SB.URS0", new byte[] {1, 2, 3}, USB_CORE, USB_IO);

    @Test
    void everyDeviceRoundTrips() {
        LoadedTable t = decode(twoDevices);

        assertThat(t.checksumValid()).isTrue();
        assertThat(t.diagnostics()).isEmpty();
        Dbg2Table d = (Dbg2Table) t.table();
        assertThat(d.deviceInfoOffset()).isEqualTo(44);
        assertThat(d.deviceInfoCount()).isEqualTo(2);
        assertThat(d.devices())
                .containsExactly(
                        new Dbg2Table.Device(0, 48, Dbg2Table.PORT_SERIAL, 0x11, List.of(UART), "\\_SB.UAR0", 0, 0),
                        new Dbg2Table.Device(
                                0, 67, Dbg2Table.PORT_USB, 0x01, List.of(USB_CORE, USB_IO), "\\_SB.URS0", 64, 3));
        assertThat(d.header().length()).isEqualTo(44 + 48 + 67);
    }

    @Test
    void eachRegisterIsARegionAsLongAsItsAddressSize() {
        assertThat(decode(twoDevices).regions())
                .containsExactly(
                        new DescribedRegion(
                                RegionKind.DEBUG_PORT,
                                AddressSpace.SYSTEM_MEMORY,
                                0x0089_4000L,
                                0x1000,
                                "DBG2",
                                1,
                                70,
                                "DBG2.device[0].register[0]"),
                        new DescribedRegion(
                                RegionKind.DEBUG_PORT,
                                AddressSpace.SYSTEM_MEMORY,
                                0x0A60_0000L,
                                0xF_FFFF,
                                "DBG2",
                                1,
                                118,
                                "DBG2.device[1].register[0]"),
                        new DescribedRegion(
                                RegionKind.DEBUG_PORT,
                                AddressSpace.SYSTEM_IO,
                                0x2F8,
                                8,
                                "DBG2",
                                1,
                                130,
                                "DBG2.device[1].register[1]"));
    }

    @Test
    void arraysOutsideTheStructureAreErrorsAndGiveNoRegions() {
        byte[] b = bytes(twoDevices);
        LoadedTable gas = decode(fixChecksum(patch(b, 92 + 18, 60, 2)));
        LoadedTable sizes = decode(fixChecksum(patch(b, 92 + 20, 10, 2)));

        assertThat(gas.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.offset()).isEqualTo(110);
            assertThat(d.message()).contains("DBG2.device[1]").contains("base address register array");
        });
        assertThat(sizes.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(112);
            assertThat(d.message()).contains("address size array");
        });
        assertThat(gas.regions()).hasSize(1);
        assertThat(((Dbg2Table) gas.table()).devices().get(1).registers()).isEmpty();
    }

    @Test
    void registerCountThatDoesNotFitIsAnError() {
        LoadedTable t = decode(fixChecksum(patch(bytes(twoDevices), 92 + 3, 9, 1)));

        assertThat(t.diagnostics())
                .anySatisfy(d -> assertThat(d.message()).contains("108 bytes").contains("base address register array"));
    }

    @Test
    void namespaceAndOemDataOutsideTheStructureAreErrors() {
        byte[] b = bytes(twoDevices);
        LoadedTable ns = decode(fixChecksum(patch(b, 44 + 6, 200, 2)));
        LoadedTable oem = decode(fixChecksum(patch(b, 92 + 10, 66, 2)));
        LoadedTable noNul = decode(fixChecksum(patch(b, 82 + 9, 'X', 1)));

        assertThat(ns.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(48);
            assertThat(d.message()).contains("namespace string").contains("outside");
        });
        assertThat(oem.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(102);
            assertThat(d.message()).contains("OEM data");
        });
        assertThat(noNul.diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.message()).contains("not NUL-terminated"));
    }

    @Test
    void deviceInfoOffsetOutsideTheTableIsAnError() {
        LoadedTable t = decode(fixChecksum(patch(bytes(twoDevices), 36, 0x1000, 4)));

        assertThat(((Dbg2Table) t.table()).devices()).isEmpty();
        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(36);
            assertThat(d.message()).contains("0x1000").contains("2 devices");
        });
    }

    @Test
    void noDevicesAndAnOffsetBeyond2To31PointsTrailingBytesAtTheFixedPartsEnd() {
        byte[] b = patch(patch(bytes(twoDevices), 36, 0xFFFF_FF00L, 4), 40, 0, 4);
        LoadedTable t = decode(fixChecksum(b));

        assertThat(((Dbg2Table) t.table()).devices()).isEmpty();
        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(44);
            assertThat(d.message()).isEqualTo("DBG2: %d bytes follow the 0 declared devices", b.length - 44);
        });
    }

    @Test
    void countBeyondTheDevicesPresentIsAnError() {
        LoadedTable t = decode(fixChecksum(patch(bytes(twoDevices), 40, 3, 4)));

        assertThat(((Dbg2Table) t.table()).devices()).hasSize(2);
        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(40);
            assertThat(d.message()).contains("3 devices declared, the table ends after 2");
        });
    }

    @Test
    void zeroLengthDeviceStopsTheWalk() {
        LoadedTable t = decode(fixChecksum(patch(bytes(twoDevices), 92 + 1, 0, 2)));

        assertThat(((Dbg2Table) t.table()).devices()).hasSize(1);
        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(93);
            assertThat(d.message()).contains("length 0");
        });
    }

    @Test
    void truncatedDeviceIsCutAtTheTableEnd() {
        LoadedTable t = decode(truncate(bytes(twoDevices), 140));

        assertThat(t.diagnostics()).anySatisfy(d -> assertThat(d.message()).contains("truncated"));
        assertThat(t.diagnostics()).anySatisfy(d -> {
            assertThat(d.offset()).isEqualTo(93);
            assertThat(d.message()).contains("overruns");
        });
        assertThat(((Dbg2Table) t.table()).devices()).hasSize(2);
        assertThat(t.regions()).hasSize(1);
    }
}
