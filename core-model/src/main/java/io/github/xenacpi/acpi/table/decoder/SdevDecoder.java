package io.github.xenacpi.acpi.table.decoder;

import io.github.xenacpi.acpi.table.SdevTable;
import io.github.xenacpi.acpi.table.TableDecoder;
import io.github.xenacpi.acpi.table.layout.DecodeContext;
import io.github.xenacpi.acpi.table.layout.Layout;
import io.github.xenacpi.acpi.table.layout.RecordLayout;
import io.github.xenacpi.acpi.table.layout.Struct;
import io.github.xenacpi.acpi.table.layout.Subtable;
import io.github.xenacpi.acpi.table.layout.SubtableFormat;
import io.github.xenacpi.acpi.table.layout.TableChecks;
import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes SDEV. Every offset/length pair is checked against the structure it belongs to. SDEV describes no
 * address range the hypervisor maps: a memory based secure access component names device memory the secure
 * world protects, which is reported in the record only.
 */
public final class SdevDecoder implements TableDecoder<SdevTable> {

    /** Structure type of an ACPI namespace device. */
    public static final int NAMESPACE_DEVICE = 0;
    /** Structure type of a PCIe endpoint device. */
    public static final int PCIE_ENDPOINT = 1;
    /** Component type of an identification based secure access component. */
    public static final int ID_COMPONENT = 0;
    /** Component type of a memory based secure access component. */
    public static final int MEMORY_COMPONENT = 1;

    /** The header every structure and component starts with. */
    public static final Layout HEADER = Layout.of("SDEV structure header")
            .u8("type")
            .u8("flags")
            .u16("length")
            .build();

    /** An ACPI namespace device structure before ACPI 6.4. */
    public static final Layout NAMESPACE = HEADER.extend("SDEV namespace device")
            .u16("deviceIdOffset")
            .u16("deviceIdLength")
            .u16("vendorDataOffset")
            .u16("vendorDataLength")
            .build();

    /** The namespace device structure with the secure access components reference (flags bit 1, ACPI 6.4). */
    public static final Layout NAMESPACE_COMPONENTS = NAMESPACE
            .extend("SDEV namespace device with components")
            .u16("componentsOffset")
            .u16("componentsLength")
            .build();

    /** A PCIe endpoint device structure. */
    public static final Layout PCIE = HEADER.extend("SDEV PCIe endpoint")
            .u16("segment")
            .u16("startBus")
            .u16("pathOffset")
            .u16("pathLength")
            .u16("vendorDataOffset")
            .u16("vendorDataLength")
            .build();

    /**
     * {@link #PCIE} bound to its record; the flags (read once from the header for every structure) and the path
     * that follows are supplied by the decoder.
     */
    public static final RecordLayout<SdevTable.PcieEndpoint> PCIE_RECORD =
            RecordLayout.of(SdevTable.PcieEndpoint.class, PCIE, "flags", "path");

    /** An identification based secure access component. */
    public static final Layout ID = HEADER.extend("SDEV identification component")
            .u16("hardwareIdOffset")
            .u16("hardwareIdLength")
            .u16("subsystemIdOffset")
            .u16("subsystemIdLength")
            .u16("hardwareRevision")
            .u8("hardwareRevisionPresent")
            .u8("classCodePresent")
            .u8("baseClass")
            .u8("subClass")
            .u8("programmingInterface")
            .build();

    /** A memory based secure access component. */
    public static final Layout MEMORY = HEADER.extend("SDEV memory component")
            .reserved(4)
            .u64("memoryBase")
            .u64("memoryLength")
            .build();

    /** {@link #NAMESPACE} bound to its record; the header flags, device identifier and components are supplied. */
    public static final RecordLayout<SdevTable.NamespaceDevice> NAMESPACE_RECORD =
            RecordLayout.of(SdevTable.NamespaceDevice.class, NAMESPACE, "flags", "deviceId", "components");

    /** {@link #ID} bound to its record; the hardware and subsystem ID strings it points to are supplied. */
    public static final RecordLayout<SdevTable.IdComponent> ID_RECORD =
            RecordLayout.of(SdevTable.IdComponent.class, ID, "hardwareId", "subsystemId");

    /** {@link #MEMORY} bound to its record, whose range is the memory base and length fields. */
    public static final RecordLayout<SdevTable.MemoryComponent> MEMORY_RECORD = RecordLayout.binder(
                    SdevTable.MemoryComponent.class, MEMORY)
            .field("base", "memoryBase")
            .field("length", "memoryLength")
            .build();

    private static final SubtableFormat FORMAT = SubtableFormat.TYPE8_PAD8_LENGTH16;

    @Override
    public String signature() {
        return "SDEV";
    }

    @Override
    public SdevTable decode(DecodeContext ctx) {
        List<SdevTable.Device> out = new ArrayList<>();
        for (Subtable sub : ctx.subtables(FORMAT, TableHeader.SIZE, ctx.end(), "SDEV.structure")) {
            int flags = ctx.read(HEADER, sub).intValue("flags");
            if ((flags & ~3) != 0) {
                ctx.warning(sub.offset() + 1, "%s: reserved flag bits 2-7 are set (flags 0x%02X)", sub.path(), flags);
            }
            switch (sub.type()) {
                case NAMESPACE_DEVICE -> out.add(namespace(ctx, sub, flags));
                case PCIE_ENDPOINT -> out.add(pcie(ctx, sub, flags));
                default -> {
                    ctx.warning(sub.offset(), "%s: unknown structure type %d skipped", sub.path(), sub.type());
                    out.add(new SdevTable.Other(sub.type(), flags, sub.offset(), sub.length()));
                }
            }
        }
        return new SdevTable(ctx.header(), out);
    }

