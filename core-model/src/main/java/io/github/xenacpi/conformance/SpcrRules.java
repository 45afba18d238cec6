package io.github.xenacpi.conformance;

import static io.github.xenacpi.acpi.Severity.ERROR;
import static io.github.xenacpi.acpi.Severity.WARNING;

import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.table.Dbg2Table;
import io.github.xenacpi.acpi.table.GenericAddress;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.SpcrTable;
import io.github.xenacpi.acpi.table.decoder.SpcrDecoder;
import io.github.xenacpi.acpi.table.layout.TableHeader;

/** The SPCR console: a known interface, a usable base address, defined serial settings, and DBG2 agreement. */
final class SpcrRules implements RuleSet {

    private static final String SPCR = "Microsoft SPCR specification (revision 4)";

    static final Rule INTERFACE_TYPE = Rule.of(
                    "SPCR.INTERFACE_TYPE",
                    ERROR,
                    "The interface type is defined",
                    "Linux acpi_parse_spcr picks the earlycon driver by interface type; a reserved type gets no console.",
                    SPCR + "; Microsoft DBG2 serial subtypes; Linux acpi_parse_spcr")
            .fwts("SPCRInterfaceReserved");
    static final Rule BASE_ZERO = Rule.of(
            "SPCR.BASE_ADDRESS.ZERO",
            ERROR,
            "The console has a base address",
            "A console at address 0 cannot be used; Linux acpi_parse_spcr would set up earlycon at page 0.",
            SPCR + "; Linux acpi_parse_spcr");
    static final Rule BASE_SPACE = Rule.of(
            "SPCR.BASE_ADDRESS.SPACE",
            ERROR,
            "The console is in system memory or I/O space",
            "Linux acpi_parse_spcr handles only memory-mapped (mmio) and port I/O consoles.",
            SPCR + "; Linux acpi_parse_spcr");
    static final Rule ACCESS_SIZE = Rule.of(
            "SPCR.BASE_ADDRESS.ACCESS_SIZE",
            WARNING,
            "The console's access size is defined",
            "Linux acpi_parse_spcr chooses mmio or mmio32 register access from the GAS access size (or bit"
                    + " width); access size 0 (undefined) leaves it guessing.",
            SPCR + "; Linux acpi_parse_spcr");
    static final Rule INTERRUPT_TYPE = Rule.of(
                    "SPCR.INTERRUPT_TYPE.RESERVED",
                    WARNING,
                    "Interrupt type bits 5 to 7 are zero",
                    "Only PC-AT, I/O APIC, I/O SAPIC, GIC and PLIC bits are defined.",
                    SPCR)
            .fwts("SPCRIllegalReservedInterruptType");
    static final Rule BAUD_RATE = Rule.of(
                    "SPCR.BAUD_RATE",
                    WARNING,
                    "The configured baud rate is defined",
                    "Defined values: 0 (as is), 3 (9600), 4 (19200), 6 (57600), 7 (115200).",
                    SPCR)
            .fwts("SPCRBaudRateReserved");
    static final Rule PARITY = Rule.of("SPCR.PARITY", WARNING, "Parity is 0", "Only no parity is defined.", SPCR)
            .fwts("SPCRBadFieldValue");
    static final Rule STOP_BITS = Rule.of(
                    "SPCR.STOP_BITS", WARNING, "Stop bits is 1", "Only one stop bit is" + " defined.", SPCR)
            .fwts("SPCRBadFieldValue");
    static final Rule FLOW_CONTROL = Rule.of(
                    "SPCR.FLOW_CONTROL.RESERVED",
                    WARNING,
                    "Flow control bits 3 to 7 are zero",
                    "Only DCD, RTS/CTS and XON/XOFF are defined.",
                    SPCR)
            .fwts("SPCRReservedBitsNonZero");
    static final Rule TERMINAL_TYPE = Rule.of(
                    "SPCR.TERMINAL_TYPE",
                    WARNING,
                    "The terminal type is 0 to 3",
                    "Defined: VT100, extended VT100, VT-UTF8, ANSI.",
                    SPCR)
            .fwts("SPCRTerminalTypeReserved");
    static final Rule PCI_IDS = Rule.of(
                    "SPCR.PCI.IDS",
                    WARNING,
                    "PCI device and vendor IDs agree",
                    "A non-PCI console has both IDs 0xFFFF; a PCI console has neither.",
                    SPCR)
            .fwts("SPCRPciVendorID");
    static final Rule PC_AT_IRQ = Rule.of(
                    "SPCR.PC_AT_IRQ",
                    WARNING,
                    "A PC-AT interrupt is a valid ISA IRQ",
                    "With the PC-AT interrupt type bit set, the IRQ must be 2-7, 9-12, 14 or 15.",
                    SPCR)
            .fwts("SPCRIllegalIRQ");
    static final Rule LANGUAGE = Rule.of(
                    "SPCR.LANGUAGE",
                    WARNING,
                    "The language field is 0",
                    "The language byte is reserved and must be 0.",
                    SPCR)
            .fwts("SPCRReservedNonZero");
    static final Rule PCI_FLAGS = Rule.of(
                    "SPCR.PCI.FLAGS.RESERVED",
                    WARNING,
                    "PCI flag bits 1 to 31 are zero",
                    "Only the \"do not suppress PNP device enumeration\" bit is defined.",
                    SPCR)
            .fwts("SPCRReservedBitsNonZero");
    static final Rule DBG2_MATCH = Rule.of(
            "SPCR.BASE_ADDRESS.DBG2",
            WARNING,
            "The console is one of the DBG2 serial ports",
            "SPCR and DBG2 describe the same UART on Arm platforms; a base address that matches no DBG2 serial"
                    + " port usually means one of the two tables is stale. Xen uses the SPCR UART and hides it"
                    + " from Dom0 (STAO), so the two must agree.",
            SPCR + "; Microsoft DBG2 specification");

