package io.github.xenacpi.acpi.table;

import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.List;

/**
 * The Debug Port Table 2 (Microsoft DBG2 specification): the debug devices, each with its port type and subtype,
 * its registers (Generic Addresses with their sizes), its ACPI namespace path and where its OEM data lies.
 */
public record Dbg2Table(TableHeader header, long deviceInfoOffset, long deviceInfoCount, List<Device> devices)
        implements AcpiTable {

    /** Port type of serial debug devices. */
    public static final int PORT_SERIAL = 0x8000;
    /** Port type of IEEE 1394 debug devices. */
    public static final int PORT_1394 = 0x8001;
    /** Port type of USB debug devices. */
    public static final int PORT_USB = 0x8002;
    /** Port type of network debug devices. */
    public static final int PORT_NET = 0x8003;

    public Dbg2Table {
        devices = List.copyOf(devices);
    }

    /**
     * One debug device information structure. {@code oemDataOffset} is relative to the structure's start, as in
     * the table; both OEM fields are 0 when there is no OEM data.
     */
    public record Device(
            int revision,
            int length,
            int portType,
            int portSubtype,
            List<Register> registers,
            String namespaceString,
            int oemDataOffset,
            int oemDataLength) {

        public Device {
            registers = List.copyOf(registers);
        }
    }

    /** One register of a debug device: where it is and how many bytes it spans. */
    public record Register(GenericAddress address, long size) {}
}
