package io.github.xenacpi.aml.resource;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.github.xenacpi.acpi.region.UnsignedLongSerializer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One resource descriptor of a resource template (ACPI 6.5 section 6.4): the small items, the large items, and
 * {@link Unknown} for item types the specification does not define. Records keep the raw flag fields, so that
 * a template written from them is byte-identical, and offer the decoded views a Dom0 model reads.
 */
public sealed interface Resource {

    /** The descriptor's name as ACPI 6.5 section 6.4 titles it, for messages and reports. */
    String typeName();

    /** Whether the descriptor describes memory (Memory24/32/32Fixed and memory-type address space). */
    default boolean isMemory() {
        return false;
    }

    /** The memory ranges the descriptor describes; empty for non-memory descriptors and zero lengths. */
    default List<MemoryResource> memoryRanges() {
        return List.of();
    }

    /**
     * The memory range descriptors (Memory24, Memory32, Memory32Fixed): their information byte's bit 0 says
     * read-write (section 6.4.3.1).
     */
    sealed interface MemoryDescriptor extends Resource permits Memory24, Memory32, FixedMemory32 {

        /** The information byte. */
        int info();

        /** Whether the range is writable. */
        default boolean writable() {
            return (info() & 1) != 0;
        }

        @Override
        default boolean isMemory() {
            return true;
        }
    }

    /** IRQ descriptor (section 6.4.2.1): a 16-bit IRQ mask and, in the 3-byte form, the flags byte. */
    record Irq(int mask, boolean hasFlags, int flags) implements Resource {
        @Override
        public String typeName() {
            return "IRQ";
        }

        /** The IRQ numbers whose mask bits are set. */
        public List<Integer> irqs() {
            return bits(mask, 16);
        }

        /** Edge triggered (_HE); the 2-byte form means edge, active high. */
        public Trigger trigger() {
            return !hasFlags || (flags & 1) != 0 ? Trigger.EDGE : Trigger.LEVEL;
        }

        public Polarity polarity() {
            return hasFlags && (flags & 0x08) != 0 ? Polarity.ACTIVE_LOW : Polarity.ACTIVE_HIGH;
        }

        public Sharing sharing() {
            return Sharing.of(hasFlags && (flags & 0x10) != 0, hasFlags && (flags & 0x20) != 0);
        }
    }

    /** DMA descriptor (section 6.4.2.2): an 8-bit channel mask and the transfer flags. */
    record Dma(int channelMask, int flags) implements Resource {
        @Override
        public String typeName() {
            return "DMA";
        }

        public List<Integer> channels() {
            return bits(channelMask, 8);
        }

        public boolean busMaster() {
            return (flags & 0x04) != 0;
        }

        /** _SIZ: 0 8-bit only, 1 8- and 16-bit, 2 16-bit only. */
        public int transferSize() {
            return flags & 3;
        }

        /** _TYP: 0 compatibility, 1 type A, 2 type B, 3 type F. */
        public int speed() {
            return (flags >> 5) & 3;
        }
    }

    /** Start Dependent Functions (section 6.4.2.3), with its optional priority byte. */
    record StartDependent(boolean hasPriority, int priority) implements Resource {
        @Override
        public String typeName() {
            return "Start Dependent Functions";
        }

        /** Compatibility priority (bits 1:0); 1 (acceptable) when the byte is absent. */
        public int compatibility() {
            return hasPriority ? priority & 3 : 1;
        }

        /** Performance/robustness (bits 3:2); 1 (acceptable) when the byte is absent. */
        public int performance() {
            return hasPriority ? (priority >> 2) & 3 : 1;
        }
    }

    /** End Dependent Functions (section 6.4.2.4). */
    record EndDependent() implements Resource {
        @Override
        public String typeName() {
            return "End Dependent Functions";
        }
    }

    /** I/O port descriptor (section 6.4.2.5). */
    record Io(int info, int minimum, int maximum, int alignment, int length) implements Resource {
        @Override
        public String typeName() {
            return "I/O";
        }

