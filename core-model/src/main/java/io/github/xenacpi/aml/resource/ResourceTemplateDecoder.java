package io.github.xenacpi.aml.resource;

import com.google.errorprone.annotations.FormatMethod;
import com.google.errorprone.annotations.FormatString;
import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.table.layout.Layout;
import io.github.xenacpi.acpi.table.layout.Struct;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decodes resource templates (ACPI 6.5 section 6.4) and declares the layout of every fixed descriptor part,
 * tag and length bytes included, which the resource template builder writes through. Each item is framed by
 * its tag (small items: bits 6:3 name, bits 2:0 length; large items: bits 6:0 name and a 16-bit length); a
 * problem becomes a diagnostic and decoding goes on with the next item while the framing can be trusted.
 */
public final class ResourceTemplateDecoder {

    /** Small item names (tag bits 6:3). */
    public static final int SMALL_IRQ = 0x04;

    public static final int SMALL_DMA = 0x05;
    public static final int SMALL_START_DEPENDENT = 0x06;
    public static final int SMALL_END_DEPENDENT = 0x07;
    public static final int SMALL_IO = 0x08;
    public static final int SMALL_FIXED_IO = 0x09;
    public static final int SMALL_FIXED_DMA = 0x0A;
    public static final int SMALL_VENDOR = 0x0E;
    public static final int SMALL_END_TAG = 0x0F;

    /** Large item names (tag bits 6:0). */
    public static final int LARGE_MEMORY24 = 0x01;

    public static final int LARGE_GENERIC_REGISTER = 0x02;
    public static final int LARGE_VENDOR = 0x04;
    public static final int LARGE_MEMORY32 = 0x05;
    public static final int LARGE_FIXED_MEMORY32 = 0x06;
    public static final int LARGE_DWORD_ADDRESS = 0x07;
    public static final int LARGE_WORD_ADDRESS = 0x08;
    public static final int LARGE_EXTENDED_IRQ = 0x09;
    public static final int LARGE_QWORD_ADDRESS = 0x0A;
    public static final int LARGE_EXTENDED_ADDRESS = 0x0B;
    public static final int LARGE_GPIO = 0x0C;
    public static final int LARGE_PIN_FUNCTION = 0x0D;
    public static final int LARGE_SERIAL_BUS = 0x0E;
    public static final int LARGE_PIN_CONFIG = 0x0F;
    public static final int LARGE_PIN_GROUP = 0x10;
    public static final int LARGE_PIN_GROUP_FUNCTION = 0x11;
    public static final int LARGE_PIN_GROUP_CONFIG = 0x12;
    public static final int LARGE_CLOCK_INPUT = 0x13;

    /** Generic Serial Bus types (section 6.4.3.8.2). */
    public static final int BUS_I2C = 1;

    public static final int BUS_SPI = 2;
    public static final int BUS_UART = 3;
    public static final int BUS_CSI2 = 4;

    /** IRQ in its 3-byte form; the 2-byte form is its first 3 bytes. */
    public static final Layout IRQ =
            Layout.of("IRQ").u8("tag").u16("mask").u8("flags").build();

    public static final Layout DMA =
            Layout.of("DMA").u8("tag").u8("channels").u8("flags").build();
    /** Start Dependent Functions with its priority byte; the short form is the tag alone. */
    public static final Layout START_DEPENDENT =
            Layout.of("Start Dependent Functions").u8("tag").u8("priority").build();

    public static final Layout IO = Layout.of("I/O")
            .u8("tag")
            .u8("info")
            .u16("minimum")
            .u16("maximum")
            .u8("alignment")
            .u8("length")
            .build();
    public static final Layout FIXED_IO =
            Layout.of("Fixed I/O").u8("tag").u16("base").u8("length").build();
    public static final Layout FIXED_DMA = Layout.of("Fixed DMA")
            .u8("tag")
            .u16("requestLine")
            .u16("channel")
            .u8("width")
            .build();
    public static final Layout END_TAG =
            Layout.of("End Tag").u8("tag").u8("checksum").build();

    /** The 3 bytes every large item starts with. */
    public static final Layout LARGE_HEADER =
            Layout.of("large item").u8("tag").u16("length").build();

