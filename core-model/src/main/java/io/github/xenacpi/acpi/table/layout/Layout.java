package io.github.xenacpi.acpi.table.layout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The declared shape of one fixed structure of a table (a header, a sub-table, an entry): its fields in order
 * with their offsets. Decoders read structures through a layout and the table builder writes them through the
 * same one, so each structure's shape is written down once, the way ACPICA keeps one field table per table.
 */
public final class Layout {
    /** Bytes of a Generic Address Structure field (ACPI 6.5 section 5.2.3.2). */
    public static final int GAS_SIZE = 12;

    private final String name;
    private final List<Field> fields;
    private final Map<String, Field> byName;
    private final int size;

    private Layout(String name, List<Field> fields, int size) {
        this.name = name;
        this.fields = List.copyOf(fields);
        Map<String, Field> map = new HashMap<>();
        for (Field f : fields) {
            if (f.type() != FieldType.RESERVED && map.put(f.name(), f) != null) {
                throw new IllegalArgumentException("duplicate field " + f.name() + " in layout " + name);
            }
        }
        this.byName = Map.copyOf(map);
        this.size = size;
    }

    /** Starts a layout; fields are appended in order from offset 0. */
    public static Builder of(String name) {
        return new Builder(name);
    }

    public String name() {
        return name;
    }

    public List<Field> fields() {
        return fields;
    }

    /** The structure's size in bytes: the end of its last field. */
    public int size() {
        return size;
    }

    /** The field of that name. */
    public Field field(String fieldName) {
        Field f = byName.get(fieldName);
        if (f == null) {
            throw new IllegalArgumentException("layout " + name + " has no field " + fieldName);
        }
        return f;
    }

    /** Whether the layout declares a field of that name. */
    public boolean hasField(String fieldName) {
        return byName.containsKey(fieldName);
    }

    /** A new layout made of this one's fields followed by more (for revisions that append fields). */
    public Builder extend(String newName) {
        Builder b = new Builder(newName);
        b.fields.addAll(fields);
        b.offset = size;
        return b;
    }

    @Override
    public String toString() {
        return name + "(" + size + " bytes)";
    }

    /** Appends fields one after another. */
    public static final class Builder {
        private final String name;
        private final List<Field> fields = new ArrayList<>();
        private int offset;

        private Builder(String name) {
            this.name = name;
        }

        private Builder add(String fieldName, int length, FieldType type) {
            fields.add(new Field(fieldName, offset, length, type));
            offset += length;
            return this;
        }

        public Builder u8(String fieldName) {
            return add(fieldName, 1, FieldType.UINT);
        }

        public Builder u16(String fieldName) {
            return add(fieldName, 2, FieldType.UINT);
        }

        public Builder u32(String fieldName) {
            return add(fieldName, 4, FieldType.UINT);
        }

        public Builder u64(String fieldName) {
            return add(fieldName, 8, FieldType.UINT);
        }

        public Builder ascii(String fieldName, int length) {
            return add(fieldName, length, FieldType.ASCII);
        }

        public Builder gas(String fieldName) {
            return add(fieldName, GAS_SIZE, FieldType.GAS);
        }

        public Builder bytes(String fieldName, int length) {
            return add(fieldName, length, FieldType.BYTES);
        }

        public Builder reserved(int length) {
            return add("reserved@" + offset, length, FieldType.RESERVED);
        }

        /** Continues at an absolute offset (for structures with holes). */
        public Builder at(int newOffset) {
            if (newOffset < offset) {
                throw new IllegalArgumentException("offset " + newOffset + " goes backwards in " + name);
            }
            offset = newOffset;
            return this;
        }

        public Layout build() {
            return new Layout(name, fields, offset);
        }
    }
}
