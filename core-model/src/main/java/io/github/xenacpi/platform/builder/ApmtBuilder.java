package io.github.xenacpi.platform.builder;

import io.github.xenacpi.acpi.table.ApmtTable;
import io.github.xenacpi.acpi.table.decoder.ApmtDecoder;
import java.util.ArrayList;
import java.util.List;

/** Writes an APMT from PMU node records. */
public final class ApmtBuilder implements TableBuilder {
    private final List<ApmtTable.Node> nodes = new ArrayList<>();

    public ApmtBuilder add(ApmtTable.Node node) {
        nodes.add(node);
        return this;
    }

    @Override
    public String signature() {
        return "APMT";
    }

    @Override
    public byte[] build(OemIdentity oem) {
        TableWriter w = TableWriter.withHeader("APMT", 0, oem);
        for (ApmtTable.Node n : nodes) {
            w.struct(ApmtDecoder.NODE)
                    .set("length", ApmtDecoder.NODE.size())
                    .set(ApmtDecoder.NODE_RECORD, n)
                    .write();
        }
        return w.finish();
    }
}
