package io.github.xenacpi.aml.resource;

import io.github.xenacpi.acpi.Diagnostic;
import java.util.List;
import java.util.Objects;

/**
 * A decoded resource template (the bytes of a _CRS, _PRS or _SRS buffer, ACPI 6.5 section 6.4): its items in
 * order, End Tag included, with their byte offsets, and the problems found. Built by {@link #decode}, which
 * never throws and never reads past the buffer.
 */
public record ResourceTemplate(
        String ownerPath, List<Entry> entries, boolean endTagFound, List<Diagnostic> diagnostics) {

    public ResourceTemplate {
        Objects.requireNonNull(ownerPath, "ownerPath");
        entries = List.copyOf(entries);
        diagnostics = List.copyOf(diagnostics);
    }

    /** One item of the template: where it starts in the buffer, its length in bytes and what it says. */
    public record Entry(int offset, int length, Resource resource) {
        public Entry {
            Objects.requireNonNull(resource, "resource");
        }
    }

    /**
     * Decodes a buffer; {@code ownerPath} (like {@code \_SB.UAR0._CRS}) names the buffer in diagnostics, whose
     * offsets are byte offsets within the buffer.
     */
    public static ResourceTemplate decode(byte[] buffer, String ownerPath) {
        return ResourceTemplateDecoder.decode(buffer, ownerPath);
    }

    /** The items in order. */
    public List<Resource> resources() {
        return entries.stream().map(Entry::resource).toList();
    }

    /** Every memory range the template describes, in item order. */
    public List<MemoryResource> memoryRanges() {
        return entries.stream()
                .flatMap(e -> e.resource().memoryRanges().stream())
                .toList();
    }

    /** The items of one descriptor type, in order. */
    public <T extends Resource> List<T> resourcesOf(Class<T> type) {
        return entries.stream()
                .map(Entry::resource)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }
}