    public static final Layout MEMORY24 = LARGE_HEADER
            .extend("24-Bit Memory Range")
            .u8("info")
            .u16("minimum")
            .u16("maximum")
            .u16("alignment")
            .u16("rangeLength")
            .build();
    public static final Layout GENERIC_REGISTER = LARGE_HEADER
            .extend("Generic Register")
            .u8("spaceId")
            .u8("bitWidth")
            .u8("bitOffset")
            .u8("accessSize")
            .u64("address")
            .build();
    public static final Layout MEMORY32 = LARGE_HEADER
            .extend("32-Bit Memory Range")
            .u8("info")
            .u32("minimum")
            .u32("maximum")
            .u32("alignment")
            .u32("rangeLength")
            .build();
    public static final Layout FIXED_MEMORY32 = LARGE_HEADER
            .extend("32-Bit Fixed Memory Range")
            .u8("info")
            .u32("base")
            .u32("rangeLength")
            .build();
    public static final Layout WORD_ADDRESS = address("Word Address Space", 2);
    public static final Layout DWORD_ADDRESS = address("DWord Address Space", 4);
    public static final Layout QWORD_ADDRESS = address("QWord Address Space", 8);
    public static final Layout EXTENDED_ADDRESS = LARGE_HEADER
            .extend("Extended Address Space")
            .u8("resourceType")
            .u8("generalFlags")
            .u8("typeFlags")
            .u8("revision")
            .reserved(1)
            .u64("granularity")
            .u64("minimum")
            .u64("maximum")
            .u64("translationOffset")
            .u64("addressLength")
            .u64("typeAttribute")
            .build();
    /** Extended Interrupt up to its interrupt table. */
    public static final Layout EXTENDED_IRQ =
            LARGE_HEADER.extend("Extended Interrupt").u8("flags").u8("count").build();
    /** GPIO Connection up to its pin table; the offsets count from the descriptor's first byte. */
    public static final Layout GPIO = LARGE_HEADER
            .extend("GPIO Connection")
            .u8("revision")
            .u8("connectionType")
            .u16("generalFlags")
            .u16("interruptFlags")
            .u8("pinConfig")
            .u16("driveStrength")
            .u16("debounceTimeout")
            .u16("pinTableOffset")
            .u8("sourceIndex")
            .u16("sourceNameOffset")
            .u16("vendorOffset")
            .u16("vendorLength")
            .build();

    public static final Layout PIN_FUNCTION = LARGE_HEADER
            .extend("Pin Function")
            .u8("revision")
            .u16("flags")
            .u8("pullConfig")
            .u16("function")
            .u16("pinTableOffset")
            .u8("sourceIndex")
            .u16("sourceNameOffset")
            .u16("vendorOffset")
            .u16("vendorLength")
            .build();
    /** The common part of every Generic Serial Bus Connection; type data starts right after it. */
    public static final Layout SERIAL_BUS = LARGE_HEADER
            .extend("Generic Serial Bus Connection")
            .u8("revision")
            .u8("sourceIndex")
            .u8("busType")
            .u8("generalFlags")
            .u16("typeFlags")
            .u8("typeRevision")
            .u16("typeDataLength")
            .build();

    public static final Layout I2C = SERIAL_BUS
            .extend("I2C Serial Bus Connection")
            .u32("speed")
            .u16("address")
            .build();
    public static final Layout SPI = SERIAL_BUS
            .extend("SPI Serial Bus Connection")
            .u32("speed")
            .u8("dataBitLength")
            .u8("clockPhase")
            .u8("clockPolarity")
            .u16("deviceSelection")
            .build();
    public static final Layout UART = SERIAL_BUS
            .extend("UART Serial Bus Connection")
            .u32("baudRate")
            .u16("rxFifo")
            .u16("txFifo")
            .u8("parity")
            .u8("linesEnabled")
            .build();
    public static final Layout PIN_CONFIG = LARGE_HEADER
            .extend("Pin Configuration")
            .u8("revision")
            .u16("flags")
            .u8("configType")
            .u32("configValue")
            .u16("pinTableOffset")
            .u8("sourceIndex")
            .u16("sourceNameOffset")
            .u16("vendorOffset")
            .u16("vendorLength")
            .build();
    public static final Layout PIN_GROUP = LARGE_HEADER
            .extend("Pin Group")
            .u8("revision")
            .u16("flags")
            .u16("pinTableOffset")
            .u16("labelOffset")
            .u16("vendorOffset")
            .u16("vendorLength")
            .build();
    public static final Layout PIN_GROUP_FUNCTION = LARGE_HEADER
            .extend("Pin Group Function")
            .u8("revision")
            .u16("flags")
            .u16("function")
            .u8("sourceIndex")
            .u16("sourceNameOffset")
            .u16("labelOffset")
            .u16("vendorOffset")
            .u16("vendorLength")
            .build();
    public static final Layout PIN_GROUP_CONFIG = LARGE_HEADER
            .extend("Pin Group Configuration")
            .u8("revision")
            .u16("flags")
            .u8("configType")
            .u32("configValue")
            .u8("sourceIndex")
            .u16("sourceNameOffset")
            .u16("labelOffset")
            .u16("vendorOffset")
            .u16("vendorLength")
            .build();
    public static final Layout CLOCK_INPUT = LARGE_HEADER
            .extend("Clock Input")
            .u8("revision")
            .u16("flags")
            .u16("divisor")
            .u32("numerator")
            .build();