        /** Whether the device decodes 16 address bits (_DEC); 10 bits otherwise. */
        public boolean decode16() {
            return (info & 1) != 0;
        }
    }

    /** Fixed location I/O port descriptor (section 6.4.2.6): a 10-bit base and a length. */
    record FixedIo(int base, int length) implements Resource {
        @Override
        public String typeName() {
            return "Fixed I/O";
        }
    }

    /** Fixed DMA descriptor (section 6.4.2.7); width 0..5 means 8 to 256 bits. */
    record FixedDma(int requestLine, int channel, int width) implements Resource {
        @Override
        public String typeName() {
            return "Fixed DMA";
        }
    }

    /** Vendor-defined small descriptor (section 6.4.2.8): 1 to 7 bytes. */
    record VendorSmall(RawData data) implements Resource {
        public VendorSmall {
            Objects.requireNonNull(data, "data");
        }

        @Override
        public String typeName() {
            return "Vendor-Defined (small)";
        }
    }

    /** End Tag (section 6.4.2.9); a checksum of 0 means the template is not checked. */
    record EndTag(int checksum) implements Resource {
        @Override
        public String typeName() {
            return "End Tag";
        }
    }

    /** 24-bit memory range descriptor (section 6.4.3.1); addresses and length are in 256-byte units. */
    record Memory24(int info, int minimum, int maximum, int alignment, int length) implements MemoryDescriptor {
        @Override
        public String typeName() {
            return "24-Bit Memory Range";
        }

        /** acpi_dev_resource_memory: [minimum << 8, + length << 8). */
        @Override
        public List<MemoryResource> memoryRanges() {
            return length == 0
                    ? List.of()
                    : List.of(new MemoryResource(
                            (long) minimum << 8,
                            (long) length << 8,
                            writable(),
                            Cacheability.UNSPECIFIED,
                            0,
                            minimum == maximum));
        }
    }

    /** Generic Register descriptor (section 6.4.3.7): a register in any address space. */
    record GenericRegister(
            int spaceId,
            int bitWidth,
            int bitOffset,
            int accessSize,

            @JsonSerialize(using = UnsignedLongSerializer.class)
            long address)
            implements Resource {
        @Override
        public String typeName() {
            return "Generic Register";
        }
    }

    /** Vendor-defined large descriptor (section 6.4.3.2): a UUID sub-type, a UUID and data, kept raw. */
    record VendorLarge(RawData data) implements Resource {
        public VendorLarge {
            Objects.requireNonNull(data, "data");
        }

        @Override
        public String typeName() {
            return "Vendor-Defined (large)";
        }

        /** Whether the data is long enough for the ACPI 3.0+ form: a UUID sub-type byte and a 16-byte UUID. */
        public boolean hasUuid() {
            return data.size() >= 17;
        }

        /** The UUID sub-type (data byte 0); -1 when the data is too short. */
        public int uuidSubtype() {
            return hasUuid() ? data.get(0) : -1;
        }

        /** The UUID (data bytes 1..16, in the byte order of ToUUID); null when the data is too short. */
        public UUID uuid() {
            if (!hasUuid()) {
                return null;
            }
            int[] order = {3, 2, 1, 0, 5, 4, 7, 6, 8, 9, 10, 11, 12, 13, 14, 15};
            long hi = 0;
            long lo = 0;
            for (int i = 0; i < 8; i++) {
                hi = hi << 8 | data.get(1 + order[i]);
                lo = lo << 8 | data.get(1 + order[8 + i]);
            }
            return new UUID(hi, lo);
        }
    }

    /** 32-bit memory range descriptor (section 6.4.3.3). */
    record Memory32(int info, long minimum, long maximum, long alignment, long length) implements MemoryDescriptor {
        @Override
        public String typeName() {
            return "32-Bit Memory Range";
        }

