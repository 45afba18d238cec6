package io.github.xenacpi.acpi.table.decoder;

import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.AestTable;
import io.github.xenacpi.acpi.table.AestTable.Interface;
import io.github.xenacpi.acpi.table.AestTable.Interrupt;
import io.github.xenacpi.acpi.table.AestTable.NodeData;
import io.github.xenacpi.acpi.table.TableDecoder;
import io.github.xenacpi.acpi.table.layout.AddressRange;
import io.github.xenacpi.acpi.table.layout.DecodeContext;
import io.github.xenacpi.acpi.table.layout.Layout;
import io.github.xenacpi.acpi.table.layout.RecordLayout;
import io.github.xenacpi.acpi.table.layout.ReservedBits;
import io.github.xenacpi.acpi.table.layout.Struct;
import io.github.xenacpi.acpi.table.layout.Subtable;
import io.github.xenacpi.acpi.table.layout.SubtableFormat;
import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Decodes AEST (Arm DEN 0085 1.1). A memory-mapped node interface yields an {@link RegionKind#AEST_INTERFACE}
 * region of its error record group (4 KiB, or 64 KiB when its records do not fit the 4 KiB layout);
 * system-register interfaces and interrupts describe no memory. Upstream Linux has no AEST driver to follow.
 */
public final class AestDecoder implements TableDecoder<AestTable> {

    /** The header every node starts with; the offsets in it are relative to the node's start. */
    public static final Layout NODE = Layout.of("AEST node header")
            .u8("type")
            .u16("length")
            .reserved(1)
            .u32("dataOffset")
            .u32("interfaceOffset")
            .u32("interruptOffset")
            .u32("interruptCount")
            .u64("timestampRate")
            .reserved(8)
            .u64("errorInjectionCountdownRate")
            .build();

    /** Processor node-specific data, followed by its resource substructure. */
    public static final Layout PROCESSOR = Layout.of("AEST processor data")
            .u32("processorId")
            .u8("resourceType")
            .reserved(1)
            .u8("flags")
            .u8("revision")
            .u64("processorAffinity")
            .build();

    /** Processor cache (resource type 0) or TLB (type 1) substructure: a reference or level and 4 reserved bytes. */
    public static final Layout PROCESSOR_RESOURCE = Layout.of("AEST processor cache/TLB resource")
            .u32("resource")
            .reserved(4)
            .build();

    /** Processor generic resource substructure (resource type 2). */
    public static final Layout PROCESSOR_GENERIC =
            Layout.of("AEST processor generic resource").u32("resource").build();

    /** Memory node-specific data. */
    public static final Layout MEMORY =
            Layout.of("AEST memory data").u32("proximityDomain").build();

    /** SMMU node-specific data. */
    public static final Layout SMMU = Layout.of("AEST SMMU data")
            .u32("iortNodeReference")
            .u32("subcomponentReference")
            .build();

    /** Vendor node-specific data. */
    public static final Layout VENDOR = Layout.of("AEST vendor data")
            .u32("hid")
            .u32("uid")
            .bytes("vendorData", 16)
            .build();

    /** GIC node-specific data. */
    public static final Layout GIC =
            Layout.of("AEST GIC data").u32("interfaceType").u32("instanceId").build();

    /** The node interface. */
    public static final Layout INTERFACE = Layout.of("AEST node interface")
            .u8("type")
            .reserved(3)
            .u32("flags")
            .u64("baseAddress")
            .u32("errorRecordIndex")
            .u32("errorRecordCount")
            .u64("errorRecordImplemented")
            .u64("errorStatusReporting")
            .u64("addressingMode")
            .build();

    /** One node interrupt. */
    public static final Layout INTERRUPT = Layout.of("AEST node interrupt")
            .u8("type")
            .reserved(2)
            .u8("flags")
            .u32("gsiv")
            .u8("iortId")
            .reserved(3)
            .build();

    /** {@link #NODE} bound to its record; the node's length and the parts its offsets point to are supplied. */
    public static final RecordLayout<AestTable.Node> NODE_RECORD =
            RecordLayout.of(AestTable.Node.class, NODE, "length", "data", "nodeInterface", "interrupts");

    /** {@link #PROCESSOR} bound to its record; the resource substructure that follows is the decoder's. */
    public static final RecordLayout<AestTable.Processor> PROCESSOR_RECORD =
            RecordLayout.of(AestTable.Processor.class, PROCESSOR, "resource");

    /** {@link #VENDOR} bound to its record; the vendor data, kept as hex, is the decoder's to format. */
    public static final RecordLayout<AestTable.Vendor> VENDOR_RECORD =
            RecordLayout.of(AestTable.Vendor.class, VENDOR, "vendorData");

    /** {@link #MEMORY} bound to its record: the decoder reads and the builder writes through it. */
    public static final RecordLayout<AestTable.Memory> MEMORY_RECORD = RecordLayout.of(AestTable.Memory.class, MEMORY);

    /** {@link #SMMU} bound to its record. */
    public static final RecordLayout<AestTable.Smmu> SMMU_RECORD = RecordLayout.of(AestTable.Smmu.class, SMMU);

    /** {@link #GIC} bound to its record. */
    public static final RecordLayout<AestTable.Gic> GIC_RECORD = RecordLayout.of(AestTable.Gic.class, GIC);

    /** {@link #INTERFACE} bound to its record. */
    public static final RecordLayout<Interface> INTERFACE_RECORD = RecordLayout.of(Interface.class, INTERFACE);

    /** {@link #INTERRUPT} bound to its record. */
    public static final RecordLayout<Interrupt> INTERRUPT_RECORD = RecordLayout.of(Interrupt.class, INTERRUPT);

    /**
     * Arm RAS System Architecture: records of a memory-mapped error record group sit at 64-byte strides from its
     * base; the 4 KiB group layout holds them below 0xE00 (group registers above), the 64 KiB layout below 0xE000.
     */
    static final int RECORD_SIZE = 64;

    static final long SMALL_GROUP = 0x1000;
    static final long SMALL_GROUP_RECORDS_END = 0xE00;
    static final long LARGE_GROUP = 0x1_0000;
    static final long LARGE_GROUP_RECORDS_END = 0xE000;

    /** Flags bits 0 and 1 are the defined ones of the processor data, the interface and the interrupts. */
    static final int DEFINED_FLAG_BITS = 0x3;

    static final int LAST_NODE_TYPE = 4;
    static final int LAST_GIC_INTERFACE = 3;

    @Override
    public String signature() {
        return "AEST";
    }

    @Override
    public AestTable decode(DecodeContext ctx) {
        if (ctx.revision() > 1) {
            ctx.info(8, "AEST: revision %d is decoded with the DEN 0085 1.1 layouts", ctx.revision());
        }
        List<AestTable.Node> nodes = new ArrayList<>();
        SubtableFormat format = SubtableFormat.TYPE8_LENGTH16.withMinLength(NODE.size());
        for (Subtable sub : ctx.subtables(format, TableHeader.SIZE, ctx.end(), "AEST.node")) {
            nodes.add(node(ctx, sub));
        }
        return new AestTable(ctx.header(), nodes);
    }

    private static AestTable.Node node(DecodeContext ctx, Subtable sub) {
        Struct h = ctx.read(NODE, sub);
        ctx.checkReserved(h);
        NodeData data = data(ctx, sub, h);
        Optional<Interface> iface = nodeInterface(ctx, sub, h);
        List<Interrupt> interrupts = interrupts(ctx, sub, h);
        return NODE_RECORD.read(h, sub.length(), data, iface, interrupts);
    }

    /** The structure at a node-relative offset, or null (reported) when it does not fit in the node. */
    private static Struct part(DecodeContext ctx, Subtable sub, long offset, Layout layout, String what) {
        if (offset < NODE.size() || offset + layout.size() > sub.length()) {
            ctx.error(
                    sub.offset(),
                    "%s: %s at node offset %d needs %d bytes, but the node header takes %d and the"
                            + " node is %d bytes long",
                    sub.path(),
                    what,
                    offset,
                    layout.size(),
                    NODE.size(),
                    sub.length());
            return null;
        }
        return ctx.read(layout, sub.offset() + (int) offset, sub.path() + "." + what);
    }

    private static NodeData data(DecodeContext ctx, Subtable sub, Struct h) {
        long at = h.value("dataOffset");
        Layout layout = switch (sub.type()) {
            case 0 -> PROCESSOR;
            case 1 -> MEMORY;
            case 2 -> SMMU;
            case 3 -> VENDOR;
            case 4 -> GIC;
            default -> null;
        };
        if (layout == null) {
            ctx.warning(
                    sub.offset(),
                    "%s: node type %d is not defined by DEN 0085 1.1 (0 to %d)",
                    sub.path(),
                    sub.type(),
                    LAST_NODE_TYPE);
            return new AestTable.Unknown();
        }
        Struct s = part(ctx, sub, at, layout, "data");
        if (s == null) {
            return new AestTable.Unknown();
        }
        ctx.checkReserved(s);
        return switch (sub.type()) {
            case 0 -> processor(ctx, sub, s, at);
            case 1 -> MEMORY_RECORD.read(s);
            case 2 -> SMMU_RECORD.read(s);
            case 3 -> VENDOR_RECORD.read(s, HexFormat.of().formatHex(s.bytes("vendorData")));
            default -> {
                AestTable.Gic gic = GIC_RECORD.read(s);
                if (gic.interfaceType() > LAST_GIC_INTERFACE) {
                    ctx.warning(
                            s.offsetOf("interfaceType"),
                            "%s: GIC interface type %d is not defined (0 to %d)",
                            sub.path(),
                            gic.interfaceType(),
                            LAST_GIC_INTERFACE);
                }
                yield gic;
            }
        };
    }

    private static NodeData processor(DecodeContext ctx, Subtable sub, Struct s, long at) {
        ReservedBits.check(
                ctx,
                s.offsetOf("flags"),
                sub.path() + ".data",
                "processor flags",
                s.intValue("flags"),
                DEFINED_FLAG_BITS);
        int resourceType = s.intValue("resourceType");
        long resource = 0;
        if (resourceType > 2) {
            ctx.warning(
                    s.offsetOf("resourceType"),
                    "%s: processor resource type %d is not defined (0 cache, 1 TLB," + " 2 generic)",
                    sub.path(),
                    resourceType);
        } else {
            Struct r = part(
                    ctx,
                    sub,
                    at + PROCESSOR.size(),
                    resourceType == 2 ? PROCESSOR_GENERIC : PROCESSOR_RESOURCE,
                    "data.resource");
            if (r != null) {
                ctx.checkReserved(r);
                resource = r.value("resource");
            }
        }
        return PROCESSOR_RECORD.read(s, resource);
    }

    private static Optional<Interface> nodeInterface(DecodeContext ctx, Subtable sub, Struct h) {
        Struct s = part(ctx, sub, h.value("interfaceOffset"), INTERFACE, "interface");
        if (s == null) {
            return Optional.empty();
        }
        ctx.checkReserved(s);
        Interface i = INTERFACE_RECORD.read(s);
        String path = sub.path() + ".interface";
        ReservedBits.check(ctx, s.offsetOf("flags"), path, "interface flags", i.flags(), DEFINED_FLAG_BITS);
        if (i.errorRecordCount() == 0) {
            ctx.warning(s.offsetOf("errorRecordCount"), "%s: error record count is 0", path);
        }
        if (i.type() == AestTable.MEMORY_MAPPED_INTERFACE) {
            if (i.baseAddress() == 0) {
                ctx.error(s.offsetOf("baseAddress"), "%s: memory-mapped interface with a null base address", path);
            } else {
                long recordsEnd = (i.errorRecordIndex() + i.errorRecordCount()) * RECORD_SIZE;
                if (recordsEnd > LARGE_GROUP_RECORDS_END) {
                    ctx.warning(
                            s.offsetOf("errorRecordCount"),
                            "%s: records %d to %d end at group offset 0x%X, past"
                                    + " the 0x%X bytes of records a 64 KiB error record group holds",
                            path,
                            i.errorRecordIndex(),
                            i.errorRecordIndex() + i.errorRecordCount() - 1,
                            recordsEnd,
                            LARGE_GROUP_RECORDS_END);
                }
                long group = recordsEnd <= SMALL_GROUP_RECORDS_END ? SMALL_GROUP : LARGE_GROUP;
                if (AddressRange.fits(ctx, i.baseAddress(), group, s.offsetOf("baseAddress"), path)) {
                    ctx.region(
                            RegionKind.AEST_INTERFACE,
                            AddressSpace.SYSTEM_MEMORY,
                            i.baseAddress(),
                            group,
                            s.offsetOf("baseAddress"),
                            path + ".baseAddress");
                }
            }
        } else if (i.type() != AestTable.SYSTEM_REGISTER_INTERFACE) {
            ctx.warning(
                    s.offsetOf("type"),
                    "%s: interface type %d is not defined by DEN 0085 1.1 (0 system" + " register, 1 memory-mapped)",
                    path,
                    i.type());
        }
        return Optional.of(i);
    }

    private static List<Interrupt> interrupts(DecodeContext ctx, Subtable sub, Struct h) {
        long count = h.value("interruptCount");
        long at = h.value("interruptOffset");
        List<Interrupt> out = new ArrayList<>();
        if (count == 0) {
            return out;
        }
        if (at < NODE.size() || at + count * INTERRUPT.size() > sub.length()) {
            ctx.error(
                    h.offsetOf("interruptCount"),
                    "%s: %d interrupts of %d bytes at node offset %d do not fit in" + " the node (%d bytes)",
                    sub.path(),
                    count,
                    INTERRUPT.size(),
                    at,
                    sub.length());
            return out;
        }
        for (int i = 0; i < count; i++) {
            String path = sub.path() + ".interrupt[" + i + "]";
            Struct s = ctx.read(INTERRUPT, sub.offset() + (int) at + i * INTERRUPT.size(), path);
            ctx.checkReserved(s);
            Interrupt irq = INTERRUPT_RECORD.read(s);
            ReservedBits.check(ctx, s.offsetOf("flags"), path, "interrupt flags", irq.flags(), DEFINED_FLAG_BITS);
            if (irq.type() > 1) {
                ctx.warning(
                        s.offsetOf("type"),
                        "%s: interrupt type %d is not defined (0 fault handling, 1 error" + " recovery)",
                        path,
                        irq.type());
            }
            out.add(irq);
        }
        return out;
    }
}