    private static SdevTable.NamespaceDevice namespace(DecodeContext ctx, Subtable sub, int flags) {
        boolean hasComponents = (flags & 2) != 0;
        Struct s = ctx.read(hasComponents ? NAMESPACE_COMPONENTS : NAMESPACE, sub);
        String id = string(ctx, sub, s, "deviceIdOffset", "deviceIdLength", "device identifier");
        if (s.has("deviceIdLength") && s.intValue("deviceIdLength") == 0) {
            ctx.error(s.offsetOf("deviceIdLength"), "%s: the device identifier length is 0", sub.path());
        }
        int vendorLength = s.intValue("vendorDataLength");
        TableChecks.inside(
                ctx, sub, s.intValue("vendorDataOffset"), vendorLength, s.offsetOf("vendorDataOffset"), "vendor data");
        List<SdevTable.Component> components = new ArrayList<>();
        if (hasComponents && s.has("componentsLength")) {
            int rel = s.intValue("componentsOffset");
            int length = s.intValue("componentsLength");
            if (TableChecks.inside(ctx, sub, rel, length, s.offsetOf("componentsOffset"), "secure access components")) {
                for (Subtable c : ctx.subtables(
                        FORMAT, sub.offset() + rel, sub.offset() + rel + length, sub.path() + ".component")) {
                    components.add(component(ctx, c));
                }
            }
        }
        return NAMESPACE_RECORD.read(s, flags, id, components);
    }

    private static SdevTable.Component component(DecodeContext ctx, Subtable c) {
        int flags = ctx.read(HEADER, c).intValue("flags");
        switch (c.type()) {
            case ID_COMPONENT -> {
                Struct s = ctx.read(ID, c);
                String hid = string(ctx, c, s, "hardwareIdOffset", "hardwareIdLength", "hardware ID");
                String sid = string(ctx, c, s, "subsystemIdOffset", "subsystemIdLength", "subsystem ID");
                return ID_RECORD.read(s, hid, sid);
            }
            case MEMORY_COMPONENT -> {
                Struct s = ctx.read(MEMORY, c);
                ctx.checkReserved(s);
                return MEMORY_RECORD.read(s);
            }
            default -> {
                ctx.warning(c.offset(), "%s: unknown secure access component type %d skipped", c.path(), c.type());
                return new SdevTable.OtherComponent(c.type(), flags, c.length());
            }
        }
    }

    private static SdevTable.PcieEndpoint pcie(DecodeContext ctx, Subtable sub, int flags) {
        Struct s = ctx.read(PCIE, sub);
        int rel = s.intValue("pathOffset");
        int length = s.intValue("pathLength");
        List<SdevTable.PathEntry> path = new ArrayList<>();
        if (s.has("pathLength")) {
            if (length == 0 || length % 2 != 0) {
                ctx.error(
                        s.offsetOf("pathLength"),
                        "%s: path length %d is not a positive multiple of 2",
                        sub.path(),
                        length);
            }
            if (TableChecks.inside(ctx, sub, rel, length, s.offsetOf("pathOffset"), "PCIe path")) {
                if (rel < PCIE.size() && length > 0) {
                    ctx.warning(
                            s.offsetOf("pathOffset"),
                            "%s: PCIe path at offset 0x%X overlaps the fixed fields",
                            sub.path(),
                            rel);
                }
                long[] bytes = ctx.array(sub.offset() + rel, length / 2 * 2, 1, sub.path() + ".path");
                for (int i = 0; i + 1 < bytes.length; i += 2) {
                    path.add(new SdevTable.PathEntry((int) bytes[i], (int) bytes[i + 1]));
                }
            }
        }
        int vendorLength = s.intValue("vendorDataLength");
        TableChecks.inside(
                ctx, sub, s.intValue("vendorDataOffset"), vendorLength, s.offsetOf("vendorDataOffset"), "vendor data");
        return PCIE_RECORD.read(s, flags, path);
    }

    /** A string referenced by an offset/length pair relative to the structure, checked to lie inside it. */
    private static String string(
            DecodeContext ctx, Subtable sub, Struct s, String offsetField, String lengthField, String what) {
        if (!s.has(lengthField)) {
            return "";
        }
        int rel = s.intValue(offsetField);
        int length = s.intValue(lengthField);
        if (length == 0 || !TableChecks.inside(ctx, sub, rel, length, s.offsetOf(offsetField), what)) {
            return "";
        }
        if (rel < s.layout().size()) {
            ctx.warning(
                    s.offsetOf(offsetField),
                    "%s: %s at offset 0x%X overlaps the %d bytes of fixed fields",
                    sub.path(),
                    what,
                    rel,
                    s.layout().size());
        }
        return ctx.nulTerminated(sub.offset() + rel, sub.offset() + rel + length);
    }
}
