package io.github.xenacpi.acpi.table.decoder;

import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.SratTable;
import io.github.xenacpi.acpi.table.TableDecoder;
import io.github.xenacpi.acpi.table.layout.DecodeContext;
import io.github.xenacpi.acpi.table.layout.Layout;
import io.github.xenacpi.acpi.table.layout.RecordLayout;
import io.github.xenacpi.acpi.table.layout.Struct;
import io.github.xenacpi.acpi.table.layout.Subtable;
import io.github.xenacpi.acpi.table.layout.SubtableFormat;
import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decodes SRAT. Each enabled memory affinity yields a {@link RegionKind#SRAT_MEMORY} region: that range is RAM
 * (possibly hot-pluggable or non-volatile), not device memory, and a consumer must not treat it as MMIO; Xen on
 * ARM does not read SRAT at all.
 */
public final class SratDecoder implements TableDecoder<SratTable> {

    /** Offset of the first affinity structure. */
    public static final int STRUCTURES = 48;

    /** The fields between the header and the structures. */
    public static final Layout BODY =
            Layout.of("SRAT body").u32("tableRevision").reserved(8).build();

    /** Type 0: processor local APIC/SAPIC affinity. */
    public static final Layout PROCESSOR_APIC = Layout.of("SRAT processor APIC affinity")
            .u8("type")
            .u8("length")
            .u8("proximityDomainLow")
            .u8("apicId")
            .u32("flags")
            .u8("sapicEid")
            .bytes("proximityDomainHigh", 3)
            .u32("clockDomain")
            .build();

    /** Type 1: memory affinity. */
    public static final Layout MEMORY = Layout.of("SRAT memory affinity")
            .u8("type")
            .u8("length")
            .u32("proximityDomain")
            .reserved(2)
            .u64("base")
            .u64("rangeLength")
            .reserved(4)
            .u32("flags")
            .reserved(8)
            .build();

    /** Type 2: processor local x2APIC affinity. */
    public static final Layout X2APIC = Layout.of("SRAT x2APIC affinity")
            .u8("type")
            .u8("length")
            .reserved(2)
            .u32("proximityDomain")
            .u32("x2apicId")
            .u32("flags")
            .u32("clockDomain")
            .reserved(4)
            .build();

    /** Type 3: GICC affinity. */
    public static final Layout GICC = Layout.of("SRAT GICC affinity")
            .u8("type")
            .u8("length")
            .u32("proximityDomain")
            .u32("acpiProcessorUid")
            .u32("flags")
            .u32("clockDomain")
            .build();

    /** Type 4: GIC ITS affinity. */
    public static final Layout GIC_ITS = Layout.of("SRAT GIC ITS affinity")
            .u8("type")
            .u8("length")
            .u32("proximityDomain")
            .reserved(2)
            .u32("itsId")
            .build();

    /** Types 5 and 6: generic initiator and generic port affinity. */
    public static final Layout GENERIC = Layout.of("SRAT generic initiator/port affinity")
            .u8("type")
            .u8("length")
            .reserved(1)
            .u8("handleType")
            .u32("proximityDomain")
            .bytes("handle", 16)
            .u32("flags")
            .reserved(4)
            .build();

    /** The ACPI form of a device handle. */
    public static final Layout ACPI_HANDLE = Layout.of("SRAT ACPI device handle")
            .ascii("hid", 8)
            .u32("uid")
            .reserved(4)
            .build();

    /** The PCI form of a device handle. */
    public static final Layout PCI_HANDLE = Layout.of("SRAT PCI device handle")
            .u16("segment")
            .u16("bdf")
            .reserved(12)
            .build();

    /** Type 7: RINTC affinity. */
    public static final Layout RINTC = Layout.of("SRAT RINTC affinity")
            .u8("type")
            .u8("length")
            .reserved(2)
            .u32("proximityDomain")
            .u32("acpiProcessorUid")
            .u32("flags")
            .u32("clockDomain")
            .build();

    private static final Layout[] BY_TYPE = {PROCESSOR_APIC, MEMORY, X2APIC, GICC, GIC_ITS, GENERIC, GENERIC, RINTC};

    /**
     * The affinity structures that are their layout bound to their record, by type: the decoder reads them and the
     * builder writes them through these bindings alone.
     */
    public static final Map<Integer, RecordLayout<? extends Record>> BOUND = Map.of(
            2, RecordLayout.of(SratTable.X2Apic.class, X2APIC),
            3, RecordLayout.of(SratTable.Gicc.class, GICC),
            4, RecordLayout.of(SratTable.GicIts.class, GIC_ITS),
            7, RecordLayout.of(SratTable.Rintc.class, RINTC));

    /** {@link #BODY} bound to the table's record. */
    public static final RecordLayout<SratTable> TABLE_RECORD = RecordLayout.binder(SratTable.class, BODY)
            .field("tableRevisionField", "tableRevision")
            .supplied("header", "affinities")
            .build();

    /**
     * Type 0 bound to its record; the proximity domain, split between a byte and three more, is the decoder's to
     * join and the builder's to split.
     */
    public static final RecordLayout<SratTable.ProcessorApic> PROCESSOR_APIC_RECORD =
            RecordLayout.of(SratTable.ProcessorApic.class, PROCESSOR_APIC, "proximityDomain");

    /** Type 1 bound to its record, whose {@code length} is the range's. */
    public static final RecordLayout<SratTable.Memory> MEMORY_RECORD = RecordLayout.binder(
                    SratTable.Memory.class, MEMORY)
            .field("length", "rangeLength")
            .build();

    /** Types 5 and 6 bound to their record; the device handle is read in its form of {@code handleType}. */
    public static final RecordLayout<SratTable.GenericDomain> GENERIC_RECORD =
            RecordLayout.of(SratTable.GenericDomain.class, GENERIC, "handle");

    /** The ACPI form of a device handle bound to the handle's record; its type and PCI parts are supplied. */
    public static final RecordLayout<SratTable.DeviceHandle> ACPI_HANDLE_RECORD = RecordLayout.binder(
                    SratTable.DeviceHandle.class, ACPI_HANDLE)
            .field("acpiHid", "hid")
            .field("acpiUid", "uid")
            .supplied("handleType", "pciSegment", "pciBdf")
            .build();

    /** The PCI form of a device handle bound to the handle's record; its type and ACPI parts are supplied. */
    public static final RecordLayout<SratTable.DeviceHandle> PCI_HANDLE_RECORD = RecordLayout.binder(
                    SratTable.DeviceHandle.class, PCI_HANDLE)
            .field("pciSegment", "segment")
            .field("pciBdf", "bdf")
            .supplied("handleType", "acpiHid", "acpiUid")
            .build();

    @Override
    public String signature() {
        return "SRAT";
    }

    @Override
    public SratTable decode(DecodeContext ctx) {
        Struct body = ctx.read(BODY, TableHeader.SIZE, "SRAT");
        long tableRevision = body.value("tableRevision");
        if (body.has("tableRevision") && tableRevision != 1) {
            ctx.warning(
                    TableHeader.SIZE,
                    "SRAT: the field at offset 36 is %d, the specification requires 1 for" + " backward compatibility",
                    tableRevision);
        }
        ctx.checkReserved(body);
        List<SratTable.Affinity> out = new ArrayList<>();
        for (Subtable sub : ctx.subtables(SubtableFormat.TYPE8_LENGTH8, STRUCTURES, ctx.end(), "SRAT.affinity")) {
            if (sub.type() >= BY_TYPE.length) {
                ctx.warning(sub.offset(), "%s: unknown affinity type %d skipped", sub.path(), sub.type());
                out.add(new SratTable.Other(sub.type(), sub.offset(), sub.length()));
                continue;
            }
            Layout layout = BY_TYPE[sub.type()];
            Struct s = ctx.read(layout, sub);
            if (sub.length() > layout.size()) {
                ctx.warning(
                        sub.offset() + 1,
                        "%s: length %d, expected %d for %s",
                        sub.path(),
                        sub.length(),
                        layout.size(),
                        layout.name());
            }
            ctx.checkReserved(s);
            out.add(affinity(ctx, sub, s));
        }
        return TABLE_RECORD.read(body, ctx.header(), out);
    }

    private static SratTable.Affinity affinity(DecodeContext ctx, Subtable sub, Struct s) {
        RecordLayout<? extends Record> bound = BOUND.get(sub.type());
        if (bound != null) {
            return (SratTable.Affinity) bound.read(s);
        }
        return switch (sub.type()) {
            case 0 -> {
                byte[] high = s.has("proximityDomainHigh") ? s.bytes("proximityDomainHigh") : new byte[0];
                long domain = s.value("proximityDomainLow");
                for (int i = 0; i < high.length; i++) {
                    domain |= (long) (high[i] & 0xFF) << (8 * (i + 1));
                }
                yield PROCESSOR_APIC_RECORD.read(s, domain);
            }
            case 1 -> memory(ctx, sub, s);
            default -> GENERIC_RECORD.read(s, handle(ctx, sub, s));
        };
    }

    private static SratTable.Memory memory(DecodeContext ctx, Subtable sub, Struct s) {
        SratTable.Memory m = MEMORY_RECORD.read(s);
        if ((m.flags() & ~7L) != 0) {
            ctx.warning(s.offsetOf("flags"), "%s: reserved flag bits are set (flags 0x%X)", sub.path(), m.flags());
        }
        if (!m.enabled() || !s.has("rangeLength")) {
            return m;
        }
        if (m.length() == 0) {
            ctx.warning(s.offsetOf("rangeLength"), "%s: enabled memory affinity of length 0", sub.path());
        } else if (m.length() < 0 || Long.compareUnsigned(m.base() + m.length() - 1, m.base()) < 0) {
            ctx.error(
                    s.offsetOf("rangeLength"),
                    "%s: range 0x%X + 0x%X wraps past the end of the address space",
                    sub.path(),
                    m.base(),
                    m.length());
        } else {
            ctx.region(
                    RegionKind.SRAT_MEMORY,
                    AddressSpace.SYSTEM_MEMORY,
                    m.base(),
                    m.length(),
                    s.offsetOf("base"),
                    sub.path());
        }
        return m;
    }

    private static SratTable.DeviceHandle handle(DecodeContext ctx, Subtable sub, Struct s) {
        int handleType = s.intValue("handleType");
        if (!s.has("handle")) {
            return new SratTable.DeviceHandle(handleType, "", 0, 0, 0);
        }
        int at = s.offsetOf("handle");
        return switch (handleType) {
            case 0 -> {
                Struct h = ctx.read(ACPI_HANDLE, at, sub.path() + ".handle");
                yield ACPI_HANDLE_RECORD.read(h, 0, 0, 0);
            }
            case 1 -> {
                Struct h = ctx.read(PCI_HANDLE, at, sub.path() + ".handle");
                ctx.checkReserved(h);
                yield PCI_HANDLE_RECORD.read(h, 1, "", 0L);
            }
            default -> {
                ctx.error(
                        s.offsetOf("handleType"),
                        "%s: device handle type %d is neither 0 (ACPI) nor 1 (PCI)",
                        sub.path(),
                        handleType);
                yield new SratTable.DeviceHandle(handleType, "", 0, 0, 0);
            }
        };
    }
}
