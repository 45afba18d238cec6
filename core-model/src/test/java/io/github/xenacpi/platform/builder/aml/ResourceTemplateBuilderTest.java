package io.github.xenacpi.platform.builder.aml;

import static io.github.xenacpi.aml.resource.Polarity.ACTIVE_BOTH;
import static io.github.xenacpi.aml.resource.Polarity.ACTIVE_HIGH;
import static io.github.xenacpi.aml.resource.Polarity.ACTIVE_LOW;
import static io.github.xenacpi.aml.resource.Sharing.EXCLUSIVE;
import static io.github.xenacpi.aml.resource.Sharing.EXCLUSIVE_AND_WAKE;
import static io.github.xenacpi.aml.resource.Sharing.SHARED_AND_WAKE;
import static io.github.xenacpi.aml.resource.Trigger.EDGE;
import static io.github.xenacpi.aml.resource.Trigger.LEVEL;
import static io.github.xenacpi.aml.resource.Usage.CONSUMER;
import static io.github.xenacpi.aml.resource.Usage.PRODUCER;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.aml.resource.Cacheability;
import io.github.xenacpi.aml.resource.MemoryResource;
import io.github.xenacpi.aml.resource.RawData;
import io.github.xenacpi.aml.resource.Resource;
import io.github.xenacpi.aml.resource.ResourceSource;
import io.github.xenacpi.aml.resource.ResourceTemplate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * One test per ASL macro: the ASL line in the comment is what the builder call mirrors (byte equality with iasl
 * for these lines is checked by {@link ResourceTemplateDifferentialTest}); here the decoded fields are asserted.
 */
class ResourceTemplateBuilderTest {

    private static final String GPIO = "\\_SB.GPI0";
    private static final String I2C = "\\_SB.I2C0";

    private static ResourceTemplate decode(ResourceTemplateBuilder b) {
        ResourceTemplate t = ResourceTemplate.decode(b.build(), "\\_SB.DEV0._CRS");
        assertThat(t.diagnostics()).isEmpty();
        assertThat(t.resources()).last().isEqualTo(new Resource.EndTag(0));
        return t;
    }