    private final ByteBuffer data;
    private final int size;
    private final String owner;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private int errors;

    private ResourceTemplateDecoder(byte[] buffer, String owner) {
        this.data = ByteBuffer.wrap(buffer.clone()).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
        this.size = buffer.length;
        this.owner = owner;
    }

    private static Layout address(String name, int width) {
        Layout.Builder b =
                LARGE_HEADER.extend(name).u8("resourceType").u8("generalFlags").u8("typeFlags");
        for (String f : List.of("granularity", "minimum", "maximum", "translationOffset", "addressLength")) {
            switch (width) {
                case 2 -> b.u16(f);
                case 4 -> b.u32(f);
                default -> b.u64(f);
            }
        }
        return b.build();
    }

    /** The errors after which a walk ends: each costs a message, and a 1 MiB buffer could otherwise hold 2^19. */
    private static final int MAX_ERRORS = 32;

    static ResourceTemplate decode(byte[] buffer, String ownerPath) {
        ResourceTemplateDecoder d = new ResourceTemplateDecoder(buffer, ownerPath);
        return d.walk();
    }

    private ResourceTemplate walk() {
        List<ResourceTemplate.Entry> entries = new ArrayList<>();
        int at = 0;
        boolean end = false;
        while (at < size) {
            int tag = u8(at);
            boolean large = (tag & 0x80) != 0;
            String path = "item[" + entries.size() + "]";
            int headerSize = large ? 3 : 1;
            if (size - at < headerSize) {
                error(at, "%s: large item header needs 3 bytes, only %d left in the buffer", path, size - at);
                break;
            }
            int length = large ? u16(at + 1) : tag & 7;
            int total = headerSize + length;
            if (total > size - at) {
                error(
                        large ? at + 1 : at,
                        "%s: item (tag 0x%02X) declares %d data bytes at offset 0x%X, only %d"
                                + " remain in the %d-byte buffer",
                        path,
                        tag,
                        length,
                        at,
                        size - at - headerSize,
                        size);
                break;
            }
            if (large && length == 0) {
                error(at + 1, "%s: large item (tag 0x%02X) has length 0", path, tag);
            }
            Item item = new Item(at, total, tag, path);
            int errorsBefore = errors;
            Resource r = large ? large(item, tag & 0x7F) : small(item, (tag >> 3) & 0x0F);
            entries.add(new ResourceTemplate.Entry(at, total, r));
            at += total;
            boolean rejected = r instanceof Resource.Unknown && errors > errorsBefore;
            if (rejected || errors >= MAX_ERRORS) {
                // ACPICA's acpi_ut_walk_aml_resources ends the walk at the first descriptor that
                // acpi_ut_validate_resource rejects (unknown type, impossible length): the template is invalid
                // and Linux takes none of its resources. Stopping there also bounds the work on a large buffer.
                if (at < size) {
                    String rest = size - at == 1 ? "the byte" : "the " + (size - at) + " bytes";
                    error(
                            at,
                            rejected
                                    ? "%s after %s are not decoded: ACPICA stops at the first descriptor it cannot"
                                            + " validate (acpi_ut_walk_aml_resources), so Linux takes no resource from this template"
                                    : "%s after %s are not decoded: too many errors",
                            rest,
                            path);
                }
                return new ResourceTemplate(owner, entries, false, diagnostics);
            }
            if (r instanceof Resource.EndTag endTag) {
                end = true;
                checkSum(item, endTag);
                if (at < size) {
                    warning(at, "%d bytes follow the End Tag", size - at);
                }
                break;
            }
        }
        if (!end) {
            error(Math.min(at, size), "no End Tag in the %d-byte template", size);
        }
        return new ResourceTemplate(owner, entries, end, diagnostics);
    }

    /** One item being decoded: its offset, total length (header included), tag and path. */
    private record Item(int offset, int total, int tag, String path) {
        int end() {
            return offset + total;
        }
    }

