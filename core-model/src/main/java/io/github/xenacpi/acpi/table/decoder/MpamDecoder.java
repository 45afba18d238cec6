package io.github.xenacpi.acpi.table.decoder;

import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.MpamTable;
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

/**
 * Decodes MPAM. An MMIO MSC yields an {@link RegionKind#MPAM_MSC} region of its base and MMIO size in system
 * memory, as {@code acpi_mpam_parse} declares it; an MMIO MSC of size 0 is disabled and has none. A PCC MSC
 * keeps {@link AddressSpace#PLATFORM_COMM_CHANNEL} with the subspace ID as base and length 0, since it is no
 * memory range. Revision 1 (MPAM ACPI 2.0) and later share the node layouts; from revision 3 (MPAM ACPI 3.0)
 * the MMIO size of a PCC MSC is its enablement flag. Linux ignores revision 0 (the MPAM ACPI 1.0 beta). iasl
 * 20200925 does not know this table.
 */
public final class MpamDecoder implements TableDecoder<MpamTable> {

    /** One MSC node, before its resource nodes. */
    public static final Layout MSC = Layout.of("MPAM MSC node")
            .u16("length")
            .u8("interfaceType")
            .reserved(1)
            .u32("identifier")
            .u64("baseAddress")
            .u32("mmioSize")
            .u32("overflowInterrupt")
            .u32("overflowInterruptFlags")
            .reserved(4)
            .u32("overflowInterruptAffinity")
            .u32("errorInterrupt")
            .u32("errorInterruptFlags")
            .reserved(4)
            .u32("errorInterruptAffinity")
            .u32("maxNrdyUsec")
            .u64("linkedDeviceHid")
            .u32("linkedDeviceInstance")
            .u32("resourceCount")
            .build();

    /** One resource node, before its functional dependencies. */
    public static final Layout RESOURCE = Layout.of("MPAM resource node")
            .u32("identifier")
            .u8("risIndex")
            .reserved(2)
            .u8("locatorType")
            .u64("descriptor1")
            .u32("descriptor2")
            .u32("dependencyCount")
            .build();

    /** One functional dependency. */
    public static final Layout DEPENDENCY =
            Layout.of("MPAM functional dependency").u32("producer").reserved(4).build();

    /** {@link #MSC} bound to its record, the resource nodes that follow it supplied by the decoder. */
    public static final RecordLayout<MpamTable.Msc> MSC_RECORD = RecordLayout.of(MpamTable.Msc.class, MSC, "resources");

    /** {@link #RESOURCE} bound to its record, the functional dependencies that follow it supplied by the decoder. */
    public static final RecordLayout<MpamTable.Resource> RESOURCE_RECORD =
            RecordLayout.of(MpamTable.Resource.class, RESOURCE, "functionalDependencies");

    @Override
    public String signature() {
        return "MPAM";
    }

    @Override
    public MpamTable decode(DecodeContext ctx) {
        if (ctx.revision() < 1) {
            ctx.warning(
                    8,
                    "MPAM: revision %d is the MPAM ACPI 1.0 beta, which Linux (acpi_mpam_parse) ignores",
                    ctx.revision());
        }
        List<MpamTable.Msc> out = new ArrayList<>();
        for (Subtable sub : ctx.subtables(SubtableFormat.LENGTH16, TableHeader.SIZE, ctx.end(), "MPAM.msc")) {
            Struct s = ctx.read(MSC, sub);
            int reserved = s.firstNonZeroReserved();
            if (reserved >= 0) {
                ctx.error(
                        reserved,
                        "%s: reserved field at offset 0x%X is not zero; acpi_mpam_parse then skips the"
                                + " MSC and MPAM stays unusable",
                        sub.path(),
                        reserved);
            }
            if (s.isComplete()) {
                interruptFlags(ctx, sub, s, "overflowInterruptFlags");
                interruptFlags(ctx, sub, s, "errorInterruptFlags");
            }
            List<MpamTable.Resource> resources =
                    s.isComplete() ? resources(ctx, sub, s.value("resourceCount")) : List.of();
            MpamTable.Msc m = MSC_RECORD.read(s, resources);
            out.add(m);
            if (s.has("mmioSize")) {
                region(ctx, sub, s, m);
            }
        }
        return new MpamTable(ctx.header(), out);
    }

    private static void region(DecodeContext ctx, Subtable sub, Struct s, MpamTable.Msc m) {
        if (m.interfaceType() != MpamTable.INTERFACE_MMIO && m.interfaceType() != MpamTable.INTERFACE_PCC) {
            ctx.error(
                    s.offsetOf("interfaceType"),
                    "%s: interface type 0x%02X is neither MMIO (0x00) nor PCC (0x0A)",
                    sub.path(),
                    m.interfaceType());
            return;
        }
        if (m.interfaceType() == MpamTable.INTERFACE_PCC) {
            pcc(ctx, sub, s, m);
        } else if (m.mmioSize() == 0) {
            // acpi_mpam_parse: an MMIO size of 0 marks the MSC as disabled.
            ctx.info(s.offsetOf("mmioSize"), "%s: MMIO size 0 marks this MSC as disabled", sub.path());
        } else if (m.baseAddress() == 0) {
            ctx.error(
                    s.offsetOf("baseAddress"),
                    "%s: MMIO MSC of size 0x%X at base address zero",
                    sub.path(),
                    m.mmioSize());
        } else {
            ctx.region(
                    RegionKind.MPAM_MSC,
                    AddressSpace.SYSTEM_MEMORY,
                    m.baseAddress(),
                    m.mmioSize(),
                    s.offsetOf("baseAddress"),
                    sub.path() + ".baseAddress");
        }
    }

