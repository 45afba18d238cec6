package io.github.xenacpi.platform.builder;

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
        Group g =
                new Group(new long[] {vendorId, subvendorId, deviceId, subdeviceId, groupRevision}, sharedInfo.clone());
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
        private final long[] ids;
        private final byte[] sharedInfo;
        private final List<Object[]> descriptors = new ArrayList<>();

        private Group(long[] ids, byte[] sharedInfo) {
            this.ids = ids;
            this.sharedInfo = sharedInfo;
        }

        /** Adds a resource descriptor of this type, subtype and UID with vendor-defined data. */
        public Group descriptor(int type, int subtype, long uid, byte[] data) {
            descriptors.add(new Object[] {type, subtype, uid, data.clone()});
            return this;
        }

        private void write(TableWriter w) {
            int length = CsrtDecoder.GROUP.size() + sharedInfo.length;
            for (Object[] d : descriptors) {
                length += CsrtDecoder.DESCRIPTOR.size() + ((byte[]) d[3]).length;
            }
            w.struct(CsrtDecoder.GROUP)
                    .set("length", length)
                    .set("vendorId", ids[0])
                    .set("subvendorId", ids[1])
                    .set("deviceId", ids[2])
                    .set("subdeviceId", ids[3])
                    .set("revision", ids[4])
                    .set("sharedInfoLength", sharedInfo.length)
                    .write();
            w.bytes(sharedInfo);
            for (Object[] d : descriptors) {
                byte[] data = (byte[]) d[3];
                w.struct(CsrtDecoder.DESCRIPTOR)
                        .set("length", CsrtDecoder.DESCRIPTOR.size() + data.length)
                        .set("type", (Integer) d[0])
                        .set("subtype", (Integer) d[1])
                        .set("uid", (Long) d[2])
                        .write();
                w.bytes(data);
            }
        }
    }
}
