package io.github.xenacpi.aml.resource;

import static io.github.xenacpi.acpi.table.TableFixtures.patch;
import static io.github.xenacpi.acpi.table.TableFixtures.truncate;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.platform.builder.aml.AddressSpec;
import io.github.xenacpi.platform.builder.aml.ResourceTemplateBuilder;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Malformed templates and the address space rules behind the memory range view. */
class ResourceTemplateDecoderTest {

    private static final String CRS = "\\_SB.UAR0._CRS";

    private static ResourceTemplate decode(byte[] bytes) {
        return ResourceTemplate.decode(bytes, CRS);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static Consumer<Diagnostic> diagnostic(Severity severity, long offset, String... words) {
        return d -> {
            assertThat(d.table()).isEqualTo(CRS);
            assertThat(d.severity()).isEqualTo(severity);
            assertThat(d.offset()).isEqualTo(offset);
            for (String w : words) {
                assertThat(d.message()).contains(w);
            }
        };
    }

    /** Memory32Fixed (12 bytes) then IRQNoFlags (3 bytes) then the End Tag (2 bytes). */
    private static byte[] sample() {
        return new ResourceTemplateBuilder()
                .memory32Fixed(true, 0x1000_0000L, 0x1000)
                .irqNoFlags(4)
                .build();
    }

    @Test
    void emptyBufferHasNoEndTag() {
        ResourceTemplate t = decode(new byte[0]);

        assertThat(t.resources()).isEmpty();
        assertThat(t.endTagFound()).isFalse();
        assertThat(t.diagnostics()).singleElement().satisfies(diagnostic(Severity.ERROR, 0, "no End Tag"));
    }

    @Test
    void missingEndTagKeepsTheItemsBeforeIt() {
        ResourceTemplate t = decode(truncate(sample(), 15));

        assertThat(t.resources()).hasSize(2);
        assertThat(t.endTagFound()).isFalse();
        assertThat(t.diagnostics()).singleElement().satisfies(diagnostic(Severity.ERROR, 15, "no End Tag", "15-byte"));
    }

    @Test
    void dataAfterTheEndTagIsReportedAndNotDecoded() {
        ResourceTemplate t = decode(concat(sample(), new byte[] {0x22, 0x10, 0x00}));

        assertThat(t.resources()).hasSize(3);
        assertThat(t.diagnostics()).singleElement().satisfies(diagnostic(Severity.WARNING, 17, "3 bytes follow"));
    }

    @Test
    void largeItemLengthPastTheEndStopsTheWalkWithoutReadingPastTheBuffer() {
        byte[] bytes = patch(sample(), 1, 0x7FFF, 2);

        ResourceTemplate t = decode(bytes);

        assertThat(t.resources()).isEmpty();
        assertThat(t.diagnostics()).anySatisfy(diagnostic(Severity.ERROR, 1, "item[0]", "32767", "14 remain"));
        assertThat(t.diagnostics()).anySatisfy(diagnostic(Severity.ERROR, 0, "no End Tag"));
    }

    @Test
    void smallItemLengthPastTheEnd() {
        // An I/O tag (7 data bytes) with only 2 bytes left.
        ResourceTemplate t = decode(new byte[] {0x47, 0x01, 0x00});

        assertThat(t.resources()).isEmpty();
        assertThat(t.diagnostics()).anySatisfy(diagnostic(Severity.ERROR, 0, "declares 7 data bytes", "only 2"));
    }

    @Test
    void largeItemHeaderCutShort() {
        ResourceTemplate t = decode(new byte[] {0x22, 0x10, 0x00, (byte) 0x86, 0x09});

        assertThat(t.resources()).containsExactly(new Resource.Irq(0x10, false, 0));
        assertThat(t.diagnostics()).anySatisfy(diagnostic(Severity.ERROR, 3, "header needs 3 bytes", "only 2"));
    }

    @Test
    void wrongFixedLengthLongerIsDecodedFromTheFixedPartShorterIsNot() {
        // Memory32Fixed declaring 10 data bytes instead of 9: one extra byte, the fixed part still decodes.
        byte[] longer = concat(
                concat(new byte[] {(byte) 0x86, 0x0A, 0x00}, Arrays.copyOfRange(sample(), 3, 12)),
                new byte[] {0x00, 0x79, 0x00});
        ResourceTemplate t = decode(longer);

        assertThat(t.resources())
                .containsExactly(new Resource.FixedMemory32(1, 0x1000_0000L, 0x1000), new Resource.EndTag(0));
        assertThat(t.diagnostics())
                .singleElement()
                .satisfies(diagnostic(Severity.ERROR, 1, "32-Bit Fixed Memory Range has 10 data bytes, expected 9"));

        // An I/O item with 6 data bytes instead of 7 is kept raw, and ends the walk as in ACPICA.
        ResourceTemplate s = decode(new byte[] {0x46, 0x01, (byte) 0xF8, 0x03, (byte) 0xF8, 0x03, 0x01, 0x79, 0x00});
        assertThat(s.resources())
                .containsExactly(new Resource.Unknown(0x46, RawData.ofInts(0x01, 0xF8, 0x03, 0xF8, 0x03, 0x01)));
        assertThat(s.diagnostics())
                .satisfiesExactly(
                        diagnostic(Severity.ERROR, 0, "I/O has 6 data bytes, expected 7", "not decoded"),
                        diagnostic(Severity.ERROR, 7, "the 2 bytes after item[0] are not decoded"));
    }

    @Test
    void irqOfAWrongLengthAndEndTagWithoutChecksumByte() {
        ResourceTemplate t = decode(new byte[] {0x21, 0x10, 0x78});

        assertThat(t.resources()).containsExactly(new Resource.Unknown(0x21, RawData.ofInts(0x10)));
        assertThat(t.diagnostics())
                .anySatisfy(diagnostic(Severity.ERROR, 0, "IRQ has 1 data bytes", "expected 2 or 3"));
        assertThat(t.diagnostics()).anySatisfy(diagnostic(Severity.ERROR, 2, "the byte after item[0]"));

        ResourceTemplate endTag = decode(new byte[] {0x22, 0x10, 0x00, 0x78});
        assertThat(endTag.diagnostics())
                .singleElement()
                .satisfies(diagnostic(Severity.ERROR, 3, "End Tag has 0 data bytes"));
    }

    @Test
    void anUnknownItemTypeEndsTheWalkAsInAcpica() {
        // acpi_ut_walk_aml_resources aborts on any invalid descriptor type or length: Linux takes nothing.
        byte[] unknownSmall = {0x5A, 1, 2};
        byte[] unknownLarge = {(byte) 0xFF, 0x02, 0x00, 3, 4};
        ResourceTemplate small = decode(concat(unknownSmall, sample()));
        ResourceTemplate large = decode(concat(unknownLarge, sample()));

        assertThat(small.resources()).containsExactly(new Resource.Unknown(0x5A, RawData.ofInts(1, 2)));
        assertThat(small.endTagFound()).isFalse();
        assertThat(small.diagnostics())
                .satisfiesExactly(
                        diagnostic(Severity.ERROR, 0, "small item name 0xB"),
                        diagnostic(Severity.ERROR, 3, "not decoded", "acpi_ut_walk_aml_resources", "no resource"));
        assertThat(large.resources()).containsExactly(new Resource.Unknown(0xFF, RawData.ofInts(3, 4)));
        assertThat(large.diagnostics())
                .satisfiesExactly(
                        diagnostic(Severity.ERROR, 0, "large item name 0x7F", "5 bytes"),
                        diagnostic(Severity.ERROR, 5, "not decoded", "acpi_ut_walk_aml_resources"));
    }

    @Test
    void aZeroLengthLargeItemEndsTheWalk() {
        ResourceTemplate t = decode(concat(new byte[] {(byte) 0x8A, 0x00, 0x00}, sample()));

        assertThat(t.resources()).containsExactly(new Resource.Unknown(0x8A, RawData.EMPTY));
        assertThat(t.endTagFound()).isFalse();
        assertThat(t.diagnostics()).anySatisfy(diagnostic(Severity.ERROR, 1, "length 0"));
        assertThat(t.diagnostics())
                .anySatisfy(diagnostic(Severity.ERROR, 1, "QWord Address Space", "expected at least 43"));
        assertThat(t.diagnostics()).anySatisfy(diagnostic(Severity.ERROR, 3, "not decoded"));
    }

    @Test
    void aMebibyteOfZerosCostsTwoFindingsNotOnePerByte() {
        // Found by AmlFuzzTest: a _CRS Buffer of 1 MiB of zeros made one error per byte (seconds, 2^20 messages).
        ResourceTemplate t = decode(new byte[1 << 20]);

        assertThat(t.resources()).hasSize(1);
        assertThat(t.diagnostics()).hasSize(2);
    }

    @Test
    void manyErrorsOfDescriptorsThatStillDecodeEndTheWalk() {
        byte[] endDependentWithAByte = new byte[64 << 10];
        for (int i = 0; i < endDependentWithAByte.length; i += 2) {
            endDependentWithAByte[i] = 0x39;
        }
        ResourceTemplate t = decode(endDependentWithAByte);

        assertThat(t.diagnostics()).hasSize(33);
        assertThat(t.diagnostics()).last().satisfies(diagnostic(Severity.ERROR, 64, "not decoded", "too many errors"));
    }

    @Test
    void endTagChecksumIsCheckedOnlyWhenNotZero() {
        byte[] good = new ResourceTemplateBuilder()
                .memory32Fixed(true, 0x1000_0000L, 0x1000)
                .withChecksum()
                .build();
        assertThat(decode(good).diagnostics()).isEmpty();

        byte[] bad = patch(good, good.length - 1, (good[good.length - 1] + 1) & 0xFF, 1);
        assertThat(decode(bad).diagnostics())
                .singleElement()
                .satisfies(diagnostic(Severity.ERROR, 13, "checksum", "summing to 0x01"));
    }

    @Test
    void extendedInterruptCountLargerThanTheItem() {
        byte[] bytes = new ResourceTemplateBuilder()
                .interrupt(Usage.CONSUMER, Trigger.LEVEL, Polarity.ACTIVE_HIGH, Sharing.EXCLUSIVE, 0x20, 0x21)
                .build();

        ResourceTemplate t = decode(patch(bytes, 4, 5, 1));

        assertThat(t.resourcesOf(Resource.ExtendedInterrupt.class))
                .singleElement()
                .satisfies(e -> assertThat(e.interrupts()).containsExactly(0x20L, 0x21L));
        assertThat(t.diagnostics())
                .singleElement()
                .satisfies(diagnostic(Severity.ERROR, 4, "count 5", "only 2 interrupts fit"));
        assertThat(decode(patch(bytes, 4, 0, 1)).diagnostics())
                .anySatisfy(diagnostic(Severity.ERROR, 4, "no interrupt"));
    }

    @Test
    void gpioOffsetsOutsideTheDescriptorAreReportedAndThatPartLeftEmpty() {
        byte[] bytes = new ResourceTemplateBuilder()
                .gpioIo(false, 0, 0, 0, 0, "\\_SB.GPI0", 0, Usage.CONSUMER, RawData.ofInts(7), 5, 6)
                .build();

        ResourceTemplate badName = decode(patch(bytes, 17, 0x400, 2));
        Resource.Gpio g = badName.resourcesOf(Resource.Gpio.class).get(0);
        assertThat(g.source().name()).isEmpty();
        assertThat(g.pins()).isEmpty();
        assertThat(badName.diagnostics())
                .anySatisfy(diagnostic(Severity.ERROR, 17, "sourceNameOffset 1024", "outside"));

        ResourceTemplate badVendor = decode(patch(bytes, 21, 40, 2));
        assertThat(badVendor.resourcesOf(Resource.Gpio.class).get(0).vendor()).isEqualTo(RawData.EMPTY);
        assertThat(badVendor.resourcesOf(Resource.Gpio.class).get(0).pins()).containsExactly(5, 6);
        assertThat(badVendor.diagnostics())
                .anySatisfy(diagnostic(Severity.ERROR, 21, "vendor data of 40 bytes", "overruns"));
    }

    @Test
    void unterminatedResourceSourceIsReadToTheItemEnd() {
        byte[] bytes = new ResourceTemplateBuilder()
                .interrupt(
                        Usage.CONSUMER,
                        Trigger.LEVEL,
                        Polarity.ACTIVE_HIGH,
                        Sharing.EXCLUSIVE,
                        Optional.of(new ResourceSource(1, "AB")),
                        0x20)
                .build();
        // Drop the NUL: shorten the item by one and overwrite the NUL with the End Tag.
        byte[] cut = patch(patch(truncate(bytes, bytes.length - 1), 1, 9, 2), 12, 0x0079, 2);

        ResourceTemplate t = decode(cut);

        assertThat(t.resourcesOf(Resource.ExtendedInterrupt.class).get(0).source())
                .contains(new ResourceSource(1, "AB"));
        assertThat(t.diagnostics()).singleElement().satisfies(diagnostic(Severity.WARNING, 10, "not NUL-terminated"));
    }

    @Test
    void serialBusTypeDataOverrunAndTooShortTypeData() {
        byte[] bytes = new ResourceTemplateBuilder()
                .i2cSerialBusV2(0x50, false, 100_000, false, "\\_SB.I2C0", 0, Usage.CONSUMER, false, RawData.EMPTY)
                .build();

        ResourceTemplate overrun = decode(patch(bytes, 10, 200, 2));
        assertThat(overrun.diagnostics())
                .anySatisfy(diagnostic(Severity.ERROR, 10, "type data length 200", "overruns"));

        ResourceTemplate shortData = decode(patch(bytes, 10, 2, 2));
        assertThat(shortData.resources().get(0)).isInstanceOf(Resource.OtherSerialBus.class);
        assertThat(shortData.diagnostics()).anySatisfy(diagnostic(Severity.ERROR, 10, "has 2 bytes", "at least 6"));
    }

    @Test
    void everyTruncationOfARichTemplateEndsInDiagnosticsNeverAnException() {
        byte[] bytes = new ResourceTemplateBuilder()
                .qwordAddress(AddressSpec.memory().fixed(0x4_0000_0000L, 0x1000).source(1, "\\_SB.PCI0"))
                .gpioInt(
                        Trigger.EDGE,
                        Polarity.ACTIVE_LOW,
                        Sharing.EXCLUSIVE,
                        0,
                        0,
                        "\\_SB.GPI0",
                        0,
                        Usage.CONSUMER,
                        RawData.ofInts(1, 2, 3),
                        7)
                .uartSerialBusV2(
                        115_200, 8, 1, 0, false, 0, 0, 16, 16, "\\_SB.UAR0", 0, Usage.CONSUMER, false, RawData.EMPTY)
                .pinGroupConfig(false, 1, 2, "\\_SB.GPI0", 0, "g", Usage.CONSUMER, RawData.EMPTY)
                .build();
        for (int n = 0; n < bytes.length; n++) {
            ResourceTemplate t = decode(truncate(bytes, n));
            assertThat(t.endTagFound()).isFalse();
            assertThat(t.diagnostics()).isNotEmpty();
        }
        for (int i = 0; i < bytes.length; i++) {
            for (int v : new int[] {0x00, 0xFF, 0x80}) {
                assertThat(decode(patch(bytes, i, v, 1)).ownerPath()).isEqualTo(CRS);
            }
        }
    }

    @Test
    void addressSpaceRangeRules() {
        // _LEN > 0, _MIF and _MAF set: [_MIN, _MIN + _LEN), translation offset recorded.
        Resource.AddressSpace fixed = only(AddressSpec.memory()
                .usage(Usage.PRODUCER)
                .range(0, 0x4_0000_0000L, 0x4_0FFF_FFFFL, 0x1000, 0x1000_0000L)
                .minFixed(true)
                .maxFixed(true));
        assertThat(fixed.memoryRanges())
                .containsExactly(new MemoryResource(
                        0x4_0000_0000L, 0x1000_0000L, true, Cacheability.NON_CACHEABLE, 0x1000, true));

        // _LEN = 0: nothing allocated, no range.
        assertThat(only(AddressSpec.memory().range(0, 0x1000, 0x1FFF, 0, 0)).memoryRanges())
                .isEmpty();

        // I/O and bus numbers are not memory.
        assertThat(only(AddressSpec.io().fixed(0x1000, 0x100)).isMemory()).isFalse();
        assertThat(only(AddressSpec.busNumber().fixed(0, 0x100)).memoryRanges()).isEmpty();
    }

    @Test
    void invalidMifMafLenCombinationsAreWarnings() {
        // _LEN > 0 with only _MIF set.
        ResourceTemplate onlyMin = decode(new ResourceTemplateBuilder()
                .dwordAddress(
                        AddressSpec.memory().range(0, 0x1000, 0x1FFF, 0, 0x1000).minFixed(true))
                .build());
        assertThat(onlyMin.diagnostics())
                .singleElement()
                .satisfies(diagnostic(Severity.WARNING, 4, "_MIF=1 and _MAF=0"));
        assertThat(onlyMin.memoryRanges())
                .containsExactly(new MemoryResource(0x1000, 0x1000, true, Cacheability.NON_CACHEABLE, 0, true));

        // _LEN = 0 with both fixed.
        ResourceTemplate zero = decode(new ResourceTemplateBuilder()
                .dwordAddress(AddressSpec.memory()
                        .range(0, 0x1000, 0x1FFF, 0, 0)
                        .minFixed(true)
                        .maxFixed(true))
                .build());
        assertThat(zero.diagnostics()).singleElement().satisfies(diagnostic(Severity.WARNING, 4, "_LEN = 0"));

        // Fixed range whose _MAX disagrees with _MIN + _LEN - 1; the range follows the spec, not _MAX.
        ResourceTemplate mismatch = decode(new ResourceTemplateBuilder()
                .wordAddress(AddressSpec.memory()
                        .range(0, 0x1000, 0x2FFF, 0, 0x1000)
                        .minFixed(true)
                        .maxFixed(true))
                .build());
        assertThat(mismatch.diagnostics())
                .singleElement()
                .satisfies(diagnostic(Severity.WARNING, 10, "_MAX 0x2FFF", "0x1FFF"));
        assertThat(mismatch.memoryRanges()).extracting(MemoryResource::length).containsExactly(0x1000L);

        // _MAX below _MIN.
        ResourceTemplate inverted = decode(new ResourceTemplateBuilder()
                .qwordAddress(AddressSpec.memory().range(0, 0x2000, 0x1000, 0, 0x1000))
                .build());
        assertThat(inverted.diagnostics()).singleElement().satisfies(diagnostic(Severity.WARNING, 22, "below _MIN"));
    }

    @Test
    void memoryRangesOfTheLegacyMemoryDescriptorsAndZeroLengths() {
        ResourceTemplate t = decode(new ResourceTemplateBuilder()
                .memory32Fixed(true, 0x2000, 0)
                .memory32(true, 0x3000, 0x3000, 0x1000, 0x1000)
                .memory24(false, 0x40, 0x40, 1, 2)
                .irqNoFlags(1)
                .build());

        assertThat(t.resources()).filteredOn(Resource::isMemory).hasSize(3);
        assertThat(t.memoryRanges())
                .containsExactly(
                        new MemoryResource(0x3000, 0x1000, true, Cacheability.UNSPECIFIED, 0, true),
                        new MemoryResource(0x4000, 0x200, false, Cacheability.UNSPECIFIED, 0, true));
        assertThat(t.memoryRanges().get(0).end()).isEqualTo(0x4000);
        assertThat(t.memoryRanges().get(0).cacheable()).isFalse();
    }

    @Test
    void vendorLargeUuidView() {
        // VendorLong () { 0x05, ToUUID ("00112233-4455-6677-8899-AABBCCDDEEFF") bytes, 0x01 }
        Resource.VendorLarge v = (Resource.VendorLarge) decode(new ResourceTemplateBuilder()
                        .vendorLong(
                                0x05, 0x33, 0x22, 0x11, 0x00, 0x55, 0x44, 0x77, 0x66, 0x88, 0x99, 0xAA, 0xBB, 0xCC,
                                0xDD, 0xEE, 0xFF, 0x01)
                        .build())
                .resources()
                .get(0);

        assertThat(v.hasUuid()).isTrue();
        assertThat(v.uuidSubtype()).isEqualTo(5);
        assertThat(v.uuid()).isEqualTo(java.util.UUID.fromString("00112233-4455-6677-8899-aabbccddeeff"));
        Resource.VendorLarge shortForm = new Resource.VendorLarge(RawData.ofInts(1, 2));
        assertThat(shortForm.hasUuid()).isFalse();
        assertThat(shortForm.uuid()).isNull();
    }

    private static Resource.AddressSpace only(AddressSpec spec) {
        List<Resource> r =
                decode(new ResourceTemplateBuilder().qwordAddress(spec).build()).resources();
        return (Resource.AddressSpace) r.get(0);
    }
}
