package io.github.xenacpi.aml;

import java.util.Objects;

/** Where a namespace object was defined: the table's signature and instance, and the opcode's byte offset. */
public record AmlSource(String table, int instance, long offset) {

    public AmlSource {
        Objects.requireNonNull(table, "table");
    }

    @Override
    public String toString() {
        return (instance > 1 ? table + "#" + instance : table) + String.format("@0x%X", offset);
    }
}