    private Resource small(Item it, int name) {
        int len = it.total() - 1;
        return switch (name) {
            case SMALL_IRQ -> {
                if ((len != 2 && len != 3) && !wrongLength(it, "IRQ", "2 or 3", len, len >= 2)) {
                    yield raw(it);
                }
                Struct s = struct(IRQ, it, Math.min(it.total(), IRQ.size()));
                yield new Resource.Irq(s.intValue("mask"), len >= 3, s.intValue("flags"));
            }
            case SMALL_DMA -> fixed(it, DMA, s -> new Resource.Dma(s.intValue("channels"), s.intValue("flags")));
            case SMALL_START_DEPENDENT -> {
                if (len > 1) {
                    error(
                            it.offset(),
                            "%s: Start Dependent Functions has %d data bytes, expected 0 or 1",
                            it.path(),
                            len);
                }
                Struct s = struct(START_DEPENDENT, it, Math.min(it.total(), 2));
                yield new Resource.StartDependent(len >= 1, s.intValue("priority"));
            }
            case SMALL_END_DEPENDENT -> {
                if (len != 0) {
                    error(it.offset(), "%s: End Dependent Functions has %d data bytes, expected 0", it.path(), len);
                }
                yield new Resource.EndDependent();
            }
            case SMALL_IO ->
                fixed(
                        it,
                        IO,
                        s -> new Resource.Io(
                                s.intValue("info"),
                                s.intValue("minimum"),
                                s.intValue("maximum"),
                                s.intValue("alignment"),
                                s.intValue("length")));
            case SMALL_FIXED_IO ->
                fixed(it, FIXED_IO, s -> new Resource.FixedIo(s.intValue("base"), s.intValue("length")));
            case SMALL_FIXED_DMA ->
                fixed(
                        it,
                        FIXED_DMA,
                        s -> new Resource.FixedDma(
                                s.intValue("requestLine"), s.intValue("channel"), s.intValue("width")));
            case SMALL_VENDOR -> {
                if (len == 0) {
                    error(it.offset(), "%s: Vendor-Defined (small) has no data bytes, expected 1 to 7", it.path());
                }
                yield new Resource.VendorSmall(bytes(it.offset() + 1, it.end()));
            }
            case SMALL_END_TAG -> {
                if (len != 1) {
                    error(it.offset(), "%s: End Tag has %d data bytes, expected 1", it.path(), len);
                }
                yield new Resource.EndTag(len >= 1 ? u8(it.offset() + 1) : 0);
            }
            default ->
                unknown(it, "small item name 0x" + Integer.toHexString(name).toUpperCase(Locale.ROOT));
        };
    }

    private Resource large(Item it, int name) {
        return switch (name) {
            case LARGE_MEMORY24 ->
                fixed(
                        it,
                        MEMORY24,
                        s -> new Resource.Memory24(
                                s.intValue("info"),
                                s.intValue("minimum"),
                                s.intValue("maximum"),
                                s.intValue("alignment"),
                                s.intValue("rangeLength")));
            case LARGE_GENERIC_REGISTER ->
                fixed(
                        it,
                        GENERIC_REGISTER,
                        s -> new Resource.GenericRegister(
                                s.intValue("spaceId"),
                                s.intValue("bitWidth"),
                                s.intValue("bitOffset"),
                                s.intValue("accessSize"),
                                s.value("address")));
            case LARGE_VENDOR -> new Resource.VendorLarge(bytes(it.offset() + 3, it.end()));
            case LARGE_MEMORY32 ->
                fixed(
                        it,
                        MEMORY32,
                        s -> new Resource.Memory32(
                                s.intValue("info"),
                                s.value("minimum"),
                                s.value("maximum"),
                                s.value("alignment"),
                                s.value("rangeLength")));
            case LARGE_FIXED_MEMORY32 ->
                fixed(
                        it,
                        FIXED_MEMORY32,
                        s -> new Resource.FixedMemory32(s.intValue("info"), s.value("base"), s.value("rangeLength")));
            case LARGE_WORD_ADDRESS -> address(it, WORD_ADDRESS, AddressWidth.WORD);
            case LARGE_DWORD_ADDRESS -> address(it, DWORD_ADDRESS, AddressWidth.DWORD);
            case LARGE_QWORD_ADDRESS -> address(it, QWORD_ADDRESS, AddressWidth.QWORD);
            case LARGE_EXTENDED_ADDRESS -> address(it, EXTENDED_ADDRESS, AddressWidth.EXTENDED);
            case LARGE_EXTENDED_IRQ -> extendedIrq(it);
            case LARGE_GPIO -> gpio(it);
            case LARGE_PIN_FUNCTION -> pinFunction(it);
            case LARGE_SERIAL_BUS -> serialBus(it);
            case LARGE_PIN_CONFIG -> pinConfig(it);
            case LARGE_PIN_GROUP -> pinGroup(it);
            case LARGE_PIN_GROUP_FUNCTION -> pinGroupFunction(it);
            case LARGE_PIN_GROUP_CONFIG -> pinGroupConfig(it);
            case LARGE_CLOCK_INPUT -> clockInput(it);
            default ->
                unknown(it, "large item name 0x" + Integer.toHexString(name).toUpperCase(Locale.ROOT));
        };
    }

    /**
     * A fixed-size descriptor: a wrong length is reported; a longer item is still decoded from its fixed part,
     * a shorter one becomes {@link Resource.Unknown}.
     */
    private Resource fixed(Item it, Layout layout, Function<Struct, Resource> make) {
        int header = headerSize(it);
        int len = it.total() - header;
        int expected = layout.size() - header;
        if (len != expected) {
            return wrongLength(it, layout.name(), Integer.toString(expected), len, len > expected)
                    ? make.apply(struct(layout, it, layout.size()))
                    : raw(it);
        }
        return make.apply(struct(layout, it, it.total()));
    }

