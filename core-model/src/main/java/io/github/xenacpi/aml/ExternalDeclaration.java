package io.github.xenacpi.aml;

import java.util.Objects;

/**
 * An External (name, type, argument count) declaration: no object, only what another table is expected to define.
 * The loader uses method argument counts from it to parse calls of methods defined elsewhere. The path is absolute
 * with 4-character segments ({@code \_SB_.EXT1}).
 */
public record ExternalDeclaration(String path, ObjectType type, int argCount, AmlSource source) {

    public ExternalDeclaration {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
    }
}
