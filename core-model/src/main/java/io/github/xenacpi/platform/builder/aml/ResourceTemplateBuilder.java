package io.github.xenacpi.platform.builder.aml;

import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.BUS_CSI2;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.BUS_I2C;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.BUS_SPI;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.BUS_UART;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.CLOCK_INPUT;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.DMA;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.DWORD_ADDRESS;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.END_TAG;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.EXTENDED_ADDRESS;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.EXTENDED_IRQ;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.FIXED_DMA;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.FIXED_IO;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.FIXED_MEMORY32;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.GENERIC_REGISTER;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.GPIO;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.I2C;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.IO;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.IRQ;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.LARGE_CLOCK_INPUT;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.LARGE_DWORD_ADDRESS;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.LARGE_EXTENDED_ADDRESS;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.LARGE_EXTENDED_IRQ;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.LARGE_FIXED_MEMORY32;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.LARGE_GENERIC_REGISTER;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.LARGE_GPIO;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.LARGE_MEMORY24;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.LARGE_MEMORY32;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.LARGE_PIN_CONFIG;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.LARGE_PIN_FUNCTION;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.LARGE_PIN_GROUP;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.LARGE_PIN_GROUP_CONFIG;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.LARGE_PIN_GROUP_FUNCTION;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.LARGE_QWORD_ADDRESS;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.LARGE_SERIAL_BUS;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.LARGE_VENDOR;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.LARGE_WORD_ADDRESS;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.MEMORY24;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.MEMORY32;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.PIN_CONFIG;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.PIN_FUNCTION;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.PIN_GROUP;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.PIN_GROUP_CONFIG;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.PIN_GROUP_FUNCTION;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.QWORD_ADDRESS;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.SERIAL_BUS;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.SMALL_DMA;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.SMALL_END_DEPENDENT;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.SMALL_END_TAG;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.SMALL_FIXED_DMA;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.SMALL_FIXED_IO;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.SMALL_IO;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.SMALL_IRQ;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.SMALL_START_DEPENDENT;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.SMALL_VENDOR;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.SPI;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.START_DEPENDENT;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.UART;
import static io.github.xenacpi.aml.resource.ResourceTemplateDecoder.WORD_ADDRESS;