    private static <T extends Resource> T only(ResourceTemplateBuilder b, Class<T> type) {
        List<T> all = decode(b).resourcesOf(type);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    @Test
    void memory32FixedIsAFixedMemoryRange() {
        // Memory32Fixed (ReadWrite, 0x12340000, 0x00001000, )
        ResourceTemplate t = decode(new ResourceTemplateBuilder().memory32Fixed(true, 0x1234_0000L, 0x1000));

        Resource.FixedMemory32 m = t.resourcesOf(Resource.FixedMemory32.class).get(0);
        assertThat(m.base()).isEqualTo(0x1234_0000L);
        assertThat(m.length()).isEqualTo(0x1000);
        assertThat(m.writable()).isTrue();
        assertThat(m.isMemory()).isTrue();
        assertThat(t.memoryRanges())
                .containsExactly(new MemoryResource(0x1234_0000L, 0x1000, true, Cacheability.UNSPECIFIED, 0, true));
        // Memory32Fixed (ReadOnly, 0x12340000, 0x00001000, )
        assertThat(only(
                                new ResourceTemplateBuilder().memory32Fixed(false, 0x1234_0000L, 0x1000),
                                Resource.FixedMemory32.class)
                        .writable())
                .isFalse();
    }

    @Test
    void qwordMemoryCarriesEveryFlagAndTheResourceSource() {
        // QWordMemory (ResourceProducer, SubDecode, MinNotFixed, MaxNotFixed, Prefetchable, ReadOnly, 0xFFF,
        //     0x1000, 0x2FFF, 0x10, 0x1000, 3, "\\_SB.I2C0", , AddressRangeNVS, TypeTranslation)
        Resource.AddressSpace a = only(
                new ResourceTemplateBuilder()
                        .qwordAddress(AddressSpec.memory()
                                .usage(PRODUCER)
                                .subtractiveDecode(true)
                                .cacheability(Cacheability.PREFETCHABLE)
                                .writable(false)
                                .range(0xFFF, 0x1000, 0x2FFF, 0x10, 0x1000)
                                .source(3, I2C)
                                .memoryType(3)
                                .typeTranslation(true)),
                Resource.AddressSpace.class);

        assertThat(a.typeName()).isEqualTo("QWord Address Space");
        assertThat(a.usage()).isEqualTo(PRODUCER);
        assertThat(a.subtractiveDecode()).isTrue();
        assertThat(a.minFixed()).isFalse();
        assertThat(a.maxFixed()).isFalse();
        assertThat(a.cacheability()).isEqualTo(Cacheability.PREFETCHABLE);
        assertThat(a.writable()).isFalse();
        assertThat(a.memoryType()).isEqualTo(3);
        assertThat(a.typeTranslation()).isTrue();
        assertThat(List.of(a.granularity(), a.minimum(), a.maximum(), a.translationOffset(), a.length()))
                .containsExactly(0xFFFL, 0x1000L, 0x2FFFL, 0x10L, 0x1000L);
        assertThat(a.source()).contains(new ResourceSource(3, I2C));
        // Fixed size, relocatable: the range starts at _MIN at the earliest and its location is not fixed.
        assertThat(a.memoryRanges())
                .containsExactly(new MemoryResource(0x1000, 0x1000, false, Cacheability.PREFETCHABLE, 0x10, false));
    }

    @Test
    void dwordMemoryAndWordBusNumberWithAndWithoutSourceStrings() {
        // WordBusNumber (ResourceProducer, MinFixed, MaxFixed, PosDecode, 0x0000, 0x0000, 0x00FF, 0x0000,
        //     0x0100, 1, "PCI0")
        // DWordMemory (ResourceConsumer, , MinFixed, MaxFixed, Cacheable, ReadWrite, 0x0, 0x60000000,
        //     0x6FFFFFFF, 0x0, 0x10000000, 2, ,)
        ResourceTemplate t = decode(new ResourceTemplateBuilder()
                .wordAddress(
                        AddressSpec.busNumber().usage(PRODUCER).fixed(0, 0x100).source(1, "PCI0"))
                .dwordAddress(AddressSpec.memory()
                        .cacheability(Cacheability.CACHEABLE)
                        .fixed(0x6000_0000L, 0x1000_0000L)
                        .source(2, "")));

        List<Resource.AddressSpace> a = t.resourcesOf(Resource.AddressSpace.class);
        assertThat(a.get(0).resourceType()).isEqualTo(Resource.AddressSpace.BUS_NUMBER);
        assertThat(a.get(0).isMemory()).isFalse();
        assertThat(a.get(0).maximum()).isEqualTo(0xFF);
        assertThat(a.get(0).source()).contains(new ResourceSource(1, "PCI0"));
        assertThat(a.get(1).usage()).isEqualTo(CONSUMER);
        assertThat(a.get(1).source()).contains(new ResourceSource(2, ""));
        assertThat(t.entries().get(1).length()).isEqualTo(3 + 23 + 1);
        assertThat(t.memoryRanges())
                .containsExactly(new MemoryResource(0x6000_0000L, 0x1000_0000L, true, Cacheability.CACHEABLE, 0, true));
    }

    @Test
    void ioAddressSpaceFlagsAndExtendedMemory() {
        // DWordIO (ResourceProducer, MinFixed, MaxFixed, PosDecode, EntireRange, 0x0, 0x0, 0xFFFF, 0x80000000,
        //     0x10000, , , , TypeTranslation, SparseTranslation)
        // ExtendedMemory (ResourceConsumer, PosDecode, MinFixed, MaxFixed, WriteCombining, ReadWrite, 0x0,
        //     0x80000000, 0x8FFFFFFF, 0x0, 0x10000000, 0x0000000000000008, , , )
        ResourceTemplate t = decode(new ResourceTemplateBuilder()
                .dwordAddress(AddressSpec.io()
                        .usage(PRODUCER)
                        .minFixed(true)
                        .maxFixed(true)
                        .range(0, 0, 0xFFFF, 0x8000_0000L, 0x1_0000L)
                        .typeTranslation(true)
                        .sparseTranslation(true))
                .extendedAddress(
                        AddressSpec.memory()
                                .cacheability(Cacheability.WRITE_COMBINING)
                                .fixed(0x8000_0000L, 0x1000_0000L),
                        8));

        Resource.AddressSpace io = t.resourcesOf(Resource.AddressSpace.class).get(0);
        assertThat(io.resourceType()).isEqualTo(Resource.AddressSpace.IO);
        assertThat(io.ioRange()).isEqualTo(3);
        assertThat(io.typeTranslation()).isTrue();
        assertThat(io.sparseTranslation()).isTrue();
        assertThat(io.memoryRanges()).isEmpty();
        Resource.AddressSpace ext = t.resourcesOf(Resource.AddressSpace.class).get(1);
        assertThat(ext.width().bytes()).isEqualTo(8);
        assertThat(ext.revision()).isEqualTo(1);
        assertThat(ext.typeAttribute()).isEqualTo(8);
        assertThat(ext.source()).isEmpty();
        assertThat(t.memoryRanges())
                .containsExactly(
                        new MemoryResource(0x8000_0000L, 0x1000_0000L, true, Cacheability.WRITE_COMBINING, 0, true));
    }

    @Test
    void interruptFlagsListAndSource() {
        // Interrupt (ResourceConsumer, Level, ActiveHigh, Exclusive, ,, ) { 0x20, 0x21 }
        // Interrupt (ResourceProducer, Edge, ActiveLow, SharedAndWake, 7, "\\_SB.GPI0", ) { 0x100 }
        ResourceTemplate t = decode(new ResourceTemplateBuilder()
                .interrupt(CONSUMER, LEVEL, ACTIVE_HIGH, EXCLUSIVE, 0x20, 0x21)
                .interrupt(
                        PRODUCER, EDGE, ACTIVE_LOW, SHARED_AND_WAKE, Optional.of(new ResourceSource(7, GPIO)), 0x100));

        List<Resource.ExtendedInterrupt> irqs = t.resourcesOf(Resource.ExtendedInterrupt.class);
        assertThat(irqs.get(0).interrupts()).containsExactly(0x20L, 0x21L);
        assertThat(irqs.get(0).usage()).isEqualTo(CONSUMER);
        assertThat(irqs.get(0).trigger()).isEqualTo(LEVEL);
        assertThat(irqs.get(0).polarity()).isEqualTo(ACTIVE_HIGH);
        assertThat(irqs.get(0).sharing()).isEqualTo(EXCLUSIVE);
        assertThat(irqs.get(0).source()).isEmpty();
        assertThat(irqs.get(1).usage()).isEqualTo(PRODUCER);
        assertThat(irqs.get(1).trigger()).isEqualTo(EDGE);
        assertThat(irqs.get(1).polarity()).isEqualTo(ACTIVE_LOW);
        assertThat(irqs.get(1).sharing()).isEqualTo(SHARED_AND_WAKE);
        assertThat(irqs.get(1).source()).contains(new ResourceSource(7, GPIO));
    }

    @Test
    void gpioIntAndGpioIo() {
        // GpioInt (Edge, ActiveBoth, ExclusiveAndWake, PullUp, 0x1388, "\\_SB.GPI0", 0x00, ResourceConsumer, ,
        //     RawDataBuffer () {0x01, 0x02}) { 0x0010 }
        // GpioIo (Shared, PullDown, 0x0064, 0x00C8, IoRestrictionOutputOnly, "\\_SB.GPI0", 0x00,
        //     ResourceConsumer, , ) { 0x0005 }
        ResourceTemplate t = decode(new ResourceTemplateBuilder()
                .gpioInt(
                        EDGE, ACTIVE_BOTH, EXCLUSIVE_AND_WAKE, 1, 0x1388, GPIO, 0, CONSUMER, RawData.ofInts(1, 2), 0x10)
                .gpioIo(true, 2, 0x64, 0xC8, 2, GPIO, 0, CONSUMER, RawData.EMPTY, 5));

        Resource.Gpio irq = t.resourcesOf(Resource.Gpio.class).get(0);
        assertThat(irq.connectionType()).isEqualTo(Resource.Gpio.INTERRUPT);
        assertThat(irq.trigger()).isEqualTo(EDGE);
        assertThat(irq.polarity()).isEqualTo(ACTIVE_BOTH);
        assertThat(irq.sharing()).isEqualTo(EXCLUSIVE_AND_WAKE);
        assertThat(irq.pinConfig()).isEqualTo(1);
        assertThat(irq.debounceTimeout()).isEqualTo(0x1388);
        assertThat(irq.pins()).containsExactly(0x10);
        assertThat(irq.source()).isEqualTo(new ResourceSource(0, GPIO));
        assertThat(irq.vendor()).isEqualTo(RawData.ofInts(1, 2));
        Resource.Gpio io = t.resourcesOf(Resource.Gpio.class).get(1);
        assertThat(io.connectionType()).isEqualTo(Resource.Gpio.IO);
        assertThat(io.sharing().shared()).isTrue();
        assertThat(io.ioRestriction()).isEqualTo(2);
        assertThat(io.driveStrength()).isEqualTo(0xC8);
        assertThat(io.debounceTimeout()).isEqualTo(0x64);
        assertThat(io.usage()).isEqualTo(CONSUMER);
    }

    @Test
    void serialBusConnections() {
        // I2cSerialBusV2 (0x0050, ControllerInitiated, 0x000186A0, AddressingMode7Bit, "\\_SB.I2C0", 0x00,
        //     ResourceConsumer, , Exclusive, )
        // SpiSerialBusV2 (0x0001, PolarityLow, FourWireMode, 0x08, ControllerInitiated, 0x00989680,
        //     ClockPolarityLow, ClockPhaseFirst, "\\_SB.I2C0", 0x00, ResourceConsumer, , Shared,
        //     RawDataBuffer () {0xAA})
        // UartSerialBusV2 (0x0001C200, DataBitsEight, StopBitsOne, 0xC0, LittleEndian, ParityTypeNone,
        //     FlowControlHardware, 0x0020, 0x0040, "\\_SB.I2C0", 0x00, ResourceConsumer, , Exclusive, )
        ResourceTemplate t = decode(new ResourceTemplateBuilder()
                .i2cSerialBusV2(0x50, false, 100_000, false, I2C, 0, CONSUMER, false, RawData.EMPTY)
                .spiSerialBusV2(
                        1, false, false, 8, false, 10_000_000, 0, 0, I2C, 0, CONSUMER, true, RawData.ofInts(0xAA))
                .uartSerialBusV2(115_200, 8, 1, 0xC0, false, 0, 1, 0x20, 0x40, I2C, 0, CONSUMER, false, RawData.EMPTY));

        Resource.I2cSerialBus i2c = t.resourcesOf(Resource.I2cSerialBus.class).get(0);
        assertThat(i2c.address()).isEqualTo(0x50);
        assertThat(i2c.speed()).isEqualTo(100_000);
        assertThat(i2c.tenBitAddressing()).isFalse();
        assertThat(i2c.common().revision()).isEqualTo(2);
        assertThat(i2c.common().deviceInitiated()).isFalse();
        assertThat(i2c.common().usage()).isEqualTo(CONSUMER);
        assertThat(i2c.source()).isEqualTo(new ResourceSource(0, I2C));
        Resource.SpiSerialBus spi = t.resourcesOf(Resource.SpiSerialBus.class).get(0);
        assertThat(spi.speed()).isEqualTo(10_000_000);
        assertThat(spi.dataBitLength()).isEqualTo(8);
        assertThat(spi.deviceSelection()).isEqualTo(1);
        assertThat(spi.threeWire()).isFalse();
        assertThat(spi.selectActiveHigh()).isFalse();
        assertThat(spi.common().shared()).isTrue();
        assertThat(spi.vendor()).isEqualTo(RawData.ofInts(0xAA));
        Resource.UartSerialBus uart =
                t.resourcesOf(Resource.UartSerialBus.class).get(0);
        assertThat(uart.baudRate()).isEqualTo(115_200);
        assertThat(uart.dataBits()).isEqualTo(8);
        assertThat(uart.stopBits()).isEqualTo(1);
        assertThat(uart.flowControl()).isEqualTo(1);
        assertThat(uart.bigEndian()).isFalse();
        assertThat(uart.linesEnabled()).isEqualTo(0xC0);
        assertThat(uart.rxFifo()).isEqualTo(0x20);
        assertThat(uart.txFifo()).isEqualTo(0x40);
    }

    @Test
    void legacyIsaDescriptors() {
        // IO (Decode16, 0x03F8, 0x03F8, 0x01, 0x08, )
        // IRQ (Level, ActiveLow, SharedAndWake, ) { 15 }
        // IRQNoFlags () { 9 }
        // DMA (Compatibility, BusMaster, Transfer8_16, ) { 1, 3 }
        // FixedIO (0x0060, 0x01, )
        // FixedDMA (0x0005, 0x0002, Width32bit, )
        ResourceTemplate t = decode(new ResourceTemplateBuilder()
                .io(true, 0x3F8, 0x3F8, 1, 8)
                .irq(LEVEL, ACTIVE_LOW, SHARED_AND_WAKE, 15)
                .irqNoFlags(9)
                .dma(0, true, 1, 1, 3)
                .fixedIo(0x60, 1)
                .fixedDma(5, 2, 2));

        assertThat(t.resources()).startsWith(new Resource.Io(1, 0x3F8, 0x3F8, 1, 8));
        Resource.Irq level = t.resourcesOf(Resource.Irq.class).get(0);
        assertThat(level.irqs()).containsExactly(15);
        assertThat(level.trigger()).isEqualTo(LEVEL);
        assertThat(level.polarity()).isEqualTo(ACTIVE_LOW);
        assertThat(level.sharing()).isEqualTo(SHARED_AND_WAKE);
        Resource.Irq noFlags = t.resourcesOf(Resource.Irq.class).get(1);
        assertThat(noFlags.hasFlags()).isFalse();
        assertThat(noFlags.trigger()).isEqualTo(EDGE);
        assertThat(t.entries().get(2).length()).isEqualTo(3);
        Resource.Dma dma = t.resourcesOf(Resource.Dma.class).get(0);
        assertThat(dma.channels()).containsExactly(1, 3);
        assertThat(dma.busMaster()).isTrue();
        assertThat(dma.transferSize()).isEqualTo(1);
        assertThat(t.resources()).contains(new Resource.FixedIo(0x60, 1), new Resource.FixedDma(5, 2, 2));
    }

    @Test
    void dependentFunctionsMemoryRangesVendorAndRegister() {
        // StartDependentFn (1, 2) { IO (Decode16, 0x0378, 0x0378, 0x01, 0x08, ) }
        // StartDependentFnNoPri () { IRQNoFlags () { 5 } }
        // EndDependentFn ()
        // Memory24 (ReadWrite, 0x0010, 0x00FF, 0x0001, 0x0010, )
        // Memory32 (ReadOnly, 0x10000000, 0x1FFFE000, 0x00001000, 0x00002000, )
        // VendorShort () { 0x01, 0x02, 0x03 }
        // VendorLong () { 0x11, 0x22, 0x33, 0x44 }
        // Register (SystemMemory, 0x20, 0x00, 0x0000000012345678, 0x03, )
        ResourceTemplate t = decode(new ResourceTemplateBuilder()
                .startDependentFn(1, 2)
                .io(true, 0x378, 0x378, 1, 8)
                .startDependentFnNoPri()
                .irqNoFlags(5)
                .endDependentFn()
                .memory24(true, 0x10, 0xFF, 1, 0x10)
                .memory32(false, 0x1000_0000L, 0x1FFF_E000L, 0x1000, 0x2000)
                .vendorShort(1, 2, 3)
                .vendorLong(0x11, 0x22, 0x33, 0x44)
                .register(0, 0x20, 0, 0x1234_5678L, 3));

        Resource.StartDependent first =
                t.resourcesOf(Resource.StartDependent.class).get(0);
        assertThat(first.compatibility()).isEqualTo(1);
        assertThat(first.performance()).isEqualTo(2);
        assertThat(t.resourcesOf(Resource.StartDependent.class).get(1).hasPriority())
                .isFalse();
        assertThat(t.resourcesOf(Resource.EndDependent.class)).hasSize(1);
        assertThat(t.memoryRanges())
                .containsExactly(
                        // Memory24 counts in 256-byte units.
                        new MemoryResource(0x1000, 0x1000, true, Cacheability.UNSPECIFIED, 0, false),
                        new MemoryResource(0x1000_0000L, 0x2000, false, Cacheability.UNSPECIFIED, 0, false));
        assertThat(t.resources())
                .contains(
                        new Resource.VendorSmall(RawData.ofInts(1, 2, 3)),
                        new Resource.VendorLarge(RawData.ofInts(0x11, 0x22, 0x33, 0x44)),
                        new Resource.GenericRegister(0, 0x20, 0, 3, 0x1234_5678L));
    }

    @Test
    void pinDescriptors() {
        // PinFunction (Exclusive, PullUp, 0x1234, "\\_SB.GPI0", 0, ResourceConsumer, ,
        //     RawDataBuffer () {0x0A}) { 2, 3 }
        // PinConfig (Shared, 0x01, 0x00002710, "\\_SB.GPI0", 0, ResourceConsumer, , ) { 4, 5 }
        // PinGroup ("group1", ResourceProducer, , ) { 6, 7, 8 }
        // PinGroupFunction (Shared, 0x0004, "\\_SB.GPI0", 0, "group1", ResourceConsumer, , )
        // PinGroupConfig (Exclusive, 0x0A, 0x00001234, "\\_SB.GPI0", 0, "group1", ResourceConsumer, , )
        ResourceTemplate t = decode(new ResourceTemplateBuilder()
                .pinFunction(false, 1, 0x1234, GPIO, 0, RawData.ofInts(0x0A), 2, 3)
                .pinConfig(true, 1, 10_000, GPIO, 0, CONSUMER, RawData.EMPTY, 4, 5)
                .pinGroup("group1", PRODUCER, RawData.EMPTY, 6, 7, 8)
                .pinGroupFunction(true, 4, GPIO, 0, "group1", CONSUMER, RawData.EMPTY)
                .pinGroupConfig(false, 0x0A, 0x1234, GPIO, 0, "group1", CONSUMER, RawData.EMPTY));

        Resource.PinFunction f = t.resourcesOf(Resource.PinFunction.class).get(0);
        assertThat(f.function()).isEqualTo(0x1234);
        assertThat(f.pullConfig()).isEqualTo(1);
        assertThat(f.pins()).containsExactly(2, 3);
        assertThat(f.vendor()).isEqualTo(RawData.ofInts(0x0A));
        Resource.PinConfig c = t.resourcesOf(Resource.PinConfig.class).get(0);
        assertThat(c.shared()).isTrue();
        assertThat(c.usage()).isEqualTo(CONSUMER);
        assertThat(c.configValue()).isEqualTo(10_000);
        assertThat(c.pins()).containsExactly(4, 5);
        Resource.PinGroup g = t.resourcesOf(Resource.PinGroup.class).get(0);
        assertThat(g.label()).isEqualTo("group1");
        assertThat(g.usage()).isEqualTo(PRODUCER);
        assertThat(g.pins()).containsExactly(6, 7, 8);
        Resource.PinGroupFunction gf =
                t.resourcesOf(Resource.PinGroupFunction.class).get(0);
        assertThat(gf.label()).isEqualTo("group1");
        assertThat(gf.source()).isEqualTo(new ResourceSource(0, GPIO));
        assertThat(gf.function()).isEqualTo(4);
        Resource.PinGroupConfig gc =
                t.resourcesOf(Resource.PinGroupConfig.class).get(0);
        assertThat(gc.configType()).isEqualTo(0x0A);
        assertThat(gc.configValue()).isEqualTo(0x1234);
        assertThat(gc.shared()).isFalse();
    }

    @Test
    void clockInput() {
        // ClockInput (19200000, 1, Hz, Variable, "\\_SB.CLK0", 0)  (ACPI 6.5; iasl 20200925 lacks it)
        Resource.ClockInput c = only(
                new ResourceTemplateBuilder()
                        .clockInput(19_200_000, 1, 0, true, Optional.of(new ResourceSource(0, "\\_SB.CLK0"))),
                Resource.ClockInput.class);

        assertThat(c.numerator()).isEqualTo(19_200_000);
        assertThat(c.divisor()).isEqualTo(1);
        assertThat(c.scale()).isZero();
        assertThat(c.variable()).isTrue();
        assertThat(c.source()).contains(new ResourceSource(0, "\\_SB.CLK0"));
    }

    @Test
    void checksumOptionMakesTheTemplateSumToZero() {
        byte[] bytes = new ResourceTemplateBuilder()
                .memory32Fixed(true, 0x1234_0000L, 0x1000)
                .withChecksum()
                .build();

        int sum = 0;
        for (byte b : bytes) {
            sum += b;
        }
        assertThat(sum & 0xFF).isZero();
        ResourceTemplate t = ResourceTemplate.decode(bytes, "\\_SB.DEV0._CRS");
        assertThat(t.diagnostics()).isEmpty();
        assertThat(((Resource.EndTag) t.resources().get(1)).checksum()).isNotZero();
    }
}