        /** acpi_dev_resource_memory: [minimum, minimum + length). */
        @Override
        public List<MemoryResource> memoryRanges() {
            return length == 0
                    ? List.of()
                    : List.of(new MemoryResource(
                            minimum, length, writable(), Cacheability.UNSPECIFIED, 0, minimum == maximum));
        }
    }

    /** 32-bit fixed memory range descriptor (section 6.4.3.4). */
    record FixedMemory32(int info, long base, long length) implements MemoryDescriptor {
        @Override
        public String typeName() {
            return "32-Bit Fixed Memory Range";
        }

        @Override
        public List<MemoryResource> memoryRanges() {
            return length == 0
                    ? List.of()
                    : List.of(new MemoryResource(base, length, writable(), Cacheability.UNSPECIFIED, 0, true));
        }
    }

    /**
     * Word, DWord, QWord or Extended Address Space descriptor (section 6.4.3.5). Revision and type-specific
     * attribute exist in the Extended form only (0 otherwise); the Extended form has no resource source.
     */
    record AddressSpace(
            AddressWidth width,
            int resourceType,
            int generalFlags,
            int typeFlags,
            int revision,

            @JsonSerialize(using = UnsignedLongSerializer.class)
            long granularity,

            @JsonSerialize(using = UnsignedLongSerializer.class)
            long minimum,

            @JsonSerialize(using = UnsignedLongSerializer.class)
            long maximum,

            @JsonSerialize(using = UnsignedLongSerializer.class)
            long translationOffset,

            @JsonSerialize(using = UnsignedLongSerializer.class)
            long length,

            @JsonSerialize(using = UnsignedLongSerializer.class)
            long typeAttribute,

            Optional<ResourceSource> source)
            implements Resource {

        /** Resource type 0. */
        public static final int MEMORY = 0;
        /** Resource type 1. */
        public static final int IO = 1;
        /** Resource type 2. */
        public static final int BUS_NUMBER = 2;

        public AddressSpace {
            Objects.requireNonNull(width, "width");
            Objects.requireNonNull(source, "source");
        }

        /** A builder whose numbers start at 0 and whose resource source starts absent; the width must be set. */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds a {@link AddressSpace} field by field, each setter named after its component. */
        public static final class Builder {
            private AddressWidth width;
            private int resourceType;
            private int generalFlags;
            private int typeFlags;
            private int revision;
            private long granularity;
            private long minimum;
            private long maximum;
            private long translationOffset;
            private long length;
            private long typeAttribute;
            private Optional<ResourceSource> source = Optional.empty();

            private Builder() {}

            public Builder width(AddressWidth value) {
                width = value;
                return this;
            }

            public Builder resourceType(int value) {
                resourceType = value;
                return this;
            }

            public Builder generalFlags(int value) {
                generalFlags = value;
                return this;
            }

            public Builder typeFlags(int value) {
                typeFlags = value;
                return this;
            }

            public Builder revision(int value) {
                revision = value;
                return this;
            }

            public Builder granularity(long value) {
                granularity = value;
                return this;
            }

            public Builder minimum(long value) {
                minimum = value;
                return this;
            }

            public Builder maximum(long value) {
                maximum = value;
                return this;
            }

            public Builder translationOffset(long value) {
                translationOffset = value;
                return this;
            }

            public Builder length(long value) {
                length = value;
                return this;
            }

            public Builder typeAttribute(long value) {
                typeAttribute = value;
                return this;
            }

            public Builder source(Optional<ResourceSource> value) {
                source = value;
                return this;
            }

            /** The AddressSpace set so far. */
            public AddressSpace build() {
                return new AddressSpace(
                        width,
                        resourceType,
                        generalFlags,
                        typeFlags,
                        revision,
                        granularity,
                        minimum,
                        maximum,
                        translationOffset,
                        length,
                        typeAttribute,
                        source);
            }
        }

        @Override
        public String typeName() {
            return switch (width) {
                case QWORD -> "QWord Address Space";
                case DWORD -> "DWord Address Space";
                case WORD -> "Word Address Space";
                case EXTENDED -> "Extended Address Space";
            };
        }

        /** Bit 0 of the general flags: set by a consumer (ASL ResourceConsumer). */
        public Usage usage() {
            return (generalFlags & 1) != 0 ? Usage.CONSUMER : Usage.PRODUCER;
        }

        /** _DEC: subtractive decode. */
        public boolean subtractiveDecode() {
            return (generalFlags & 0x02) != 0;
        }

        /** _MIF. */
        public boolean minFixed() {
            return (generalFlags & 0x04) != 0;
        }

        /** _MAF. */
        public boolean maxFixed() {
            return (generalFlags & 0x08) != 0;
        }

        @Override
        public boolean isMemory() {
            return resourceType == MEMORY;
        }

        /** Memory: _RW (bit 0). */
        public boolean writable() {
            return isMemory() && (typeFlags & 1) != 0;
        }

        /** Memory: _MEM (bits 2:1). */
        public Cacheability cacheability() {
            return isMemory() ? Cacheability.ofMemFlags(typeFlags) : Cacheability.UNSPECIFIED;
        }

        /** Memory: _MTP (bits 4:3): 0 memory, 1 reserved, 2 ACPI, 3 NVS. */
        public int memoryType() {
            return (typeFlags >> 3) & 3;
        }

        /** Memory and I/O: _TTP (bit 5), the resource is of the other type on the primary side. */
        public boolean typeTranslation() {
            return (typeFlags & 0x20) != 0;
        }

        /** I/O: _TRS (bit 4), sparse translation. */
        public boolean sparseTranslation() {
            return resourceType == IO && (typeFlags & 0x10) != 0;
        }

        /** I/O: _RNG (bits 1:0): 1 non-ISA only, 2 ISA only, 3 entire range. */
        public int ioRange() {
            return typeFlags & 3;
        }

        /**
         * ACPI 6.5 table 6.44: with _LEN &gt; 0 and _MIF set the range is [_MIN, _MIN + _LEN); with _LEN &gt; 0 and
         * neither fixed it is a relocatable range of _LEN bytes starting at _MIN at the earliest; _LEN = 0
         * describes no allocated range.
         */
        @Override
        public List<MemoryResource> memoryRanges() {
            if (!isMemory() || length == 0) {
                return List.of();
            }
            return List.of(
                    new MemoryResource(minimum, length, writable(), cacheability(), translationOffset, minFixed()));
        }
    }