    /**
     * A PCC MSC: its base address is the PCC subspace ID. Its MMIO size must be 0 up to table revision 2 (MPAM
     * ACPI 2.x); from revision 3 (MPAM ACPI 3.0) it is the enablement flag, 1 enabled and 0 non-functional.
     */
    private static void pcc(DecodeContext ctx, Subtable sub, Struct s, MpamTable.Msc m) {
        long size = m.mmioSize();
        long at = s.offsetOf("mmioSize");
        if (ctx.revision() >= 3) {
            if (size > 1) {
                ctx.warning(
                        at,
                        "%s: the MMIO size of a PCC MSC is its enablement flag in revision %d and must be"
                                + " 0 or 1, found 0x%X",
                        sub.path(),
                        ctx.revision(),
                        size);
            } else if (size == 0) {
                ctx.info(at, "%s: PCC MSC marked non-functional (MMIO size 0)", sub.path());
                return;
            }
        } else if (size != 0) {
            ctx.warning(
                    at,
                    "%s: the MMIO size of a PCC MSC must be 0 in revision %d, found 0x%X",
                    sub.path(),
                    ctx.revision(),
                    size);
        } else {
            ctx.info(
                    at,
                    "%s: this PCC MSC is valid for revision %d, but acpi_mpam_parse skips every MSC of MMIO"
                            + " size 0, so Linux treats it as disabled",
                    sub.path(),
                    ctx.revision());
        }
        ctx.region(
                RegionKind.MPAM_MSC,
                AddressSpace.PLATFORM_COMM_CHANNEL,
                m.baseAddress(),
                0,
                s.offsetOf("baseAddress"),
                sub.path() + ".baseAddress");
    }

    private static void interruptFlags(DecodeContext ctx, Subtable sub, Struct s, String field) {
        long flags = s.value(field);
        if ((flags & ~0x1FL) != 0) {
            ctx.warning(s.offsetOf(field), "%s: reserved bits 5-31 of %s are set (0x%X)", sub.path(), field, flags);
        }
        if (s.value(field.replace("Flags", "")) != 0 && ((flags >> 1) & 3) != 0) {
            ctx.warning(
                    s.offsetOf(field),
                    "%s: %s gives interrupt type %d, only 0 (wired) is defined",
                    sub.path(),
                    field,
                    (flags >> 1) & 3);
        }
    }

    private static List<MpamTable.Resource> resources(DecodeContext ctx, Subtable msc, long count) {
        List<MpamTable.Resource> out = new ArrayList<>();
        int at = msc.offset() + MSC.size();
        for (long i = 0; i < count; i++) {
            String path = msc.path() + ".resource[" + i + "]";
            if (at + RESOURCE.size() > msc.end()) {
                ctx.error(
                        at,
                        "%s: %d resource nodes declared, node %d does not fit in the MSC's %d bytes",
                        msc.path(),
                        count,
                        i,
                        msc.length());
                return out;
            }
            Struct r = ctx.read(RESOURCE, at, path);
            ctx.checkReserved(r);
            int locator = r.intValue("locatorType");
            if (locator > 5 && locator != 0xFF) {
                ctx.warning(r.offsetOf("locatorType"), "%s: locator type %d is reserved", path, locator);
            }
            long deps = r.value("dependencyCount");
            at += RESOURCE.size();
            List<Long> producers = new ArrayList<>();
            for (long d = 0; d < deps; d++) {
                if (at + DEPENDENCY.size() > msc.end()) {
                    ctx.error(
                            r.offsetOf("dependencyCount"),
                            "%s: %d functional dependencies declared, only %d fit" + " in the MSC",
                            path,
                            deps,
                            d);
                    out.add(resource(r, producers));
                    return out;
                }
                Struct dep = ctx.read(DEPENDENCY, at, path + ".dependency[" + d + "]");
                ctx.checkReserved(dep);
                producers.add(dep.value("producer"));
                at += DEPENDENCY.size();
            }
            out.add(resource(r, producers));
        }
        if (at < msc.end()) {
            ctx.info(
                    at,
                    "%s: %d bytes of resource-specific data follow the resource nodes (MPAM ACPI 2.0)",
                    msc.path(),
                    msc.end() - at);
        }
        return out;
    }

    private static MpamTable.Resource resource(Struct r, List<Long> producers) {
        return RESOURCE_RECORD.read(r, producers);
    }
}
