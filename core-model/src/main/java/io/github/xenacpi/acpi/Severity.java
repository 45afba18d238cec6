package io.github.xenacpi.acpi;

/** How serious a problem found in firmware is: errors break something, warnings may, notes inform. */
public enum Severity {
    ERROR,
    WARNING,
    INFO;

    /** The lower-case word used in reports and JSON. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
