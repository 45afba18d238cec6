package io.github.xenacpi.aml.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.platform.builder.aml.ResourceTemplateBuilder;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every descriptor type written by the builder decodes back to the same record, at the offsets written. */
class ResourceTemplateRoundTripTest {

    private static final ResourceSource GPIO0 = new ResourceSource(0, "\\_SB.GPI0");

    static Stream<Resource> everyDescriptor() {
        Resource.SerialBusCommon v2 = new Resource.SerialBusCommon(2, 0x06, 0x0001, 1);
        return Stream.of(
                new Resource.Irq(0x8018, true, 0x39),
                new Resource.Irq(0x0200, false, 0),
                new Resource.Dma(0x0A, 0x65),
                new Resource.StartDependent(true, 0x09),
                new Resource.StartDependent(false, 0),
                new Resource.EndDependent(),
                new Resource.Io(1, 0x3F8, 0x3F8, 1, 8),
                new Resource.FixedIo(0x60, 1),
                new Resource.FixedDma(5, 2, 2),
                new Resource.VendorSmall(RawData.ofInts(1, 2, 3, 4, 5, 6, 7)),
                new Resource.Memory24(1, 0x10, 0xFF, 1, 0x10),
                new Resource.GenericRegister(0x7F, 0x40, 8, 3, 0x1234_5678_9ABC_DEF0L),
                new Resource.VendorLarge(RawData.ofInts(0x11, 0x22, 0x33, 0x44)),
                new Resource.Memory32(0, 0x1000_0000L, 0x1FFF_E000L, 0x1000, 0x2000),
                new Resource.FixedMemory32(1, 0xFFFF_0000L, 0x1_0000L),
                Resource.AddressSpace.builder()
                        .width(AddressWidth.QWORD)
                        .generalFlags(0x0D)
                        .typeFlags(0x3B)
                        .granularity(0xFFF)
                        .minimum(0x4_0000_0000L)
                        .maximum(0x4_FFFF_FFFFL)
                        .translationOffset(0x10)
                        .length(0x1_0000_0000L)
                        .source(Optional.of(new ResourceSource(3, "\\_SB.PCI0")))
                        .build(),
                Resource.AddressSpace.builder()
                        .width(AddressWidth.DWORD)
                        .resourceType(Resource.AddressSpace.IO)
                        .generalFlags(0x0C)
                        .typeFlags(0x33)
                        .maximum(0xFFFF)
                        .translationOffset(0x8000_0000L)
                        .length(0x1_0000L)
                        .source(Optional.of(new ResourceSource(2, "")))
                        .build(),
                Resource.AddressSpace.builder()
                        .width(AddressWidth.WORD)
                        .resourceType(Resource.AddressSpace.BUS_NUMBER)
                        .generalFlags(0x0C)
                        .maximum(0xFF)
                        .length(0x100)
                        .build(),
                Resource.AddressSpace.builder()
                        .width(AddressWidth.EXTENDED)
                        .generalFlags(0x0D)
                        .typeFlags(0x05)
                        .revision(1)
                        .minimum(0x8000_0000L)
                        .maximum(0x8FFF_FFFFL)
                        .length(0x1000_0000L)
                        .typeAttribute(0x8)
                        .build(),
                new Resource.ExtendedInterrupt(
                        0x1E, List.of(0x100L, 0xFFFF_FFFFL), Optional.of(new ResourceSource(7, "\\_SB.GPI0"))),
                new Resource.ExtendedInterrupt(0x01, List.of(0x20L), Optional.empty()),
                Resource.Gpio.builder()
                        .connectionType(Resource.Gpio.INTERRUPT)
                        .generalFlags(1)
                        .interruptFlags(0x15)
                        .pinConfig(1)
                        .debounceTimeout(5000)
                        .pins(List.of(0x10))
                        .source(GPIO0)
                        .vendor(RawData.ofInts(1, 2))
                        .build(),
                Resource.Gpio.builder()
                        .connectionType(Resource.Gpio.IO)
                        .generalFlags(1)
                        .interruptFlags(0x0A)
                        .pinConfig(2)
                        .driveStrength(0xC8)
                        .debounceTimeout(0x64)
                        .pins(List.of(5, 6, 7))
                        .source(GPIO0)
                        .build(),
                new Resource.I2cSerialBus(v2, 400_000, 0x50, RawData.ofInts(9), new ResourceSource(0, "\\_SB.I2C0")),
                new Resource.SpiSerialBus(
                        v2, 10_000_000, 8, 1, 1, 2, RawData.EMPTY, new ResourceSource(1, "\\_SB.SPI0")),
                new Resource.UartSerialBus(
                        new Resource.SerialBusCommon(2, 0x02, 0x35, 1),
                        115_200,
                        0x20,
                        0x40,
                        0,
                        0xC0,
                        RawData.ofInts(0xAA, 0xBB),
                        new ResourceSource(0, "\\_SB.UAR0")),
                new Resource.Csi2SerialBus(
                        new Resource.SerialBusCommon(1, 0x02, 0x05, 1),
                        RawData.ofInts(1),
                        new ResourceSource(0, "\\_SB.CSI0")),
                new Resource.OtherSerialBus(
                        new Resource.SerialBusCommon(1, 0x02, 0, 1),
                        0xC0,
                        RawData.ofInts(1, 2, 3),
                        new ResourceSource(0, "\\_SB.VEN0")),
                new Resource.PinFunction(1, 0, 1, 0x1234, List.of(2, 3), GPIO0, RawData.ofInts(0x0A)),
                new Resource.PinConfig(1, 3, 1, 10_000, List.of(4, 5), GPIO0, RawData.EMPTY),
                new Resource.PinGroup(1, 0, List.of(6, 7, 8), "group1", RawData.ofInts(1)),
                new Resource.PinGroupFunction(1, 3, 4, GPIO0, "group1", RawData.EMPTY),
                new Resource.PinGroupConfig(1, 2, 0x0A, 0x1234, GPIO0, "group1", RawData.ofInts(5, 6)),
                new Resource.ClockInput(1, 0x05, 1, 19_200_000, Optional.of(new ResourceSource(0, "\\_SB.CLK0"))),
                new Resource.ClockInput(1, 0x02, 3, 32_768, Optional.empty()));
    }

