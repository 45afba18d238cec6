package io.github.xenacpi.acpi.source;

import io.github.xenacpi.acpi.AcpiException;
import java.nio.file.Path;

/**
 * Opens a path holding ACPI tables, whatever its form: an acpidump text file, a folder of binary tables
 * (acpixtract output, a copy of /sys/firmware/acpi/tables), or one binary table. The format is detected from
 * the content, never configured.
 */
public final class FirmwareSource {

    private FirmwareSource() {
    }

    /**
     * Reads every table the path holds, in input order.
     *
     * @throws AcpiException when the path cannot be read or holds no ACPI table at all
     */
    public static FirmwareImage open(Path path) throws AcpiException {
        throw new AcpiException("not yet readable: " + path);
    }
}
