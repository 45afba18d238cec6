package io.github.xenacpi.acpi.table;

import io.github.xenacpi.acpi.table.layout.TableHeader;

/**
 * The Boot Graphics Resource Table (ACPI 6.5 section 5.2.23): where firmware left the boot logo bitmap and where
 * it was drawn on the screen.
 */
public record BgrtTable(
        TableHeader header,
        int version,
        int status,
        int imageType,
        long imageAddress,
        long imageOffsetX,
        long imageOffsetY)
        implements AcpiTable {

    /** Whether status bit 0 says the image is still displayed. */
    public boolean displayed() {
        return (status & 1) != 0;
    }

    /** The orientation offset of status bits 1-2 (ACPI 6.2): 0, 90, 180 or 270 degrees. */
    public int orientationDegrees() {
        return ((status >> 1) & 3) * 90;
    }
}