    @ParameterizedTest
    @MethodSource("everyDescriptor")
    void descriptorRoundTripsThroughBuilderAndDecoder(Resource descriptor) {
        byte[] bytes =
                new ResourceTemplateBuilder().irqNoFlags(1).add(descriptor).build();

        ResourceTemplate t = ResourceTemplate.decode(bytes, "\\_SB.DEV0._CRS");

        assertThat(t.diagnostics()).isEmpty();
        assertThat(t.endTagFound()).isTrue();
        assertThat(t.resources())
                .containsExactly(new Resource.Irq(0x0002, false, 0), descriptor, new Resource.EndTag(0));
        int length = ResourceTemplateBuilder.encode(descriptor).length;
        assertThat(t.entries()).extracting(ResourceTemplate.Entry::offset).containsExactly(0, 3, 3 + length);
        assertThat(t.entries().get(1).length()).isEqualTo(length);
        assertThat(bytes).hasSize(3 + length + 2);
    }

    @ParameterizedTest
    @MethodSource("everyDescriptor")
    void decodedTemplateRebuildsToTheSameBytes(Resource descriptor) {
        byte[] bytes =
                new ResourceTemplateBuilder().add(descriptor).vendorShort(0x42).build();
        ResourceTemplateBuilder again = new ResourceTemplateBuilder();
        ResourceTemplate.decode(bytes, "\\_SB.DEV0._CRS").resources().forEach(again::add);

        assertThat(again.build()).isEqualTo(bytes);
    }
}