    /** Extended Interrupt descriptor (section 6.4.3.6): flags, GSIV list and optional resource source. */
    record ExtendedInterrupt(int flags, List<Long> interrupts, Optional<ResourceSource> source) implements Resource {
        public ExtendedInterrupt {
            interrupts = List.copyOf(interrupts);
            Objects.requireNonNull(source, "source");
        }

        @Override
        public String typeName() {
            return "Extended Interrupt";
        }

        public Usage usage() {
            return (flags & 1) != 0 ? Usage.CONSUMER : Usage.PRODUCER;
        }

        public Trigger trigger() {
            return (flags & 0x02) != 0 ? Trigger.EDGE : Trigger.LEVEL;
        }

        public Polarity polarity() {
            return (flags & 0x04) != 0 ? Polarity.ACTIVE_LOW : Polarity.ACTIVE_HIGH;
        }

        public Sharing sharing() {
            return Sharing.of((flags & 0x08) != 0, (flags & 0x10) != 0);
        }
    }

    /**
     * GPIO Connection descriptor (section 6.4.3.8.1): GpioInt (connection type 0) or GpioIo (1), with its pin
     * table, the GPIO controller and vendor data.
     */
    record Gpio(
            int revision,
            int connectionType,
            int generalFlags,
            int interruptFlags,
            int pinConfig,
            int driveStrength,
            int debounceTimeout,
            List<Integer> pins,
            ResourceSource source,
            RawData vendor)
            implements Resource {

        /** Connection type of GpioInt. */
        public static final int INTERRUPT = 0;
        /** Connection type of GpioIo. */
        public static final int IO = 1;

        public Gpio {
            pins = List.copyOf(pins);
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(vendor, "vendor");
        }

        /**
         * A builder for a revision 1 GpioInt with no pins, no vendor data and every flag and number 0; the source (the
         * GPIO controller) must be set.
         */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds a {@link Gpio} field by field, each setter named after its component. */
        public static final class Builder {
            private int revision = 1;
            private int connectionType;
            private int generalFlags;
            private int interruptFlags;
            private int pinConfig;
            private int driveStrength;
            private int debounceTimeout;
            private List<Integer> pins = List.of();
            private ResourceSource source;
            private RawData vendor = RawData.EMPTY;

            private Builder() {}

            public Builder revision(int value) {
                revision = value;
                return this;
            }

            public Builder connectionType(int value) {
                connectionType = value;
                return this;
            }

            public Builder generalFlags(int value) {
                generalFlags = value;
                return this;
            }

            public Builder interruptFlags(int value) {
                interruptFlags = value;
                return this;
            }

            public Builder pinConfig(int value) {
                pinConfig = value;
                return this;
            }

            public Builder driveStrength(int value) {
                driveStrength = value;
                return this;
            }

            public Builder debounceTimeout(int value) {
                debounceTimeout = value;
                return this;
            }

            public Builder pins(List<Integer> value) {
                pins = value;
                return this;
            }

            public Builder source(ResourceSource value) {
                source = value;
                return this;
            }

            public Builder vendor(RawData value) {
                vendor = value;
                return this;
            }

            /** The Gpio set so far. */
            public Gpio build() {
                return new Gpio(
                        revision,
                        connectionType,
                        generalFlags,
                        interruptFlags,
                        pinConfig,
                        driveStrength,
                        debounceTimeout,
                        pins,
                        source,
                        vendor);
            }
        }

        @Override
        public String typeName() {
            return connectionType == IO ? "GPIO Connection (I/O)" : "GPIO Connection (interrupt)";
        }

        public Usage usage() {
            return (generalFlags & 1) != 0 ? Usage.CONSUMER : Usage.PRODUCER;
        }

        /** Interrupt: _HE. */
        public Trigger trigger() {
            return (interruptFlags & 1) != 0 ? Trigger.EDGE : Trigger.LEVEL;
        }

        /** Interrupt: _POL (bits 2:1). */
        public Polarity polarity() {
            int pol = (interruptFlags >> 1) & 3;
            return pol == 0 ? Polarity.ACTIVE_HIGH : pol == 1 ? Polarity.ACTIVE_LOW : Polarity.ACTIVE_BOTH;
        }

        /** _SHR (bit 3) and, for interrupts, _WKC (bit 4). */
        public Sharing sharing() {
            return Sharing.of(
                    (interruptFlags & 0x08) != 0, connectionType == INTERRUPT && (interruptFlags & 0x10) != 0);
        }

        /** I/O: _IOR (bits 1:0): 0 none, 1 input only, 2 output only, 3 preserve. */
        public int ioRestriction() {
            return interruptFlags & 3;
        }
    }

