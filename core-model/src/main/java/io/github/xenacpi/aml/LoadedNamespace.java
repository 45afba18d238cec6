package io.github.xenacpi.aml;

import io.github.xenacpi.acpi.Diagnostic;
import java.util.List;
import java.util.Objects;

/**
 * The result of loading definition blocks: the namespace, every problem found, and how many passes the load took
 * (2 when a forward reference to a method with arguments made the loader parse the tables again).
 */
public record LoadedNamespace(Namespace namespace, List<Diagnostic> diagnostics, int passes) {

    public LoadedNamespace {
        Objects.requireNonNull(namespace, "namespace");
        diagnostics = List.copyOf(diagnostics);
    }
}
