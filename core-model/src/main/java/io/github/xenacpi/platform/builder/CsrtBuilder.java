package io.github.xenacpi.platform.builder;

import io.github.xenacpi.acpi.table.CsrtTable;
import io.github.xenacpi.acpi.table.decoder.CsrtDecoder;
import java.util.ArrayList;
import java.util.List;

/** Writes a CSRT: resource groups with shared information bytes and resource descriptors with vendor data. */
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

        /** Adds a resource descriptor of this type, subtype and UID with vendor-defined data. */
        public Group descriptor(int type, int subtype, long uid, byte[] data) {
            descriptors.add(new CsrtTable.ResourceDescriptor(
                    0, CsrtDecoder.DESCRIPTOR.size() + data.length, type, subtype, uid, new CsrtTable.Bytes(data)));
            return this;
        }

        private void write(TableWriter w) {
            byte[] sharedInfo = group.sharedInfo().value();
            int length = CsrtDecoder.GROUP.size() + sharedInfo.length;
            for (CsrtTable.ResourceDescriptor d : descriptors) {
                length += d.length();
            }
            w.struct(CsrtDecoder.GROUP)
                    .set("length", length)
                    .set(CsrtDecoder.GROUP_RECORD, group)
                    .set("sharedInfoLength", sharedInfo.length)
                    .write();
            w.bytes(sharedInfo);
            for (CsrtTable.ResourceDescriptor d : descriptors) {
                w.struct(CsrtDecoder.DESCRIPTOR)
                        .set("length", d.length())
                        .set(CsrtDecoder.DESCRIPTOR_RECORD, d)
                        .write();
                w.bytes(d.data().value());
            }
        }
    }
}