    /** The fields every Generic Serial Bus Connection descriptor shares (section 6.4.3.8.2). */
    record SerialBusCommon(int revision, int generalFlags, int typeFlags, int typeRevision) {

        /** _SLV: the device, not the controller, initiates transfers. */
        public boolean deviceInitiated() {
            return (generalFlags & 1) != 0;
        }

        public Usage usage() {
            return (generalFlags & 0x02) != 0 ? Usage.CONSUMER : Usage.PRODUCER;
        }

        /** _SHR (revision 2). */
        public boolean shared() {
            return (generalFlags & 0x04) != 0;
        }
    }

    /** I2C Serial Bus Connection (section 6.4.3.8.2.1). */
    record I2cSerialBus(SerialBusCommon common, long speed, int address, RawData vendor, ResourceSource source)
            implements Resource {
        public I2cSerialBus {
            Objects.requireNonNull(common, "common");
            Objects.requireNonNull(vendor, "vendor");
            Objects.requireNonNull(source, "source");
        }

        @Override
        public String typeName() {
            return "I2C Serial Bus Connection";
        }

        /** _MOD: 10-bit addressing. */
        public boolean tenBitAddressing() {
            return (common.typeFlags() & 1) != 0;
        }
    }

    /** SPI Serial Bus Connection (section 6.4.3.8.2.2). */
    record SpiSerialBus(
            SerialBusCommon common,
            long speed,
            int dataBitLength,
            int clockPhase,
            int clockPolarity,
            int deviceSelection,
            RawData vendor,
            ResourceSource source)
            implements Resource {
        public SpiSerialBus {
            Objects.requireNonNull(common, "common");
            Objects.requireNonNull(vendor, "vendor");
            Objects.requireNonNull(source, "source");
        }

        @Override
        public String typeName() {
            return "SPI Serial Bus Connection";
        }

        /** _MOD: 3-wire mode. */
        public boolean threeWire() {
            return (common.typeFlags() & 1) != 0;
        }

        /** _DPL: device selection active high. */
        public boolean selectActiveHigh() {
            return (common.typeFlags() & 2) != 0;
        }
    }

