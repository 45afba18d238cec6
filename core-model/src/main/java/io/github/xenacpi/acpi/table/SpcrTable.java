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

    /**
     * A builder whose numbers start at 0, whose base address starts all-zero, whose namespace string starts empty (as
     * a revision 3 SPCR decodes) and whose header starts null.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link SpcrTable} field by field, each setter named after its component. */
    public static final class Builder {
        private TableHeader header;
        private int interfaceType;
        private GenericAddress baseAddress = new GenericAddress(0, 0, 0, 0, 0);
        private int interruptType;
        private int irq;
        private long gsiv;
        private int configuredBaudRate;
        private int parity;
        private int stopBits;
        private int flowControl;
        private int terminalType;
        private int language;
        private int pciDeviceId;
        private int pciVendorId;
        private int pciBus;
        private int pciDevice;
        private int pciFunction;
        private long pciFlags;
        private int pciSegment;
        private long uartClockFrequency;
        private long preciseBaudRate;
        private String namespaceString = "";

        private Builder() {}

        public Builder header(TableHeader value) {
            header = value;
            return this;
        }

        public Builder interfaceType(int value) {
            interfaceType = value;
            return this;
        }

        public Builder baseAddress(GenericAddress value) {
            baseAddress = value;
            return this;
        }

        public Builder interruptType(int value) {
            interruptType = value;
            return this;
        }

        public Builder irq(int value) {
            irq = value;
            return this;
        }

        public Builder gsiv(long value) {
            gsiv = value;
            return this;
        }

        public Builder configuredBaudRate(int value) {
            configuredBaudRate = value;
            return this;
        }

        public Builder parity(int value) {
            parity = value;
            return this;
        }

        public Builder stopBits(int value) {
            stopBits = value;
            return this;
        }

        public Builder flowControl(int value) {
            flowControl = value;
            return this;
        }

        public Builder terminalType(int value) {
            terminalType = value;
            return this;
        }

        public Builder language(int value) {
            language = value;
            return this;
        }

        public Builder pciDeviceId(int value) {
            pciDeviceId = value;
            return this;
        }

        public Builder pciVendorId(int value) {
            pciVendorId = value;
            return this;
        }

        public Builder pciBus(int value) {
            pciBus = value;
            return this;
        }

        public Builder pciDevice(int value) {
            pciDevice = value;
            return this;
        }

        public Builder pciFunction(int value) {
            pciFunction = value;
            return this;
        }

        public Builder pciFlags(long value) {
            pciFlags = value;
            return this;
        }

        public Builder pciSegment(int value) {
            pciSegment = value;
            return this;
        }

        public Builder uartClockFrequency(long value) {
            uartClockFrequency = value;
            return this;
        }

        public Builder preciseBaudRate(long value) {
            preciseBaudRate = value;
            return this;
        }

        public Builder namespaceString(String value) {
            namespaceString = value;
            return this;
        }

        /** The SpcrTable set so far. */
        public SpcrTable build() {
            return new SpcrTable(
                    header,
                    interfaceType,
                    baseAddress,
                    interruptType,
                    irq,
                    gsiv,
                    configuredBaudRate,
                    parity,
                    stopBits,
                    flowControl,
                    terminalType,
                    language,
                    pciDeviceId,
                    pciVendorId,
                    pciBus,
                    pciDevice,
                    pciFunction,
                    pciFlags,
                    pciSegment,
                    uartClockFrequency,
                    preciseBaudRate,
                    namespaceString);
        }
    }
}
