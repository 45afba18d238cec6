package io.github.xenacpi.platform.builder;

import io.github.xenacpi.acpi.table.PpttTable;
import io.github.xenacpi.acpi.table.decoder.PpttDecoder;
import io.github.xenacpi.acpi.table.layout.Layout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a PPTT: processor hierarchy nodes, caches and ID structures in the order added. Parents, private
 * resources and next-level caches name other structures of this builder and become table offsets.
 */
public final class PpttBuilder implements TableBuilder {
    private final List<Structure> structures = new ArrayList<>();
    private int revision = 3;

    public PpttBuilder revision(int value) {
        this.revision = value;
        return this;
    }

    /** A processor hierarchy node under {@code parent} (null at the root) with these private resources. */
    public Structure processor(long flags, Structure parent, long acpiProcessorId, Structure... privateResources) {
        Structure s = add(PpttTable.PROCESSOR, PpttDecoder.PROCESSOR)
                .set("flags", flags)
                .set("acpiProcessorId", acpiProcessorId)
                .set("privateResourceCount", privateResources.length);
        s.links.put("parent", parent);
        s.resources.addAll(Arrays.asList(privateResources));
        return s;
    }

    /** A cache structure whose next level is {@code next} (null for none). */
    public Structure cache(long flags, long size, Structure next) {
        Structure s =
                add(PpttTable.CACHE, PpttDecoder.CACHE).set("flags", flags).set("size", size);
        s.links.put("nextLevelOfCache", next);
        return s;
    }

    /** An ID structure. */
    public Structure id(long vendorId) {
        return add(PpttTable.ID, PpttDecoder.ID).set("vendorId", vendorId);
    }

    private Structure add(int type, Layout layout) {
        Structure s = new Structure(type, layout);
        structures.add(s);
        return s;
    }

    /** The table offset at which a structure will be written. */
    public int offsetOf(Structure structure) {
        int at = 36;
        for (Structure s : structures) {
            if (s == structure) {
                return at;
            }
            at += s.length();
        }
        throw new IllegalArgumentException("structure not in this builder");
    }

    @Override
    public String signature() {
        return "PPTT";
    }

    @Override
    public byte[] build(OemIdentity oem) {
        TableWriter w = TableWriter.withHeader("PPTT", revision, oem);
        for (Structure s : structures) {
            s.write(w);
        }
        return w.finish();
    }

    /** One structure being built. */
    public final class Structure {
        private final int type;
        private final Layout layout;
        private final Map<String, Long> values = new HashMap<>();
        private final Map<String, Structure> links = new HashMap<>();
        private final List<Structure> resources = new ArrayList<>();

        private Structure(int type, Layout layout) {
            this.type = type;
            this.layout = layout;
        }

        /** Sets a field of the structure's layout. */
        public Structure set(String field, long value) {
            layout.field(field);
            values.put(field, value);
            return this;
        }

        /** Makes {@code field} (parent or nextLevelOfCache) refer to another structure. */
        public Structure link(String field, Structure target) {
            layout.field(field);
            links.put(field, target);
            return this;
        }

        /** Fixed bytes: caches of tables before revision 3 end before the cache ID. */
        private int fixedSize() {
            return type == PpttTable.CACHE && revision < 3 ? PpttDecoder.CACHE_V1_SIZE : layout.size();
        }

        private int length() {
            return fixedSize() + resources.size() * 4;
        }

        private void write(TableWriter w) {
            TableWriter scratch = TableWriter.headerless();
            TableWriter.StructWriter s = scratch.struct(layout);
            values.forEach(s::set);
            links.forEach((field, target) -> s.set(field, target == null ? 0 : offsetOf(target)));
            s.set("type", type).set("length", length()).write();
            w.bytes(Arrays.copyOf(scratch.toBytes(), fixedSize()));
            for (Structure r : resources) {
                w.u32(offsetOf(r));
            }
        }
    }
}
