package io.github.xenacpi.platform.builder;

import io.github.xenacpi.acpi.table.CsrtTable;
import io.github.xenacpi.acpi.table.decoder.CsrtDecoder;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a CSRT: resource groups with shared information bytes and resource descriptors with vendor data, one after
 * another. A group or descriptor record's offset of 0 means wherever it lands, and any other offset must be that
 * place (the builder cannot leave a gap the decoder's walk would step over); a length of 0 is derived from what the
 * structure holds, any other is written as the record says.
 */
public final class CsrtBuilder implements TableBuilder {
    private final List<Group> groups = new ArrayList<>();
    private int revision = 1;

    public CsrtBuilder revision(int value) {
        this.revision = value;
        return this;
    }

    /** Adds a resource group; add its descriptors with {@link Group#descriptor}. */
    public Group group(
            long vendorId, long subvendorId, int deviceId, int subdeviceId, int groupRevision, byte[] sharedInfo) {
        Group g = new Group(CsrtTable.ResourceGroup.builder()
                .vendorId(vendorId)
                .subvendorId(subvendorId)
                .deviceId(deviceId)
                .subdeviceId(subdeviceId)
                .revision(groupRevision)
                .sharedInfo(new CsrtTable.Bytes(sharedInfo))
                .build());
        groups.add(g);
        return g;
    }

    /** Adds a resource group as its record says, its descriptors included; add more with {@link Group#descriptor}. */
    public Group group(CsrtTable.ResourceGroup record) {
        Group g = new Group(record);
        g.descriptors.addAll(record.descriptors());
        groups.add(g);
        return g;
    }

    @Override
    public String signature() {
        return "CSRT";
    }

    @Override
    public byte[] build(OemIdentity oem) {
        TableWriter w = TableWriter.withHeader("CSRT", revision, oem);
        for (Group g : groups) {
            g.write(w);
        }
        return w.finish();
    }

    /** One resource group being built. */
    public static final class Group {
        private final CsrtTable.ResourceGroup group;
        private final List<CsrtTable.ResourceDescriptor> descriptors = new ArrayList<>();

        private Group(CsrtTable.ResourceGroup group) {
            this.group = group;
        }

        /** Adds a resource descriptor of this type, subtype and UID with vendor-defined data, wherever it lands. */
        public Group descriptor(int type, int subtype, long uid, byte[] data) {
            return descriptor(new CsrtTable.ResourceDescriptor(0, 0, type, subtype, uid, new CsrtTable.Bytes(data)));
        }

        /** Adds a resource descriptor as its record says. */
        public Group descriptor(CsrtTable.ResourceDescriptor record) {
            descriptors.add(record);
            return this;
        }

        private void write(TableWriter w) {
            place(w, group.offset(), "resource group");
            byte[] sharedInfo = group.sharedInfo().value();
            int length = CsrtDecoder.GROUP.size() + sharedInfo.length;
            for (CsrtTable.ResourceDescriptor d : descriptors) {
                length += size(d);
            }
            w.struct(CsrtDecoder.GROUP)
                    .set("length", group.length() != 0 ? group.length() : length)
                    .set(CsrtDecoder.GROUP_RECORD, group)
                    .set("sharedInfoLength", sharedInfo.length)
                    .write();
            w.bytes(sharedInfo);
            for (CsrtTable.ResourceDescriptor d : descriptors) {
                place(w, d.offset(), "resource descriptor");
                w.struct(CsrtDecoder.DESCRIPTOR)
                        .set("length", d.length() != 0 ? d.length() : size(d))
                        .set(CsrtDecoder.DESCRIPTOR_RECORD, d)
                        .write();
                w.bytes(d.data().value());
            }
        }

        /** The bytes a descriptor takes: its header and its data. */
        private static int size(CsrtTable.ResourceDescriptor d) {
            return CsrtDecoder.DESCRIPTOR.size() + d.data().size();
        }

        private static void place(TableWriter w, int offset, String what) {
            if (offset != 0 && offset != w.position()) {
                throw new IllegalArgumentException(String.format(
                        "the %s's record says offset %d, but it lands at %d", what, offset, w.position()));
            }
        }
    }
}
