package io.github.xenacpi.platform.builder;

import io.github.xenacpi.acpi.table.SdevTable;
import io.github.xenacpi.acpi.table.decoder.SdevDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Writes an SDEV: namespace devices (with secure access components when given) and PCIe endpoints, their
 * strings, paths and vendor data placed right after each structure's fixed fields.
 */
public final class SdevBuilder implements TableBuilder {
    private final TableWriter body = TableWriter.headerless();

    /** Adds a namespace device; components set flags bit 1 and are written after the vendor data. */
    public SdevBuilder namespaceDevice(
            int flags, String deviceId, byte[] vendorData, List<SdevTable.Component> components) {
        boolean withComponents = !components.isEmpty();
        int fixed = (withComponents ? SdevDecoder.NAMESPACE_COMPONENTS : SdevDecoder.NAMESPACE).size();
        byte[] id = nul(deviceId);
        byte[] comps = components(components);
        int length = fixed + id.length + vendorData.length + comps.length;
        TableWriter.StructWriter s = body.struct(
                        withComponents ? SdevDecoder.NAMESPACE_COMPONENTS : SdevDecoder.NAMESPACE)
                .set("type", SdevDecoder.NAMESPACE_DEVICE)
                .set("flags", withComponents ? flags | 2 : flags & ~2)
                .set("length", length)
                .set("deviceIdOffset", fixed)
                .set("deviceIdLength", id.length)
                .set("vendorDataOffset", vendorData.length == 0 ? 0 : fixed + id.length)
                .set("vendorDataLength", vendorData.length);
        if (withComponents) {
            s.set("componentsOffset", fixed + id.length + vendorData.length).set("componentsLength", comps.length);
        }
        s.write().bytes(id).bytes(vendorData).bytes(comps);
        return this;
    }

    /** Adds a PCIe endpoint with its device/function path below the start bus. */
    public SdevBuilder pcieEndpoint(
            int flags, int segment, int startBus, List<SdevTable.PathEntry> path, byte[] vendorData) {
        int fixed = SdevDecoder.PCIE.size();
        int pathLength = path.size() * 2;
        body.struct(SdevDecoder.PCIE)
                .set("type", SdevDecoder.PCIE_ENDPOINT)
                .set("flags", flags)
                .set("length", fixed + pathLength + vendorData.length)
                .set("segment", segment)
                .set("startBus", startBus)
                .set("pathOffset", fixed)
                .set("pathLength", pathLength)
                .set("vendorDataOffset", vendorData.length == 0 ? 0 : fixed + pathLength)
                .set("vendorDataLength", vendorData.length)
                .write();
        for (SdevTable.PathEntry e : path) {
            body.u8(e.device()).u8(e.function());
        }
        body.bytes(vendorData);
        return this;
    }

    @Override
    public String signature() {
        return "SDEV";
    }

    @Override
    public byte[] build(OemIdentity oem) {
        return TableWriter.withHeader("SDEV", 1, oem).bytes(body.toBytes()).finish();
    }

    private static byte[] components(List<SdevTable.Component> components) {
        TableWriter w = TableWriter.headerless();
        for (SdevTable.Component c : components) {
            if (c instanceof SdevTable.IdComponent id) {
                int fixed = SdevDecoder.ID.size();
                byte[] hid = nul(id.hardwareId());
                byte[] sid = id.subsystemId().isEmpty() ? new byte[0] : nul(id.subsystemId());
                w.struct(SdevDecoder.ID)
                        .set("type", SdevDecoder.ID_COMPONENT)
                        .set("length", fixed + hid.length + sid.length)
                        .set("hardwareIdOffset", fixed)
                        .set("hardwareIdLength", hid.length)
                        .set("subsystemIdOffset", sid.length == 0 ? 0 : fixed + hid.length)
                        .set("subsystemIdLength", sid.length)
                        .set(SdevDecoder.ID_RECORD, id)
                        .write()
                        .bytes(hid)
                        .bytes(sid);
            } else if (c instanceof SdevTable.MemoryComponent m) {
                w.struct(SdevDecoder.MEMORY)
                        .set("type", SdevDecoder.MEMORY_COMPONENT)
                        .set("length", SdevDecoder.MEMORY.size())
                        .set(SdevDecoder.MEMORY_RECORD, m)
                        .write();
            } else if (c instanceof SdevTable.OtherComponent o) {
                w.struct(SdevDecoder.HEADER)
                        .set("type", o.type())
                        .set("flags", o.flags())
                        .set("length", Math.max(o.length(), SdevDecoder.HEADER.size()))
                        .write()
                        .zeros(Math.max(0, o.length() - SdevDecoder.HEADER.size()));
            }
        }
        return w.toBytes();
    }

    private static byte[] nul(String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        return Arrays.copyOf(b, b.length + 1);
    }
}