import io.github.xenacpi.acpi.table.layout.Layout;
import io.github.xenacpi.aml.resource.AddressWidth;
import io.github.xenacpi.aml.resource.Polarity;
import io.github.xenacpi.aml.resource.RawData;
import io.github.xenacpi.aml.resource.Resource;
import io.github.xenacpi.aml.resource.ResourceSource;
import io.github.xenacpi.aml.resource.Sharing;
import io.github.xenacpi.aml.resource.Trigger;
import io.github.xenacpi.aml.resource.Usage;
import io.github.xenacpi.platform.builder.TableWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Writes resource templates (the bytes of a _CRS buffer, ACPI 6.5 section 6.4) the way iasl compiles the ASL
 * resource macros: one method per macro, arguments in ASL order, each writing the bytes iasl writes, and
 * {@link #add(Resource)} for any decoded descriptor. {@link #build()} appends the End Tag with checksum 0, as
 * iasl does. Fixed parts go through the layouts of {@code ResourceTemplateDecoder}.
 */
public final class ResourceTemplateBuilder {
    private final List<Resource> items = new ArrayList<>();
    private boolean checksum;

    /** Adds any descriptor; an End Tag added here ends the template in place of the one {@link #build} adds. */
    public ResourceTemplateBuilder add(Resource resource) {
        items.add(resource);
        return this;
    }

    /** Makes the End Tag carry a checksum that makes the template sum to zero (iasl writes 0: no check). */
    public ResourceTemplateBuilder withChecksum() {
        this.checksum = true;
        return this;
    }

    /** {@code IRQ (EdgeLevel, ActiveLevel, Shared) {irqs}}: the 3-byte IRQ descriptor. */
    public ResourceTemplateBuilder irq(Trigger trigger, Polarity polarity, Sharing sharing, int... irqs) {
        int flags = (trigger == Trigger.EDGE ? 0x01 : 0)
                | (polarity == Polarity.ACTIVE_LOW ? 0x08 : 0)
                | (sharing.shared() ? 0x10 : 0)
                | (sharing.wake() ? 0x20 : 0);
        return add(new Resource.Irq(mask(irqs), true, flags));
    }

    /** {@code IRQNoFlags () {irqs}}: the 2-byte IRQ descriptor (edge, active high). */
    public ResourceTemplateBuilder irqNoFlags(int... irqs) {
        return add(new Resource.Irq(mask(irqs), false, 0));
    }

    /**
     * {@code DMA (DmaType, IsBusMaster, DmaTransferSize) {channels}}: speed 0 Compatibility, 1 TypeA, 2 TypeB,
     * 3 TypeF; size 0 Transfer8, 1 Transfer8_16, 2 Transfer16.
     */
    public ResourceTemplateBuilder dma(int speed, boolean busMaster, int transferSize, int... channels) {
        return add(new Resource.Dma(mask(channels), (speed & 3) << 5 | (busMaster ? 0x04 : 0) | (transferSize & 3)));
    }

    /** {@code StartDependentFn (CompatibilityPriority, PerformancePriority)}. */
    public ResourceTemplateBuilder startDependentFn(int compatibility, int performance) {
        return add(new Resource.StartDependent(true, (performance & 3) << 2 | (compatibility & 3)));
    }

    /** {@code StartDependentFnNoPri ()}. */
    public ResourceTemplateBuilder startDependentFnNoPri() {
        return add(new Resource.StartDependent(false, 0));
    }

    /** {@code EndDependentFn ()}. */
    public ResourceTemplateBuilder endDependentFn() {
        return add(new Resource.EndDependent());
    }

    /** {@code IO (Decode16 | Decode10, Min, Max, Alignment, Length)}. */
    public ResourceTemplateBuilder io(boolean decode16, int min, int max, int alignment, int length) {
        return add(new Resource.Io(decode16 ? 1 : 0, min, max, alignment, length));
    }

    /** {@code FixedIO (Base, Length)}. */
    public ResourceTemplateBuilder fixedIo(int base, int length) {
        return add(new Resource.FixedIo(base, length));
    }

    /** {@code FixedDMA (DmaRequestLine, Channel, TransferWidth)}; width 0 Width8bit .. 5 Width256bit. */
    public ResourceTemplateBuilder fixedDma(int requestLine, int channel, int width) {
        return add(new Resource.FixedDma(requestLine, channel, width));
    }

    /** {@code VendorShort () {bytes}}: 1 to 7 bytes. */
    public ResourceTemplateBuilder vendorShort(int... bytes) {
        return add(new Resource.VendorSmall(RawData.ofInts(bytes)));
    }

    /** {@code VendorLong () {bytes}}. */
    public ResourceTemplateBuilder vendorLong(int... bytes) {
        return add(new Resource.VendorLarge(RawData.ofInts(bytes)));
    }

    /** {@code Memory24 (ReadAndWrite, Min, Max, Alignment, Length)}: values in 256-byte units, as in ASL. */
    public ResourceTemplateBuilder memory24(boolean readWrite, int min, int max, int alignment, int length) {
        return add(new Resource.Memory24(readWrite ? 1 : 0, min, max, alignment, length));
    }

    /** {@code Memory32 (ReadAndWrite, Min, Max, Alignment, Length)}. */
    public ResourceTemplateBuilder memory32(boolean readWrite, long min, long max, long alignment, long length) {
        return add(new Resource.Memory32(readWrite ? 1 : 0, min, max, alignment, length));
    }

    /** {@code Memory32Fixed (ReadAndWrite, Base, Length)}. */
    public ResourceTemplateBuilder memory32Fixed(boolean readWrite, long base, long length) {
        return add(new Resource.FixedMemory32(readWrite ? 1 : 0, base, length));
    }

    /** {@code Register (AddressSpaceKeyword, BitWidth, BitOffset, Address, AccessSize)}. */
    public ResourceTemplateBuilder register(int spaceId, int bitWidth, int bitOffset, long address, int accessSize) {
        return add(new Resource.GenericRegister(spaceId, bitWidth, bitOffset, accessSize, address));
    }

    /** {@code QWordMemory}, {@code QWordIO} or {@code QWordSpace}. */
    public ResourceTemplateBuilder qwordAddress(AddressSpec spec) {
        return add(spec.toResource(AddressWidth.QWORD, 0));
    }

    /** {@code DWordMemory}, {@code DWordIO} or {@code DWordSpace}. */
    public ResourceTemplateBuilder dwordAddress(AddressSpec spec) {
        return add(spec.toResource(AddressWidth.DWORD, 0));
    }

    /** {@code WordBusNumber}, {@code WordIO} or {@code WordSpace}. */
    public ResourceTemplateBuilder wordAddress(AddressSpec spec) {
        return add(spec.toResource(AddressWidth.WORD, 0));
    }

    /** {@code ExtendedMemory}, {@code ExtendedIO} or {@code ExtendedSpace}, with its TypeSpecificAttributes. */
    public ResourceTemplateBuilder extendedAddress(AddressSpec spec, long typeAttribute) {
        return add(spec.toResource(AddressWidth.EXTENDED, typeAttribute));
    }

    /** {@code Interrupt (ResourceUsage, EdgeLevel, ActiveLevel, Shared) {gsivs}}. */
    public ResourceTemplateBuilder interrupt(
            Usage usage, Trigger trigger, Polarity polarity, Sharing sharing, long... gsivs) {
        return interrupt(usage, trigger, polarity, sharing, Optional.empty(), gsivs);
    }

    /** {@code Interrupt (..., ResourceSourceIndex, ResourceSource) {gsivs}}. */
    public ResourceTemplateBuilder interrupt(
            Usage usage,
            Trigger trigger,
            Polarity polarity,
            Sharing sharing,
            Optional<ResourceSource> source,
            long... gsivs) {
        int flags = (usage == Usage.CONSUMER ? 0x01 : 0)
                | (trigger == Trigger.EDGE ? 0x02 : 0)
                | (polarity == Polarity.ACTIVE_LOW ? 0x04 : 0)
                | (sharing.shared() ? 0x08 : 0)
                | (sharing.wake() ? 0x10 : 0);
        return add(new Resource.ExtendedInterrupt(
                flags, Arrays.stream(gsivs).boxed().toList(), source));
    }

    /**
     * {@code GpioInt (EdgeLevel, ActiveLevel, Shared, PinConfig, DebounceTimeout, ResourceSource,
     * ResourceSourceIndex, ResourceUsage, , VendorData) {pin}}; iasl takes exactly one pin.
     */
    public ResourceTemplateBuilder gpioInt(
            Trigger trigger,
            Polarity polarity,
            Sharing sharing,
            int pinConfig,
            int debounceTimeout,
            String source,
            int sourceIndex,
            Usage usage,
            RawData vendor,
            int pin) {
        int pol = polarity == Polarity.ACTIVE_HIGH ? 0 : polarity == Polarity.ACTIVE_LOW ? 1 : 2;
        int flags = (trigger == Trigger.EDGE ? 1 : 0)
                | pol << 1
                | (sharing.shared() ? 0x08 : 0)
                | (sharing.wake() ? 0x10 : 0);
        return add(Resource.Gpio.builder()
                .connectionType(Resource.Gpio.INTERRUPT)
                .generalFlags(usage == Usage.CONSUMER ? 1 : 0)
                .interruptFlags(flags)
                .pinConfig(pinConfig)
                .debounceTimeout(debounceTimeout)
                .pins(List.of(pin))
                .source(new ResourceSource(sourceIndex, source))
                .vendor(vendor)
                .build());
    }

    /**
     * {@code GpioIo (Shared, PinConfig, DebounceTimeout, DriveStrength, IoRestriction, ResourceSource,
     * ResourceSourceIndex, ResourceUsage, , VendorData) {pins}}; restriction 0 None, 1 InputOnly, 2 OutputOnly,
     * 3 NoneAndPreserve.
     */
    public ResourceTemplateBuilder gpioIo(
            boolean shared,
            int pinConfig,
            int debounceTimeout,
            int driveStrength,
            int ioRestriction,
            String source,
            int sourceIndex,
            Usage usage,
            RawData vendor,
            int... pins) {
        int flags = (ioRestriction & 3) | (shared ? 0x08 : 0);
        return add(Resource.Gpio.builder()
                .connectionType(Resource.Gpio.IO)
                .generalFlags(usage == Usage.CONSUMER ? 1 : 0)
                .interruptFlags(flags)
                .pinConfig(pinConfig)
                .driveStrength(driveStrength)
                .debounceTimeout(debounceTimeout)
                .pins(Arrays.stream(pins).boxed().toList())
                .source(new ResourceSource(sourceIndex, source))
                .vendor(vendor)
                .build());
    }

    /**
     * {@code I2cSerialBusV2 (SlaveAddress, SlaveMode, ConnectionSpeed, AddressingMode, ResourceSource,
     * ResourceSourceIndex, ResourceUsage, , Shared, VendorData)}.
     */
    public ResourceTemplateBuilder i2cSerialBusV2(
            int address,
            boolean deviceInitiated,
            long speed,
            boolean tenBit,
            String source,
            int sourceIndex,
            Usage usage,
            boolean shared,
            RawData vendor) {
        return add(new Resource.I2cSerialBus(
                serial(2, deviceInitiated, usage, shared, tenBit ? 1 : 0),
                speed,
                address,
                vendor,
                new ResourceSource(sourceIndex, source)));
    }

    /**
     * {@code SpiSerialBusV2 (DeviceSelection, DeviceSelectionPolarity, WireMode, DataBitLength, SlaveMode,
     * ConnectionSpeed, ClockPolarity, ClockPhase, ResourceSource, ResourceSourceIndex, ResourceUsage, , Shared,
     * VendorData)}: polarity and phase 0 ClockPolarityLow/ClockPhaseFirst, 1 High/Second.
     */
    public ResourceTemplateBuilder spiSerialBusV2(
            int deviceSelection,
            boolean selectActiveHigh,
            boolean threeWire,
            int dataBitLength,
            boolean deviceInitiated,
            long speed,
            int clockPolarity,
            int clockPhase,
            String source,
            int sourceIndex,
            Usage usage,
            boolean shared,
            RawData vendor) {
        int typeFlags = (threeWire ? 1 : 0) | (selectActiveHigh ? 2 : 0);
        return add(new Resource.SpiSerialBus(
                serial(2, deviceInitiated, usage, shared, typeFlags),
                speed,
                dataBitLength,
                clockPhase,
                clockPolarity,
                deviceSelection,
                vendor,
                new ResourceSource(sourceIndex, source)));
    }

    /**
     * {@code UartSerialBusV2 (InitialBaudRate, BitsPerByte, StopBits, LinesInUse, IsBigEndian, Parity,
     * FlowControl, ReceiveBufferSize, TransmitBufferSize, ResourceSource, ResourceSourceIndex, ResourceUsage, ,
     * Shared, VendorData)}: data bits 5..9; stop bits 0 StopBitsZero, 1 One, 2 OnePlusHalf, 3 Two; parity 0 None,
     * 1 Even, 2 Odd, 3 Mark, 4 Space; flow 0 None, 1 Hardware, 2 XonXoff.
     */
    public ResourceTemplateBuilder uartSerialBusV2(
            long baudRate,
            int dataBits,
            int stopBits,
            int linesInUse,
            boolean bigEndian,
            int parity,
            int flowControl,
            int rxSize,
            int txSize,
            String source,
            int sourceIndex,
            Usage usage,
            boolean shared,
            RawData vendor) {
        int typeFlags = (bigEndian ? 0x80 : 0) | ((dataBits - 5) & 7) << 4 | (stopBits & 3) << 2 | (flowControl & 3);
        return add(new Resource.UartSerialBus(
                serial(2, false, usage, shared, typeFlags),
                baudRate,
                rxSize,
                txSize,
                parity,
                linesInUse,
                vendor,
                new ResourceSource(sourceIndex, source)));
    }

    /**
     * {@code PinFunction (Shared, PinPullConfiguration, FunctionNumber, ResourceSource, ResourceSourceIndex,
     * ResourceUsage, , VendorData) {pins}}; iasl sets no usage bit in Pin Function flags.
     */
    public ResourceTemplateBuilder pinFunction(
            boolean shared, int pullConfig, int function, String source, int sourceIndex, RawData vendor, int... pins) {
        return add(new Resource.PinFunction(
                1,
                shared ? 1 : 0,
                pullConfig,
                function,
                Arrays.stream(pins).boxed().toList(),
                new ResourceSource(sourceIndex, source),
                vendor));
    }

    /**
     * {@code PinConfig (Shared, PinConfigType, PinConfigValue, ResourceSource, ResourceSourceIndex,
     * ResourceUsage, , VendorData) {pins}}.
     */
    public ResourceTemplateBuilder pinConfig(
            boolean shared,
            int type,
            long value,
            String source,
            int sourceIndex,
            Usage usage,
            RawData vendor,
            int... pins) {
        return add(new Resource.PinConfig(
                1,
                pinFlags(shared, usage),
                type,
                value,
                Arrays.stream(pins).boxed().toList(),
                new ResourceSource(sourceIndex, source),
                vendor));
    }

    /** {@code PinGroup (ResourceLabel, ResourceUsage, , VendorData) {pins}}. */
    public ResourceTemplateBuilder pinGroup(String label, Usage usage, RawData vendor, int... pins) {
        return add(new Resource.PinGroup(
                1, usage == Usage.CONSUMER ? 1 : 0, Arrays.stream(pins).boxed().toList(), label, vendor));
    }

    /**
     * {@code PinGroupFunction (Shared, FunctionNumber, ResourceSource, ResourceSourceIndex, ResourceSourceLabel,
     * ResourceUsage, , VendorData)}.
     */
    public ResourceTemplateBuilder pinGroupFunction(
            boolean shared, int function, String source, int sourceIndex, String label, Usage usage, RawData vendor) {
        return add(new Resource.PinGroupFunction(
                1, pinFlags(shared, usage), function, new ResourceSource(sourceIndex, source), label, vendor));
    }

    /**
     * {@code PinGroupConfig (Shared, PinConfigType, PinConfigValue, ResourceSource, ResourceSourceIndex,
     * ResourceSourceLabel, ResourceUsage, , VendorData)}.
     */
    public ResourceTemplateBuilder pinGroupConfig(
            boolean shared,
            int type,
            long value,
            String source,
            int sourceIndex,
            String label,
            Usage usage,
            RawData vendor) {
        return add(new Resource.PinGroupConfig(
                1, pinFlags(shared, usage), type, value, new ResourceSource(sourceIndex, source), label, vendor));
    }

    /**
     * {@code ClockInput (FrequencyNumerator, FrequencyDivisor, FrequencyScale, FixedOrVariable, ResourceSource,
     * ResourceSourceIndex)} (ACPI 6.5): scale 0 Hz, 1 kHz, 2 MHz.
     */
    public ResourceTemplateBuilder clockInput(
            long numerator, int divisor, int scale, boolean variable, Optional<ResourceSource> source) {
        return add(new Resource.ClockInput(1, (scale & 3) << 1 | (variable ? 1 : 0), divisor, numerator, source));
    }

    /** The template: every descriptor added, then the End Tag unless one was added. */
    public byte[] build() {
        TableWriter w = TableWriter.headerless();
        boolean ended = false;
        for (Resource r : items) {
            write(w, r);
            if (r instanceof Resource.EndTag) {
                ended = true;
                break;
            }
        }
        if (!ended) {
            w.struct(END_TAG).set("tag", smallTag(SMALL_END_TAG, 1)).write();
        }
        byte[] out = w.toBytes();
        if (checksum && !ended) {
            out[out.length - 1] = TableWriter.checksum(out, 0, out.length);
        }
        return out;
    }

    /** The bytes of one descriptor. */
    public static byte[] encode(Resource resource) {
        TableWriter w = TableWriter.headerless();
        write(w, resource);
        return w.toBytes();
    }

    private static void write(TableWriter w, Resource resource) {
        if (resource instanceof Resource.Irq r) {
            if (r.hasFlags()) {
                w.struct(IRQ)
                        .set("tag", smallTag(SMALL_IRQ, 3))
                        .set("mask", r.mask())
                        .set("flags", r.flags())
                        .write();
            } else {
                w.u8(smallTag(SMALL_IRQ, 2)).u16(r.mask());
            }
        } else if (resource instanceof Resource.Dma r) {
            w.struct(DMA)
                    .set("tag", smallTag(SMALL_DMA, 2))
                    .set("channels", r.channelMask())
                    .set("flags", r.flags())
                    .write();
        } else if (resource instanceof Resource.StartDependent r) {
            if (r.hasPriority()) {
                w.struct(START_DEPENDENT)
                        .set("tag", smallTag(SMALL_START_DEPENDENT, 1))
                        .set("priority", r.priority())
                        .write();
            } else {
                w.u8(smallTag(SMALL_START_DEPENDENT, 0));
            }
        } else if (resource instanceof Resource.EndDependent) {
            w.u8(smallTag(SMALL_END_DEPENDENT, 0));
        } else if (resource instanceof Resource.Io r) {
            w.struct(IO)
                    .set("tag", smallTag(SMALL_IO, 7))
                    .set("info", r.info())
                    .set("minimum", r.minimum())
                    .set("maximum", r.maximum())
                    .set("alignment", r.alignment())
                    .set("length", r.length())
                    .write();
        } else if (resource instanceof Resource.FixedIo r) {
            w.struct(FIXED_IO)
                    .set("tag", smallTag(SMALL_FIXED_IO, 3))
                    .set("base", r.base())
                    .set("length", r.length())
                    .write();
        } else if (resource instanceof Resource.FixedDma r) {
            w.struct(FIXED_DMA)
                    .set("tag", smallTag(SMALL_FIXED_DMA, 5))
                    .set("requestLine", r.requestLine())
                    .set("channel", r.channel())
                    .set("width", r.width())
                    .write();
        } else if (resource instanceof Resource.VendorSmall r) {
            w.u8(smallTag(SMALL_VENDOR, r.data().size())).bytes(r.data().toArray());
        } else if (resource instanceof Resource.EndTag r) {
            w.struct(END_TAG)
                    .set("tag", smallTag(SMALL_END_TAG, 1))
                    .set("checksum", r.checksum())
                    .write();
        } else if (resource instanceof Resource.Memory24 r) {
            w.struct(MEMORY24)
                    .set("tag", 0x80 | LARGE_MEMORY24)
                    .set("length", MEMORY24.size() - 3)
                    .set("info", r.info())
                    .set("minimum", r.minimum())
                    .set("maximum", r.maximum())
                    .set("alignment", r.alignment())
                    .set("rangeLength", r.length())
                    .write();
        } else if (resource instanceof Resource.GenericRegister r) {
            w.struct(GENERIC_REGISTER)
                    .set("tag", 0x80 | LARGE_GENERIC_REGISTER)
                    .set("length", GENERIC_REGISTER.size() - 3)
                    .set("spaceId", r.spaceId())
                    .set("bitWidth", r.bitWidth())
                    .set("bitOffset", r.bitOffset())
                    .set("accessSize", r.accessSize())
                    .set("address", r.address())
                    .write();
        } else if (resource instanceof Resource.VendorLarge r) {
            w.u8(0x80 | LARGE_VENDOR).u16(r.data().size()).bytes(r.data().toArray());
        } else if (resource instanceof Resource.Memory32 r) {
            w.struct(MEMORY32)
                    .set("tag", 0x80 | LARGE_MEMORY32)
                    .set("length", MEMORY32.size() - 3)
                    .set("info", r.info())
                    .set("minimum", r.minimum())
                    .set("maximum", r.maximum())
                    .set("alignment", r.alignment())
                    .set("rangeLength", r.length())
                    .write();
        } else if (resource instanceof Resource.FixedMemory32 r) {
            w.struct(FIXED_MEMORY32)
                    .set("tag", 0x80 | LARGE_FIXED_MEMORY32)
                    .set("length", FIXED_MEMORY32.size() - 3)
                    .set("info", r.info())
                    .set("base", r.base())
                    .set("rangeLength", r.length())
                    .write();
        } else if (resource instanceof Resource.AddressSpace r) {
            writeAddress(w, r);
        } else if (resource instanceof Resource.ExtendedInterrupt r) {
            byte[] source = optionalSource(r.source());
            w.struct(EXTENDED_IRQ)
                    .set("tag", 0x80 | LARGE_EXTENDED_IRQ)
                    .set("length", EXTENDED_IRQ.size() - 3 + 4 * r.interrupts().size() + source.length)
                    .set("flags", r.flags())
                    .set("count", r.interrupts().size())
                    .write();
            r.interrupts().forEach(w::u32);
            w.bytes(source);
        } else if (resource instanceof Resource.Gpio r) {
            int pinAt = GPIO.size();
            int nameAt = pinAt + 2 * r.pins().size();
            byte[] name = nulTerminated(r.source().name());
            int vendorAt = nameAt + name.length;
            w.struct(GPIO)
                    .set("tag", 0x80 | LARGE_GPIO)
                    .set("length", vendorAt + r.vendor().size() - 3)
                    .set("revision", r.revision())
                    .set("connectionType", r.connectionType())
                    .set("generalFlags", r.generalFlags())
                    .set("interruptFlags", r.interruptFlags())
                    .set("pinConfig", r.pinConfig())
                    .set("driveStrength", r.driveStrength())
                    .set("debounceTimeout", r.debounceTimeout())
                    .set("pinTableOffset", pinAt)
                    .set("sourceIndex", r.source().index())
                    .set("sourceNameOffset", nameAt)
                    .set("vendorOffset", vendorAt)
                    .set("vendorLength", r.vendor().size())
                    .write();
            r.pins().forEach(w::u16);
            w.bytes(name).bytes(r.vendor().toArray());
        } else if (resource instanceof Resource.I2cSerialBus r) {
            writeSerial(
                    w,
                    I2C,
                    BUS_I2C,
                    r.common(),
                    r.source(),
                    r.vendor(),
                    s -> s.set("speed", r.speed()).set("address", r.address()));
        } else if (resource instanceof Resource.SpiSerialBus r) {
            writeSerial(
                    w,
                    SPI,
                    BUS_SPI,
                    r.common(),
                    r.source(),
                    r.vendor(),
                    s -> s.set("speed", r.speed())
                            .set("dataBitLength", r.dataBitLength())
                            .set("clockPhase", r.clockPhase())
                            .set("clockPolarity", r.clockPolarity())
                            .set("deviceSelection", r.deviceSelection()));
        } else if (resource instanceof Resource.UartSerialBus r) {
            writeSerial(
                    w,
                    UART,
                    BUS_UART,
                    r.common(),
                    r.source(),
                    r.vendor(),
                    s -> s.set("baudRate", r.baudRate())
                            .set("rxFifo", r.rxFifo())
                            .set("txFifo", r.txFifo())
                            .set("parity", r.parity())
                            .set("linesEnabled", r.linesEnabled()));
        } else if (resource instanceof Resource.Csi2SerialBus r) {
            writeSerial(w, SERIAL_BUS, BUS_CSI2, r.common(), r.source(), r.vendor(), s -> s);
        } else if (resource instanceof Resource.OtherSerialBus r) {
            writeSerial(w, SERIAL_BUS, r.busType(), r.common(), r.source(), r.typeData(), s -> s);
        } else if (resource instanceof Resource.PinFunction r) {
            int pinAt = PIN_FUNCTION.size();
            int nameAt = pinAt + 2 * r.pins().size();
            byte[] name = nulTerminated(r.source().name());
            int vendorAt = nameAt + name.length;
            w.struct(PIN_FUNCTION)
                    .set("tag", 0x80 | LARGE_PIN_FUNCTION)
                    .set("length", vendorAt + r.vendor().size() - 3)
                    .set("revision", r.revision())
                    .set("flags", r.flags())
                    .set("pullConfig", r.pullConfig())
                    .set("function", r.function())
                    .set("pinTableOffset", pinAt)
                    .set("sourceIndex", r.source().index())
                    .set("sourceNameOffset", nameAt)
                    .set("vendorOffset", vendorAt)
                    .set("vendorLength", r.vendor().size())
                    .write();
            r.pins().forEach(w::u16);
            w.bytes(name).bytes(r.vendor().toArray());
        } else if (resource instanceof Resource.PinConfig r) {
            int pinAt = PIN_CONFIG.size();
            int nameAt = pinAt + 2 * r.pins().size();
            byte[] name = nulTerminated(r.source().name());
            int vendorAt = nameAt + name.length;
            w.struct(PIN_CONFIG)
                    .set("tag", 0x80 | LARGE_PIN_CONFIG)
                    .set("length", vendorAt + r.vendor().size() - 3)
                    .set("revision", r.revision())
                    .set("flags", r.flags())
                    .set("configType", r.configType())
                    .set("configValue", r.configValue())
                    .set("pinTableOffset", pinAt)
                    .set("sourceIndex", r.source().index())
                    .set("sourceNameOffset", nameAt)
                    .set("vendorOffset", vendorAt)
                    .set("vendorLength", r.vendor().size())
                    .write();
            r.pins().forEach(w::u16);
            w.bytes(name).bytes(r.vendor().toArray());
        } else if (resource instanceof Resource.PinGroup r) {
            int pinAt = PIN_GROUP.size();
            int labelAt = pinAt + 2 * r.pins().size();
            byte[] label = nulTerminated(r.label());
            int vendorAt = labelAt + label.length;
            w.struct(PIN_GROUP)
                    .set("tag", 0x80 | LARGE_PIN_GROUP)
                    .set("length", vendorAt + r.vendor().size() - 3)
                    .set("revision", r.revision())
                    .set("flags", r.flags())
                    .set("pinTableOffset", pinAt)
                    .set("labelOffset", labelAt)
                    .set("vendorOffset", vendorAt)
                    .set("vendorLength", r.vendor().size())
                    .write();
            r.pins().forEach(w::u16);
            w.bytes(label).bytes(r.vendor().toArray());
        } else if (resource instanceof Resource.PinGroupFunction r) {
            byte[] name = nulTerminated(r.source().name());
            byte[] label = nulTerminated(r.label());
            int nameAt = PIN_GROUP_FUNCTION.size();
            int labelAt = nameAt + name.length;
            int vendorAt = labelAt + label.length;
            w.struct(PIN_GROUP_FUNCTION)
                    .set("tag", 0x80 | LARGE_PIN_GROUP_FUNCTION)
                    .set("length", vendorAt + r.vendor().size() - 3)
                    .set("revision", r.revision())
                    .set("flags", r.flags())
                    .set("function", r.function())
                    .set("sourceIndex", r.source().index())
                    .set("sourceNameOffset", nameAt)
                    .set("labelOffset", labelAt)
                    .set("vendorOffset", vendorAt)
                    .set("vendorLength", r.vendor().size())
                    .write();
            w.bytes(name).bytes(label).bytes(r.vendor().toArray());
        } else if (resource instanceof Resource.PinGroupConfig r) {
            byte[] name = nulTerminated(r.source().name());
            byte[] label = nulTerminated(r.label());
            int nameAt = PIN_GROUP_CONFIG.size();
            int labelAt = nameAt + name.length;
            int vendorAt = labelAt + label.length;
            w.struct(PIN_GROUP_CONFIG)
                    .set("tag", 0x80 | LARGE_PIN_GROUP_CONFIG)
                    .set("length", vendorAt + r.vendor().size() - 3)
                    .set("revision", r.revision())
                    .set("flags", r.flags())
                    .set("configType", r.configType())
                    .set("configValue", r.configValue())
                    .set("sourceIndex", r.source().index())
                    .set("sourceNameOffset", nameAt)
                    .set("labelOffset", labelAt)
                    .set("vendorOffset", vendorAt)
                    .set("vendorLength", r.vendor().size())
                    .write();
            w.bytes(name).bytes(label).bytes(r.vendor().toArray());
        } else if (resource instanceof Resource.ClockInput r) {
            byte[] source = optionalSource(r.source());
            w.struct(CLOCK_INPUT)
                    .set("tag", 0x80 | LARGE_CLOCK_INPUT)
                    .set("length", CLOCK_INPUT.size() - 3 + source.length)
                    .set("revision", r.revision())
                    .set("flags", r.flags())
                    .set("divisor", r.divisor())
                    .set("numerator", r.numerator())
                    .write();
            w.bytes(source);
        } else if (resource instanceof Resource.Unknown r) {
            if ((r.tag() & 0x80) != 0) {
                w.u8(r.tag()).u16(r.data().size());
            } else {
                w.u8((r.tag() & 0xF8) | (r.data().size() & 7));
            }
            w.bytes(r.data().toArray());
        }
    }

    private static void writeAddress(TableWriter w, Resource.AddressSpace r) {
        var layout = switch (r.width()) {
            case WORD -> WORD_ADDRESS;
            case DWORD -> DWORD_ADDRESS;
            case QWORD -> QWORD_ADDRESS;
            case EXTENDED -> EXTENDED_ADDRESS;
        };
        int name = switch (r.width()) {
            case WORD -> LARGE_WORD_ADDRESS;
            case DWORD -> LARGE_DWORD_ADDRESS;
            case QWORD -> LARGE_QWORD_ADDRESS;
            case EXTENDED -> LARGE_EXTENDED_ADDRESS;
        };
        byte[] source = r.width() == AddressWidth.EXTENDED ? new byte[0] : optionalSource(r.source());
        var s = w.struct(layout)
                .set("tag", 0x80 | name)
                .set("length", layout.size() - 3 + source.length)
                .set("resourceType", r.resourceType())
                .set("generalFlags", r.generalFlags())
                .set("typeFlags", r.typeFlags())
                .set("granularity", r.granularity())
                .set("minimum", r.minimum())
                .set("maximum", r.maximum())
                .set("translationOffset", r.translationOffset())
                .set("addressLength", r.length());
        if (r.width() == AddressWidth.EXTENDED) {
            s.set("revision", r.revision()).set("typeAttribute", r.typeAttribute());
        }
        s.write().bytes(source);
    }

    private static void writeSerial(
            TableWriter w,
            Layout layout,
            int busType,
            Resource.SerialBusCommon c,
            ResourceSource source,
            RawData vendor,
            UnaryOperator<TableWriter.StructWriter> typeFields) {
        int typeData = layout.size() - SERIAL_BUS.size() + vendor.size();
        byte[] name = nulTerminated(source.name());
        var s = w.struct(layout)
                .set("tag", 0x80 | LARGE_SERIAL_BUS)
                .set("length", layout.size() - 3 + vendor.size() + name.length)
                .set("revision", c.revision())
                .set("sourceIndex", source.index())
                .set("busType", busType)
                .set("generalFlags", c.generalFlags())
                .set("typeFlags", c.typeFlags())
                .set("typeRevision", c.typeRevision())
                .set("typeDataLength", typeData);
        typeFields.apply(s).write().bytes(vendor.toArray()).bytes(name);
    }

    private static Resource.SerialBusCommon serial(
            int revision, boolean deviceInitiated, Usage usage, boolean shared, int typeFlags) {
        int flags = (deviceInitiated ? 1 : 0) | (usage == Usage.CONSUMER ? 2 : 0) | (shared ? 4 : 0);
        return new Resource.SerialBusCommon(revision, flags, typeFlags, 1);
    }

    private static int pinFlags(boolean shared, Usage usage) {
        return (shared ? 1 : 0) | (usage == Usage.CONSUMER ? 2 : 0);
    }

    /** An index byte, then the name and its NUL unless the name is empty; nothing when absent. */
    private static byte[] optionalSource(Optional<ResourceSource> source) {
        if (source.isEmpty()) {
            return new byte[0];
        }
        byte[] name = source.get().name().isEmpty()
                ? new byte[0]
                : nulTerminated(source.get().name());
        byte[] out = new byte[1 + name.length];
        out[0] = (byte) source.get().index();
        System.arraycopy(name, 0, out, 1, name.length);
        return out;
    }

    private static byte[] nulTerminated(String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        return Arrays.copyOf(b, b.length + 1);
    }

    private static int smallTag(int name, int length) {
        return name << 3 | length;
    }

    private static int mask(int... bits) {
        int m = 0;
        for (int b : bits) {
            m |= 1 << b;
        }
        return m;
    }
}
