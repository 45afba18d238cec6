package io.github.xenacpi.aml.resource;

import java.util.Objects;

/**
 * The device a descriptor's resource comes from: the Resource Source Index byte and the Resource Source name
 * (a namespace path, empty when the descriptor carries the index only).
 */
public record ResourceSource(int index, String name) {

    public ResourceSource {
        Objects.requireNonNull(name, "name");
    }
}
