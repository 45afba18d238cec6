package io.github.xenacpi.acpi.table;

import io.github.xenacpi.acpi.table.layout.TableHeader;

/**
 * The Serial Port Console Redirection table (Microsoft SPCR specification, revisions 1 to 4): the console UART's
 * interface type and register address, its interrupt, line settings, PCI location, clock (revision 3), precise
 * baud rate and namespace path (revision 4). Fields a revision lacks read 0 (and "" for the string).
 */
public record SpcrTable(
        TableHeader header,
        int interfaceType,
        GenericAddress baseAddress,
        int interruptType,
        int irq,
        long gsiv,
        int configuredBaudRate,
        int parity,
        int stopBits,
        int flowControl,
        int terminalType,
        int language,
        int pciDeviceId,
        int pciVendorId,
        int pciBus,
        int pciDevice,
        int pciFunction,
        long pciFlags,
        int pciSegment,
        long uartClockFrequency,
        long preciseBaudRate,
        String namespaceString)
        implements AcpiTable {

    /** Interface type 0x0E: Arm SBSA generic UART (32-bit accesses). */
    public static final int ARM_SBSA_GENERIC_UART = 0x0E;
    /** Interrupt type bit 3: the interrupt is an ARMH GIC GSIV. */
    public static final int INTERRUPT_GIC = 1 << 3;
}