    @Override
    public void check(CheckContext ctx) {
        for (var d : ctx.all("SPCR", SpcrTable.class)) {
            check(ctx, d.loaded(), d.table());
        }
    }

    private static void check(CheckContext ctx, LoadedTable t, SpcrTable s) {
        if (!SerialTypes.known(s.interfaceType())) {
            ctx.report(
                    INTERFACE_TYPE,
                    t,
                    field("interfaceType"),
                    "SPCR.interfaceType",
                    "interface type 0x%02X is reserved",
                    s.interfaceType());
        }
        GenericAddress base = s.baseAddress();
        long at = field("baseAddress");
        if (base.address() == 0) {
            ctx.report(BASE_ZERO, t, at + 4, "SPCR.baseAddress", "the console has no base address");
        } else if (base.space() != AddressSpace.SYSTEM_MEMORY && base.space() != AddressSpace.SYSTEM_IO) {
            ctx.report(
                    BASE_SPACE,
                    t,
                    at,
                    "SPCR.baseAddress",
                    "the console's address space is %d (%s)",
                    base.spaceId(),
                    base.space());
        } else if (base.accessSize() == 0 && base.space() == AddressSpace.SYSTEM_MEMORY) {
            ctx.report(
                    ACCESS_SIZE,
                    t,
                    at + 3,
                    "SPCR.baseAddress",
                    "access size is 0 (undefined), bit width %d",
                    base.bitWidth());
        }
        int irq = s.irq();
        if ((s.interruptType() & 1) != 0
                && !((irq >= 2 && irq <= 7) || (irq >= 9 && irq <= 12) || irq == 14 || irq == 15)) {
            ctx.report(PC_AT_IRQ, t, field("irq"), "SPCR.irq", "PC-AT IRQ %d is not a valid ISA IRQ", irq);
        }
        if (s.language() != 0) {
            ctx.report(LANGUAGE, t, field("language"), "SPCR.language", "language is %d", s.language());
        }
        if ((s.pciFlags() & ~1L) != 0) {
            ctx.report(
                    PCI_FLAGS, t, field("pciFlags"), "SPCR.pciFlags", "PCI flags 0x%X set reserved bits", s.pciFlags());
        }
        if ((s.interruptType() & 0xE0) != 0) {
            ctx.report(
                    INTERRUPT_TYPE,
                    t,
                    field("interruptType"),
                    "SPCR.interruptType",
                    "interrupt type 0x%02X sets reserved bits",
                    s.interruptType());
        }
        int baud = s.configuredBaudRate();
        if (baud != 0 && baud != 3 && baud != 4 && baud != 6 && baud != 7) {
            ctx.report(
                    BAUD_RATE,
                    t,
                    field("configuredBaudRate"),
                    "SPCR.configuredBaudRate",
                    "baud rate code %d is reserved",
                    baud);
        }
        if (s.parity() != 0) {
            ctx.report(PARITY, t, field("parity"), "SPCR.parity", "parity is %d", s.parity());
        }
        if (s.stopBits() != 1) {
            ctx.report(STOP_BITS, t, field("stopBits"), "SPCR.stopBits", "stop bits is %d", s.stopBits());
        }
        if ((s.flowControl() & ~0x7) != 0) {
            ctx.report(
                    FLOW_CONTROL,
                    t,
                    field("flowControl"),
                    "SPCR.flowControl",
                    "flow control 0x%02X sets reserved bits",
                    s.flowControl());
        }
        if (s.terminalType() > 3) {
            ctx.report(
                    TERMINAL_TYPE,
                    t,
                    field("terminalType"),
                    "SPCR.terminalType",
                    "terminal type %d is reserved",
                    s.terminalType());
        }
        if ((s.pciDeviceId() == 0xFFFF) != (s.pciVendorId() == 0xFFFF)) {
            ctx.report(
                    PCI_IDS,
                    t,
                    field("pciDeviceId"),
                    "SPCR.pciDeviceId",
                    "PCI device ID 0x%04X with vendor ID 0x%04X",
                    s.pciDeviceId(),
                    s.pciVendorId());
        }
        dbg2(ctx, t, base);
    }

    private static void dbg2(CheckContext ctx, LoadedTable t, GenericAddress base) {
        var dbg2 = ctx.first("DBG2", Dbg2Table.class);
        if (dbg2.isEmpty() || base.address() == 0) {
            return;
        }
        boolean serial = false;
        for (Dbg2Table.Device dev : dbg2.get().devices()) {
            if (dev.portType() != Dbg2Table.PORT_SERIAL) {
                continue;
            }
            serial = true;
            for (Dbg2Table.Register r : dev.registers()) {
                if (r.address().address() == base.address()) {
                    return;
                }
            }
        }
        if (serial) {
            ctx.report(
                    DBG2_MATCH,
                    t,
                    field("baseAddress") + 4,
                    "SPCR.baseAddress",
                    "console base 0x%X is not the base of any DBG2 serial port",
                    base.address());
        }
    }

    static long field(String name) {
        return (long) TableHeader.SIZE + SpcrDecoder.LAYOUT.field(name).offset();
    }
}
