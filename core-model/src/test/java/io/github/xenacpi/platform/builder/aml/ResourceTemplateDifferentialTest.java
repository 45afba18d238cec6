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
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.xenacpi.aml.resource.Cacheability;
import io.github.xenacpi.aml.resource.RawData;
import io.github.xenacpi.aml.resource.ResourceSource;
import io.github.xenacpi.aml.resource.ResourceTemplate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiles ASL resource templates with iasl and compares the _CRS buffer bytes with the builder's, macro by
 * macro. Runs in the differential profile; skipped when iasl is not installed.
 */
@Tag("differential")
class ResourceTemplateDifferentialTest {

    private static final String G = "\\_SB.GPI0";
    private static final String I = "\\_SB.I2C0";

    /** ASL template body and the builder that should write the same bytes. */
    private static Map<String, ResourceTemplateBuilder> cases() {
        Map<String, ResourceTemplateBuilder> m = new LinkedHashMap<>();
        m.put("Memory32Fixed (ReadWrite, 0x12340000, 0x00001000, )", b().memory32Fixed(true, 0x1234_0000L, 0x1000));
        m.put(
                "QWordMemory (ResourceConsumer, PosDecode, MinFixed, MaxFixed, Cacheable, ReadWrite, 0x0,"
                        + " 0x100000000, 0x1FFFFFFFF, 0x0, 0x100000000, , , , AddressRangeMemory, TypeStatic)",
                b().qwordAddress(AddressSpec.memory()
                        .cacheability(Cacheability.CACHEABLE)
                        .fixed(0x1_0000_0000L, 0x1_0000_0000L)));
        m.put(
                "QWordMemory (ResourceProducer, SubDecode, MinNotFixed, MaxNotFixed, Prefetchable, ReadOnly, 0xFFF,"
                        + " 0x1000, 0x2FFF, 0x10, 0x1000, 3, \"\\\\_SB.I2C0\", , AddressRangeNVS, TypeTranslation)",
                b().qwordAddress(AddressSpec.memory()
                        .usage(PRODUCER)
                        .subtractiveDecode(true)
                        .cacheability(Cacheability.PREFETCHABLE)
                        .writable(false)
                        .range(0xFFF, 0x1000, 0x2FFF, 0x10, 0x1000)
                        .source(3, I)
                        .memoryType(3)
                        .typeTranslation(true)));
        m.put(
                "DWordMemory (ResourceProducer, PosDecode, MinFixed, MaxFixed, NonCacheable, ReadWrite, 0x0,"
                        + " 0x60000000, 0x6FFFFFFF, 0x0, 0x10000000)",
                b().dwordAddress(AddressSpec.memory().usage(PRODUCER).fixed(0x6000_0000L, 0x1000_0000L)));
        m.put(
                "WordBusNumber (ResourceProducer, MinFixed, MaxFixed, PosDecode, 0x0000, 0x0000, 0x00FF, 0x0000,"
                        + " 0x0100, 1, \"PCI0\") DWordMemory (ResourceConsumer, , MinFixed, MaxFixed, Cacheable, ReadWrite,"
                        + " 0x0, 0x60000000, 0x6FFFFFFF, 0x0, 0x10000000, 2, ,)",
                b().wordAddress(AddressSpec.busNumber()
                                .usage(PRODUCER)
                                .fixed(0, 0x100)
                                .source(1, "PCI0"))
                        .dwordAddress(AddressSpec.memory()
                                .cacheability(Cacheability.CACHEABLE)
                                .fixed(0x6000_0000L, 0x1000_0000L)
                                .source(2, "")));
        m.put(
                "ExtendedMemory (ResourceConsumer, PosDecode, MinFixed, MaxFixed, WriteCombining, ReadWrite, 0x0,"
                        + " 0x80000000, 0x8FFFFFFF, 0x0, 0x10000000, 0x0000000000000008, , , )",
                b().extendedAddress(
                                AddressSpec.memory()
                                        .cacheability(Cacheability.WRITE_COMBINING)
                                        .fixed(0x8000_0000L, 0x1000_0000L),
                                8));
        m.put(
                "DWordIO (ResourceProducer, MinFixed, MaxFixed, PosDecode, EntireRange, 0x0, 0x0, 0xFFFF, 0x80000000,"
                        + " 0x10000, , , , TypeTranslation, SparseTranslation) QWordIO (ResourceConsumer, MinFixed,"
                        + " MaxFixed, PosDecode, NonISAOnlyRanges, 0x0, 0x1000, 0x1FFF, 0x0, 0x1000, , , , TypeStatic,"
                        + " DenseTranslation) WordIO (ResourceProducer, MinFixed, MaxFixed, PosDecode, ISAOnlyRanges, 0x0,"
                        + " 0x0, 0xFFF, 0x0, 0x1000, , , , TypeStatic, DenseTranslation)",
                b().dwordAddress(AddressSpec.io()
                                .usage(PRODUCER)
                                .minFixed(true)
                                .maxFixed(true)
                                .range(0, 0, 0xFFFF, 0x8000_0000L, 0x1_0000L)
                                .typeTranslation(true)
                                .sparseTranslation(true))
                        .qwordAddress(AddressSpec.io().ioRange(1).fixed(0x1000, 0x1000))
                        .wordAddress(AddressSpec.io().usage(PRODUCER).ioRange(2).fixed(0, 0x1000)));
        m.put(
                "Interrupt (ResourceConsumer, Level, ActiveHigh, Exclusive, ,, ) { 0x20, 0x21 }"
                        + " Interrupt (ResourceProducer, Edge, ActiveLow, SharedAndWake, 7, \"\\\\_SB.GPI0\", ) { 0x100 }"
                        + " Interrupt (ResourceConsumer, Level, ActiveHigh, Exclusive, 5, ,) { 0x20 }",
                b().interrupt(CONSUMER, LEVEL, ACTIVE_HIGH, EXCLUSIVE, 0x20, 0x21)
                        .interrupt(
                                PRODUCER,
                                EDGE,
                                ACTIVE_LOW,
                                SHARED_AND_WAKE,
                                Optional.of(new ResourceSource(7, G)),
                                0x100)
                        .interrupt(
                                CONSUMER, LEVEL, ACTIVE_HIGH, EXCLUSIVE, Optional.of(new ResourceSource(5, "")), 0x20));
        m.put(
                "GpioInt (Edge, ActiveBoth, ExclusiveAndWake, PullUp, 0x1388, \"\\\\_SB.GPI0\", 0x00,"
                        + " ResourceConsumer, , RawDataBuffer () {0x01, 0x02}) { 0x0010 }"
                        + " GpioIo (Shared, PullDown, 0x0064, 0x00C8, IoRestrictionOutputOnly, \"\\\\_SB.GPI0\", 0x00,"
                        + " ResourceConsumer, , ) { 0x0005, 0x0006 }",
                b().gpioInt(
                                EDGE,
                                ACTIVE_BOTH,
                                EXCLUSIVE_AND_WAKE,
                                1,
                                0x1388,
                                G,
                                0,
                                CONSUMER,
                                RawData.ofInts(1, 2),
                                0x10)
                        .gpioIo(true, 2, 0x64, 0xC8, 2, G, 0, CONSUMER, RawData.EMPTY, 5, 6));
        m.put(
                "I2cSerialBusV2 (0x0050, ControllerInitiated, 0x000186A0, AddressingMode7Bit, \"\\\\_SB.I2C0\","
                        + " 0x00, ResourceConsumer, , Exclusive, )"
                        + " SpiSerialBusV2 (0x0001, PolarityLow, FourWireMode, 0x08, ControllerInitiated, 0x00989680,"
                        + " ClockPolarityLow, ClockPhaseFirst, \"\\\\_SB.I2C0\", 0x00, ResourceConsumer, , Shared,"
                        + " RawDataBuffer () {0xAA})"
                        + " UartSerialBusV2 (0x0001C200, DataBitsEight, StopBitsOne, 0xC0, LittleEndian, ParityTypeNone,"
                        + " FlowControlHardware, 0x0020, 0x0040, \"\\\\_SB.I2C0\", 0x00, ResourceConsumer, , Exclusive, )",
                b().i2cSerialBusV2(0x50, false, 100_000, false, I, 0, CONSUMER, false, RawData.EMPTY)
                        .spiSerialBusV2(
                                1, false, false, 8, false, 10_000_000, 0, 0, I, 0, CONSUMER, true, RawData.ofInts(0xAA))
                        .uartSerialBusV2(
                                115_200, 8, 1, 0xC0, false, 0, 1, 0x20, 0x40, I, 0, CONSUMER, false, RawData.EMPTY));
        m.put(
                "IO (Decode16, 0x03F8, 0x03F8, 0x01, 0x08, ) IO (Decode10, 0x0100, 0x0200, 0x10, 0x04, )"
                        + " IRQ (Edge, ActiveHigh, Exclusive, ) { 3, 4 } IRQNoFlags () { 9 }"
                        + " IRQ (Level, ActiveLow, SharedAndWake, ) { 15 } FixedDMA (0x0005, 0x0002, Width32bit, )"
                        + " DMA (Compatibility, BusMaster, Transfer8_16, ) { 1, 3 } FixedIO (0x0060, 0x01, )",
                b().io(true, 0x3F8, 0x3F8, 1, 8)
                        .io(false, 0x100, 0x200, 0x10, 4)
                        .irq(EDGE, ACTIVE_HIGH, EXCLUSIVE, 3, 4)
                        .irqNoFlags(9)
                        .irq(LEVEL, ACTIVE_LOW, SHARED_AND_WAKE, 15)
                        .fixedDma(5, 2, 2)
                        .dma(0, true, 1, 1, 3)
                        .fixedIo(0x60, 1));
        m.put(
                "Register (SystemMemory, 0x20, 0x00, 0x0000000012345678, 0x03, ) Register (FFixedHW, 0x40, 0x08,"
                        + " 0x1, ,) StartDependentFn (1, 2) { IO (Decode16, 0x0378, 0x0378, 0x01, 0x08, ) }"
                        + " StartDependentFnNoPri () { IRQNoFlags () { 5 } } EndDependentFn ()"
                        + " Memory24 (ReadWrite, 0x0010, 0x00FF, 0x0001, 0x0010, ) Memory32 (ReadOnly, 0x10000000,"
                        + " 0x1FFFE000, 0x00001000, 0x00002000, ) VendorShort () { 0x01, 0x02, 0x03 }"
                        + " VendorLong () { 0x11, 0x22, 0x33, 0x44 }",
                b().register(0, 0x20, 0, 0x1234_5678L, 3)
                        .register(0x7F, 0x40, 8, 1, 0)
                        .startDependentFn(1, 2)
                        .io(true, 0x378, 0x378, 1, 8)
                        .startDependentFnNoPri()
                        .irqNoFlags(5)
                        .endDependentFn()
                        .memory24(true, 0x10, 0xFF, 1, 0x10)
                        .memory32(false, 0x1000_0000L, 0x1FFF_E000L, 0x1000, 0x2000)
                        .vendorShort(1, 2, 3)
                        .vendorLong(0x11, 0x22, 0x33, 0x44));
        m.put(
                "PinFunction (Exclusive, PullUp, 0x1234, \"\\\\_SB.GPI0\", 0, ResourceConsumer, ,"
                        + " RawDataBuffer () {0x0A}) { 2, 3 }"
                        + " PinConfig (Shared, 0x01, 0x00002710, \"\\\\_SB.GPI0\", 0, ResourceConsumer, , ) { 4, 5 }"
                        + " PinGroup (\"group1\", ResourceProducer, , ) { 6, 7, 8 }"
                        + " PinGroupFunction (Shared, 0x0004, \"\\\\_SB.GPI0\", 0, \"group1\", ResourceConsumer, , )"
                        + " PinGroupConfig (Exclusive, 0x0A, 0x00001234, \"\\\\_SB.GPI0\", 0, \"group1\", ResourceConsumer,"
                        + " , )",
                b().pinFunction(false, 1, 0x1234, G, 0, RawData.ofInts(0x0A), 2, 3)
                        .pinConfig(true, 1, 10_000, G, 0, CONSUMER, RawData.EMPTY, 4, 5)
                        .pinGroup("group1", PRODUCER, RawData.EMPTY, 6, 7, 8)
                        .pinGroupFunction(true, 4, G, 0, "group1", CONSUMER, RawData.EMPTY)
                        .pinGroupConfig(false, 0x0A, 0x1234, G, 0, "group1", CONSUMER, RawData.EMPTY));
        return m;
    }