    /** Reports a length a descriptor type must not have; returns {@code decodable} for the caller's choice. */
    private boolean wrongLength(Item it, String type, String expected, int found, boolean decodable) {
        error(
                it.offset() + (it.tag() >= 0x80 ? 1 : 0),
                "%s: %s has %d data bytes, expected %s%s",
                it.path(),
                type,
                found,
                expected,
                decodable ? "" : "; not decoded");
        return decodable;
    }

    private static int headerSize(Item it) {
        return it.tag() >= 0x80 ? 3 : 1;
    }

    /** The fixed part of a variable-length item, or null (reported) when the item is shorter than it. */
    private Struct fixedPart(Item it, Layout layout) {
        if (it.total() >= layout.size()) {
            return struct(layout, it, layout.size());
        }
        error(
                it.offset() + 1,
                "%s: %s has %d data bytes, expected at least %d; not decoded",
                it.path(),
                layout.name(),
                it.total() - 3,
                layout.size() - 3);
        return null;
    }

    /** An item kept as its raw data bytes. */
    private Resource raw(Item it) {
        return new Resource.Unknown(it.tag(), bytes(it.offset() + headerSize(it), it.end()));
    }

    private Resource address(Item it, Layout layout, AddressWidth width) {
        Struct s = fixedPart(it, layout);
        if (s == null) {
            return raw(it);
        }
        Optional<ResourceSource> source = Optional.empty();
        if (width == AddressWidth.EXTENDED) {
            if (it.total() != layout.size()) {
                error(
                        it.offset() + 1,
                        "%s: Extended Address Space has %d data bytes, expected %d",
                        it.path(),
                        it.total() - 3,
                        layout.size() - 3);
            }
            if (s.intValue("revision") != 1) {
                warning(
                        s.offsetOf("revision"),
                        "%s: Extended Address Space revision %d, expected 1",
                        it.path(),
                        s.intValue("revision"));
            }
        } else {
            source = optionalSource(it, it.offset() + layout.size());
        }
        Resource.AddressSpace a = Resource.AddressSpace.builder()
                .width(width)
                .resourceType(s.intValue("resourceType"))
                .generalFlags(s.intValue("generalFlags"))
                .typeFlags(s.intValue("typeFlags"))
                .revision(width == AddressWidth.EXTENDED ? s.intValue("revision") : 0)
                .granularity(s.value("granularity"))
                .minimum(s.value("minimum"))
                .maximum(s.value("maximum"))
                .translationOffset(s.value("translationOffset"))
                .length(s.value("addressLength"))
                .typeAttribute(width == AddressWidth.EXTENDED ? s.value("typeAttribute") : 0)
                .source(source)
                .build();
        checkAddress(it, s, a);
        return a;
    }

    /** The _MIF/_MAF/_LEN combinations of ACPI 6.5 table 6.44 (section 6.4.3.5). */
    private void checkAddress(Item it, Struct s, Resource.AddressSpace a) {
        int type = a.resourceType();
        if (type > Resource.AddressSpace.BUS_NUMBER && type < 192) {
            warning(s.offsetOf("resourceType"), "%s: resource type %d is reserved", it.path(), type);
        }
        long len = a.length();
        if (len != 0 && a.minFixed() != a.maxFixed()) {
            warning(
                    s.offsetOf("generalFlags"),
                    "%s: _LEN 0x%X > 0 with _MIF=%d and _MAF=%d is not a valid" + " combination (ACPI 6.5 table 6.44)",
                    it.path(),
                    len,
                    a.minFixed() ? 1 : 0,
                    a.maxFixed() ? 1 : 0);
        } else if (len == 0 && a.minFixed() && a.maxFixed()) {
            warning(
                    s.offsetOf("generalFlags"),
                    "%s: _LEN = 0 with both _MIF and _MAF set is not a valid" + " combination (ACPI 6.5 table 6.44)",
                    it.path());
        } else if (len != 0 && a.minFixed()) {
            long expectedMax = (a.minimum() + len - 1) & a.width().mask();
            if (a.maximum() != expectedMax) {
                warning(
                        s.offsetOf("maximum"),
                        "%s: _MAX 0x%X differs from _MIN + _LEN - 1 = 0x%X for a fixed range"
                                + " (Linux acpi_decode_space uses [_MIN, _MAX])",
                        it.path(),
                        a.maximum(),
                        expectedMax);
            }
        }
        if (Long.compareUnsigned(a.maximum(), a.minimum()) < 0) {
            warning(s.offsetOf("maximum"), "%s: _MAX 0x%X is below _MIN 0x%X", it.path(), a.maximum(), a.minimum());
        }
    }