    /** UART Serial Bus Connection (section 6.4.3.8.2.3). */
    record UartSerialBus(
            SerialBusCommon common,
            long baudRate,
            int rxFifo,
            int txFifo,
            int parity,
            int linesEnabled,
            RawData vendor,
            ResourceSource source)
            implements Resource {
        public UartSerialBus {
            Objects.requireNonNull(common, "common");
            Objects.requireNonNull(vendor, "vendor");
            Objects.requireNonNull(source, "source");
        }

        @Override
        public String typeName() {
            return "UART Serial Bus Connection";
        }

        /** _FLC (bits 1:0): 0 none, 1 hardware, 2 XON/XOFF. */
        public int flowControl() {
            return common.typeFlags() & 3;
        }

        /** _STB (bits 3:2): 0 none, 1 one, 2 one and a half, 3 two. */
        public int stopBits() {
            return (common.typeFlags() >> 2) & 3;
        }

        /** _LEN (bits 6:4): data bits, 5 + value. */
        public int dataBits() {
            return 5 + ((common.typeFlags() >> 4) & 7);
        }

        /** _END (bit 7). */
        public boolean bigEndian() {
            return (common.typeFlags() & 0x80) != 0;
        }
    }

    /** Camera Serial Interface (CSI-2) Connection (section 6.4.3.8.2.4). */
    record Csi2SerialBus(SerialBusCommon common, RawData vendor, ResourceSource source) implements Resource {
        public Csi2SerialBus {
            Objects.requireNonNull(common, "common");
            Objects.requireNonNull(vendor, "vendor");
            Objects.requireNonNull(source, "source");
        }

        @Override
        public String typeName() {
            return "CSI-2 Serial Bus Connection";
        }

        /** _PHY (bits 1:0): 0 C-PHY, 1 D-PHY. */
        public int phyType() {
            return common.typeFlags() & 3;
        }

        /** _PRT (bits 7:2): local port instance. */
        public int localPort() {
            return (common.typeFlags() >> 2) & 0x3F;
        }
    }

    /** A Generic Serial Bus Connection of a bus type ACPI 6.5 does not define (or a vendor one), kept raw. */
    record OtherSerialBus(SerialBusCommon common, int busType, RawData typeData, ResourceSource source)
            implements Resource {
        public OtherSerialBus {
            Objects.requireNonNull(common, "common");
            Objects.requireNonNull(typeData, "typeData");
            Objects.requireNonNull(source, "source");
        }

        @Override
        public String typeName() {
            return "Generic Serial Bus Connection (type " + busType + ")";
        }
    }

