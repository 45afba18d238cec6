package io.github.xenacpi.acpi;

/**
 * The checked failure of the ACPI input layer: an input that cannot be read at all (missing path, unreadable
 * file, no ACPI table anywhere in it). Problems inside tables are never thrown; they become {@link Diagnostic}s.
 */
public class AcpiException extends Exception {
    private static final long serialVersionUID = 1L;

    public AcpiException(String message) {
        super(message);
    }

    public AcpiException(String message, Throwable cause) {
        super(message, cause);
    }
}