    private Resource extendedIrq(Item it) {
        Struct s = fixedPart(it, EXTENDED_IRQ);
        if (s == null) {
            return raw(it);
        }
        int count = s.intValue("count");
        int tableAt = it.offset() + EXTENDED_IRQ.size();
        int fits = (it.end() - tableAt) / 4;
        if (count == 0) {
            error(s.offsetOf("count"), "%s: Extended Interrupt lists no interrupt (count 0)", it.path());
        }
        if (count > fits) {
            error(
                    s.offsetOf("count"),
                    "%s: interrupt count %d needs %d bytes, only %d interrupts fit in the item",
                    it.path(),
                    count,
                    count * 4,
                    fits);
            count = fits;
        }
        List<Long> interrupts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            interrupts.add(u32(tableAt + 4 * i));
        }
        return new Resource.ExtendedInterrupt(s.intValue("flags"), interrupts, optionalSource(it, tableAt + 4 * count));
    }

    private Resource gpio(Item it) {
        Struct s = fixedPart(it, GPIO);
        if (s == null) {
            return raw(it);
        }
        int type = s.intValue("connectionType");
        if (type > Resource.Gpio.IO) {
            error(
                    s.offsetOf("connectionType"),
                    "%s: GPIO connection type %d is reserved (0 interrupt, 1 I/O)",
                    it.path(),
                    type);
        }
        Parts p = parts(it, s, GPIO, "pinTableOffset", "sourceNameOffset", null);
        return Resource.Gpio.builder()
                .revision(s.intValue("revision"))
                .connectionType(type)
                .generalFlags(s.intValue("generalFlags"))
                .interruptFlags(s.intValue("interruptFlags"))
                .pinConfig(s.intValue("pinConfig"))
                .driveStrength(s.intValue("driveStrength"))
                .debounceTimeout(s.intValue("debounceTimeout"))
                .pins(p.pins)
                .source(new ResourceSource(s.intValue("sourceIndex"), p.name))
                .vendor(p.vendor)
                .build();
    }

    private Resource pinFunction(Item it) {
        Struct s = fixedPart(it, PIN_FUNCTION);
        if (s == null) {
            return raw(it);
        }
        Parts p = parts(it, s, PIN_FUNCTION, "pinTableOffset", "sourceNameOffset", null);
        return new Resource.PinFunction(
                s.intValue("revision"),
                s.intValue("flags"),
                s.intValue("pullConfig"),
                s.intValue("function"),
                p.pins,
                new ResourceSource(s.intValue("sourceIndex"), p.name),
                p.vendor);
    }

    private Resource pinConfig(Item it) {
        Struct s = fixedPart(it, PIN_CONFIG);
        if (s == null) {
            return raw(it);
        }
        Parts p = parts(it, s, PIN_CONFIG, "pinTableOffset", "sourceNameOffset", null);
        return new Resource.PinConfig(
                s.intValue("revision"),
                s.intValue("flags"),
                s.intValue("configType"),
                s.value("configValue"),
                p.pins,
                new ResourceSource(s.intValue("sourceIndex"), p.name),
                p.vendor);
    }

    private Resource pinGroup(Item it) {
        Struct s = fixedPart(it, PIN_GROUP);
        if (s == null) {
            return raw(it);
        }
        Parts p = parts(it, s, PIN_GROUP, "pinTableOffset", "labelOffset", null);
        return new Resource.PinGroup(s.intValue("revision"), s.intValue("flags"), p.pins, p.name, p.vendor);
    }

    private Resource pinGroupFunction(Item it) {
        Struct s = fixedPart(it, PIN_GROUP_FUNCTION);
        if (s == null) {
            return raw(it);
        }
        Parts p = parts(it, s, PIN_GROUP_FUNCTION, null, "sourceNameOffset", "labelOffset");
        return new Resource.PinGroupFunction(
                s.intValue("revision"),
                s.intValue("flags"),
                s.intValue("function"),
                new ResourceSource(s.intValue("sourceIndex"), p.name),
                p.label,
                p.vendor);
    }

    private Resource pinGroupConfig(Item it) {
        Struct s = fixedPart(it, PIN_GROUP_CONFIG);
        if (s == null) {
            return raw(it);
        }
        Parts p = parts(it, s, PIN_GROUP_CONFIG, null, "sourceNameOffset", "labelOffset");
        return new Resource.PinGroupConfig(
                s.intValue("revision"),
                s.intValue("flags"),
                s.intValue("configType"),
                s.value("configValue"),
                new ResourceSource(s.intValue("sourceIndex"), p.name),
                p.label,
                p.vendor);
    }

    private Resource clockInput(Item it) {
        Struct s = fixedPart(it, CLOCK_INPUT);
        if (s == null) {
            return raw(it);
        }
        if (s.intValue("divisor") == 0) {
            error(s.offsetOf("divisor"), "%s: Clock Input frequency divisor is 0", it.path());
        }
        return new Resource.ClockInput(
                s.intValue("revision"),
                s.intValue("flags"),
                s.intValue("divisor"),
                s.value("numerator"),
                optionalSource(it, it.offset() + CLOCK_INPUT.size()));
    }

    private Resource serialBus(Item it) {
        Struct s = fixedPart(it, SERIAL_BUS);
        if (s == null) {
            return raw(it);
        }
        int busType = s.intValue("busType");
        int typeData = s.intValue("typeDataLength");
        int dataAt = it.offset() + SERIAL_BUS.size();
        int dataEnd = dataAt + typeData;
        if (dataEnd > it.end()) {
            error(
                    s.offsetOf("typeDataLength"),
                    "%s: type data length %d overruns the descriptor, which has %d bytes" + " after the common header",
                    it.path(),
                    typeData,
                    it.end() - dataAt);
            dataEnd = it.end();
        }
        Layout layout = switch (busType) {
            case BUS_I2C -> I2C;
            case BUS_SPI -> SPI;
            case BUS_UART -> UART;
            case BUS_CSI2 -> SERIAL_BUS;
            default -> null;
        };
        Resource.SerialBusCommon common = new Resource.SerialBusCommon(
                s.intValue("revision"),
                s.intValue("generalFlags"),
                s.intValue("typeFlags"),
                s.intValue("typeRevision"));
        String name = nulTerminated(dataEnd, it.end(), it.path() + " resource source");
        ResourceSource source = new ResourceSource(s.intValue("sourceIndex"), name);
        if (layout == null || dataEnd < it.offset() + layout.size()) {
            if (layout != null) {
                error(
                        s.offsetOf("typeDataLength"),
                        "%s: %s type data has %d bytes, expected at least %d",
                        it.path(),
                        layout.name(),
                        dataEnd - dataAt,
                        layout.size() - SERIAL_BUS.size());
            } else if (busType < 192) {
                warning(
                        s.offsetOf("busType"),
                        "%s: serial bus type %d is reserved (1 I2C, 2 SPI, 3 UART, 4 CSI-2,"
                                + " 192-255 vendor-defined)",
                        it.path(),
                        busType);
            }
            return new Resource.OtherSerialBus(common, busType, bytes(dataAt, dataEnd), source);
        }
        Struct t = struct(layout, it, layout.size());
        RawData vendor = bytes(it.offset() + layout.size(), dataEnd);
        return switch (busType) {
            case BUS_I2C -> new Resource.I2cSerialBus(common, t.value("speed"), t.intValue("address"), vendor, source);
            case BUS_SPI ->
                new Resource.SpiSerialBus(
                        common,
                        t.value("speed"),
                        t.intValue("dataBitLength"),
                        t.intValue("clockPhase"),
                        t.intValue("clockPolarity"),
                        t.intValue("deviceSelection"),
                        vendor,
                        source);
            case BUS_UART ->
                new Resource.UartSerialBus(
                        common,
                        t.value("baudRate"),
                        t.intValue("rxFifo"),
                        t.intValue("txFifo"),
                        t.intValue("parity"),
                        t.intValue("linesEnabled"),
                        vendor,
                        source);
            default -> new Resource.Csi2SerialBus(common, vendor, source);
        };
    }

    /** The variable parts of the GPIO and pin descriptors, located by offsets from the descriptor's start. */
    private record Parts(List<Integer> pins, String name, String label, RawData vendor) {}

    /**
     * Reads the pin table (from {@code pinField} up to the field after it), the name at {@code nameField} and the
     * label at {@code labelField} (NUL-terminated), and the vendor data; every offset is checked against the
     * item, and a part that lies outside it is reported and left empty.
     */
    private Parts parts(Item it, Struct s, Layout layout, String pinField, String nameField, String labelField) {
        int fixedEnd = layout.size();
        int nameOffset = checkedOffset(it, s, nameField, fixedEnd);
        List<Integer> pins = new ArrayList<>();
        if (pinField != null) {
            int pinOffset = checkedOffset(it, s, pinField, fixedEnd);
            if (pinOffset >= 0 && nameOffset >= 0 && pinOffset <= nameOffset) {
                int bytes = nameOffset - pinOffset;
                if (bytes % 2 != 0) {
                    error(
                            s.offsetOf(pinField),
                            "%s: pin table of %d bytes is not a whole number of 16-bit pins",
                            it.path(),
                            bytes);
                }
                for (int i = 0; i + 1 < bytes; i += 2) {
                    pins.add(u16(it.offset() + pinOffset + i));
                }
                if (pins.isEmpty()) {
                    error(s.offsetOf(pinField), "%s: pin table is empty", it.path());
                }
            } else if (pinOffset >= 0 && nameOffset >= 0) {
                error(
                        s.offsetOf(pinField),
                        "%s: pin table offset %d lies after the next part's offset %d",
                        it.path(),
                        pinOffset,
                        nameOffset);
            }
        }
        String name =
                nameOffset < 0 ? "" : nulTerminated(it.offset() + nameOffset, it.end(), it.path() + " " + nameField);
        String label = "";
        if (labelField != null) {
            int labelOffset = checkedOffset(it, s, labelField, fixedEnd);
            label = labelOffset < 0
                    ? ""
                    : nulTerminated(it.offset() + labelOffset, it.end(), it.path() + " " + labelField);
        }
        RawData vendor = RawData.EMPTY;
        int vendorLength = s.intValue("vendorLength");
        if (vendorLength > 0) {
            int vendorOffset = checkedOffset(it, s, "vendorOffset", fixedEnd);
            if (vendorOffset >= 0 && vendorOffset + vendorLength > it.total()) {
                error(
                        s.offsetOf("vendorLength"),
                        "%s: vendor data of %d bytes at offset %d overruns the %d-byte" + " descriptor",
                        it.path(),
                        vendorLength,
                        vendorOffset,
                        it.total());
            } else if (vendorOffset >= 0) {
                vendor = bytes(it.offset() + vendorOffset, it.offset() + vendorOffset + vendorLength);
            }
        }
        return new Parts(pins, name, label, vendor);
    }

    /** A descriptor-relative offset field, or -1 (reported) when it points outside [fixed part end, item end]. */
    private int checkedOffset(Item it, Struct s, String field, int fixedEnd) {
        int v = s.intValue(field);
        if (v < fixedEnd || v > it.total()) {
            error(
                    s.offsetOf(field),
                    "%s: %s %d lies outside the descriptor's variable part [%d, %d]",
                    it.path(),
                    field,
                    v,
                    fixedEnd,
                    it.total());
            return -1;
        }
        return v;
    }

    /** An optional Resource Source Index byte and Resource Source string from {@code at} to the item's end. */
    private Optional<ResourceSource> optionalSource(Item it, int at) {
        if (at >= it.end()) {
            return Optional.empty();
        }
        int index = u8(at);
        String name = nulTerminated(at + 1, it.end(), it.path() + " resource source");
        return Optional.of(new ResourceSource(index, name));
    }

    /** NUL-terminated ASCII from {@code at}, within {@code limit}; an unterminated string is reported. */
    private String nulTerminated(int at, int limit, String what) {
        if (at >= limit) {
            return "";
        }
        int i = at;
        while (i < limit && data.get(i) != 0) {
            i++;
        }
        if (i == limit) {
            warning(at, "%s: string is not NUL-terminated within the descriptor", what);
        }
        byte[] b = new byte[i - at];
        data.get(at, b, 0, b.length);
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private void checkSum(Item it, Resource.EndTag tag) {
        if (tag.checksum() == 0 || it.total() < 2) {
            return;
        }
        int sum = 0;
        for (int i = 0; i < it.end(); i++) {
            sum += data.get(i);
        }
        if ((sum & 0xFF) != 0) {
            error(
                    it.offset() + 1,
                    "%s: End Tag checksum 0x%02X leaves the template summing to 0x%02X, not 0",
                    it.path(),
                    tag.checksum(),
                    sum & 0xFF);
        }
    }

    private Resource unknown(Item it, String what) {
        error(it.offset(), "%s: %s is not defined by ACPI 6.5; skipped its %d bytes", it.path(), what, it.total());
        return raw(it);
    }

    private Struct struct(Layout layout, Item it, int available) {
        return Struct.over(layout, data, it.offset(), Math.min(available, it.total()), it.path());
    }

    private RawData bytes(int from, int to) {
        int a = Math.max(0, Math.min(from, size));
        int b = Math.max(a, Math.min(to, size));
        byte[] out = new byte[b - a];
        data.get(a, out, 0, out.length);
        return RawData.of(out);
    }

    private int u8(int at) {
        return data.get(at) & 0xFF;
    }

    private int u16(int at) {
        return data.getShort(at) & 0xFFFF;
    }

    private long u32(int at) {
        return data.getInt(at) & 0xFFFF_FFFFL;
    }

    @FormatMethod
    private void error(long offset, @FormatString String format, Object... args) {
        errors++;
        diagnostics.add(new Diagnostic(owner, 0, offset, Severity.ERROR, String.format(format, args)));
    }

    @FormatMethod
    private void warning(long offset, @FormatString String format, Object... args) {
        diagnostics.add(new Diagnostic(owner, 0, offset, Severity.WARNING, String.format(format, args)));
    }
}