    /** Pin Function descriptor (section 6.4.3.9). */
    record PinFunction(
            int revision,
            int flags,
            int pullConfig,
            int function,
            List<Integer> pins,
            ResourceSource source,
            RawData vendor)
            implements Resource {
        public PinFunction {
            pins = List.copyOf(pins);
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(vendor, "vendor");
        }

        @Override
        public String typeName() {
            return "Pin Function";
        }

        public boolean shared() {
            return (flags & 1) != 0;
        }
    }

    /** Pin Configuration descriptor (section 6.4.3.10). */
    record PinConfig(
            int revision,
            int flags,
            int configType,
            long configValue,
            List<Integer> pins,
            ResourceSource source,
            RawData vendor)
            implements Resource {
        public PinConfig {
            pins = List.copyOf(pins);
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(vendor, "vendor");
        }

        @Override
        public String typeName() {
            return "Pin Configuration";
        }

        public boolean shared() {
            return (flags & 1) != 0;
        }

        public Usage usage() {
            return (flags & 2) != 0 ? Usage.CONSUMER : Usage.PRODUCER;
        }
    }

    /** Pin Group descriptor (section 6.4.3.11): a labelled set of pins a GPIO controller produces. */
    record PinGroup(int revision, int flags, List<Integer> pins, String label, RawData vendor) implements Resource {
        public PinGroup {
            pins = List.copyOf(pins);
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(vendor, "vendor");
        }

        @Override
        public String typeName() {
            return "Pin Group";
        }

        public Usage usage() {
            return (flags & 1) != 0 ? Usage.CONSUMER : Usage.PRODUCER;
        }
    }

    /** Pin Group Function descriptor (section 6.4.3.12). */
    record PinGroupFunction(int revision, int flags, int function, ResourceSource source, String label, RawData vendor)
            implements Resource {
        public PinGroupFunction {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(vendor, "vendor");
        }

        @Override
        public String typeName() {
            return "Pin Group Function";
        }

        public boolean shared() {
            return (flags & 1) != 0;
        }

        public Usage usage() {
            return (flags & 2) != 0 ? Usage.CONSUMER : Usage.PRODUCER;
        }
    }

    /** Pin Group Configuration descriptor (section 6.4.3.13). */
    record PinGroupConfig(
            int revision,
            int flags,
            int configType,
            long configValue,
            ResourceSource source,
            String label,
            RawData vendor)
            implements Resource {
        public PinGroupConfig {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(vendor, "vendor");
        }

        @Override
        public String typeName() {
            return "Pin Group Configuration";
        }

        public boolean shared() {
            return (flags & 1) != 0;
        }

        public Usage usage() {
            return (flags & 2) != 0 ? Usage.CONSUMER : Usage.PRODUCER;
        }
    }

    /** Clock Input descriptor (section 6.4.3.14, ACPI 6.5): frequency numerator/divisor and scale. */
    record ClockInput(int revision, int flags, int divisor, long numerator, Optional<ResourceSource> source)
            implements Resource {
        public ClockInput {
            Objects.requireNonNull(source, "source");
        }

        @Override
        public String typeName() {
            return "Clock Input";
        }

        /** Bit 0: the frequency is variable. */
        public boolean variable() {
            return (flags & 1) != 0;
        }

        /** Bits 2:1: 0 Hz, 1 kHz, 2 MHz. */
        public int scale() {
            return (flags >> 1) & 3;
        }
    }

    /** An item of a type ACPI 6.5 does not define, or one too short for its type: its tag and data bytes. */
    record Unknown(int tag, RawData data) implements Resource {
        public Unknown {
            Objects.requireNonNull(data, "data");
        }

        @Override
        public String typeName() {
            return String.format("unknown item (tag 0x%02X)", tag);
        }
    }

    private static List<Integer> bits(int mask, int width) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            if ((mask & (1 << i)) != 0) {
                out.add(i);
            }
        }
        return List.copyOf(out);
    }
}