    private static ResourceTemplateBuilder b() {
        return new ResourceTemplateBuilder();
    }

    @Test
    void builderWritesTheBytesIaslCompilesForTheSameAsl(@TempDir Path dir) throws Exception {
        assumeTrue(iaslAvailable(), "iasl is not installed");
        Map<String, ResourceTemplateBuilder> cases = cases();
        StringBuilder asl = new StringBuilder("DefinitionBlock (\"\", \"DSDT\", 2, \"XENACP\", \"RESTEST\", 1)\n{\n");
        int n = 0;
        for (String body : cases.keySet()) {
            asl.append(String.format("  Device (D%03d) { Name (_HID, \"XEN%04d\")%n", n, n));
            asl.append("    Name (_CRS, ResourceTemplate () { ").append(body).append(" }) }\n");
            n++;
        }
        asl.append("}\n");
        Path source = dir.resolve("res.asl");
        Files.writeString(source, asl.toString(), StandardCharsets.US_ASCII);
        Process p = new ProcessBuilder("iasl", "-p", dir.resolve("res").toString(), source.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();

        List<byte[]> compiled = crsBuffers(Files.readAllBytes(dir.resolve("res.aml")));
        List<byte[]> built =
                cases.values().stream().map(ResourceTemplateBuilder::build).toList();
        assertThat(compiled).hasSameSizeAs(built);
        for (int i = 0; i < built.size(); i++) {
            assertThat(HexFormat.of().formatHex(built.get(i)))
                    .as("D%03d", i)
                    .isEqualTo(HexFormat.of().formatHex(compiled.get(i)));
            assertThat(ResourceTemplate.decode(compiled.get(i), "D" + i).diagnostics())
                    .isEmpty();
        }
    }

    /** The contents of every {@code Name (_CRS, Buffer (size) {...})} in an AML image, in order. */
    private static List<byte[]> crsBuffers(byte[] aml) {
        byte[] pattern = {0x08, '_', 'C', 'R', 'S', 0x11};
        List<byte[]> out = new ArrayList<>();
        for (int i = 36; i + pattern.length < aml.length; i++) {
            if (!Arrays.equals(aml, i, i + pattern.length, pattern, 0, pattern.length)) {
                continue;
            }
            int at = i + pattern.length;
            int lead = aml[at] & 0xFF;
            int extra = lead >> 6;
            int length = extra == 0 ? lead & 0x3F : lead & 0x0F;
            for (int k = 0; k < extra; k++) {
                length |= (aml[at + 1 + k] & 0xFF) << (4 + 8 * k);
            }
            int end = at + length;
            int size = at + 1 + extra;
            int sizeOp = aml[size] & 0xFF;
            int data = size + (sizeOp == 0x0A ? 2 : sizeOp == 0x0B ? 3 : sizeOp == 0x0C ? 5 : 1);
            out.add(Arrays.copyOfRange(aml, data, end));
        }
        return out;
    }

    private static boolean iaslAvailable() {
        try {
            Process p =
                    new ProcessBuilder("iasl", "-v").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
