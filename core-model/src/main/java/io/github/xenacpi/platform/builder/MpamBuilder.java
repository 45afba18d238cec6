package io.github.xenacpi.platform.builder;

import io.github.xenacpi.acpi.table.MpamTable;
import io.github.xenacpi.acpi.table.decoder.MpamDecoder;
import java.util.ArrayList;
import java.util.List;

/** Writes an MPAM from MSC records, each followed by its resource nodes and their functional dependencies. */
public final class MpamBuilder implements TableBuilder {
    private final List<MpamTable.Msc> mscs = new ArrayList<>();
    private int revision = 1;

    public MpamBuilder add(MpamTable.Msc msc) {
        mscs.add(msc);
        return this;
    }

    public MpamBuilder revision(int value) {
        this.revision = value;
        return this;
    }

    @Override
    public String signature() {
        return "MPAM";
    }

    @Override
    public byte[] build(OemIdentity oem) {
        TableWriter w = TableWriter.withHeader("MPAM", revision, oem);
        for (MpamTable.Msc m : mscs) {
            int length = MpamDecoder.MSC.size();
            for (MpamTable.Resource r : m.resources()) {
                length += MpamDecoder.RESOURCE.size()
                        + MpamDecoder.DEPENDENCY.size()
                                * r.functionalDependencies().size();
            }
            w.struct(MpamDecoder.MSC)
                    .set("length", length)
                    .set(MpamDecoder.MSC_RECORD, m)
                    .set("resourceCount", m.resources().size())
                    .write();
            for (MpamTable.Resource r : m.resources()) {
                w.struct(MpamDecoder.RESOURCE)
                        .set(MpamDecoder.RESOURCE_RECORD, r)
                        .set("dependencyCount", r.functionalDependencies().size())
                        .write();
                for (long producer : r.functionalDependencies()) {
                    w.struct(MpamDecoder.DEPENDENCY).set("producer", producer).write();
                }
            }
        }
        return w.finish();
    }
}
