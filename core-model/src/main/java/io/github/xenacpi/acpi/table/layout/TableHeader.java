package io.github.xenacpi.acpi.table.layout;

/**
 * The 36-byte System Description Table Header every ACPI table but RSDP and FACS starts with (ACPI 6.5
 * section 5.2.6). For RSDP and FACS the decoder fills in what those structures carry and leaves the rest
 * empty.
 */
public record TableHeader(
        String signature,
        long length,
        int revision,
        int checksum,
        String oemId,
        String oemTableId,
        long oemRevision,
        String creatorId,
        long creatorRevision) {

    /** Size of the standard header. */
    public static final int SIZE = 36;

    /** The standard header's layout. */
    public static final Layout LAYOUT = Layout.of("header")
            .ascii("signature", 4)
            .u32("length")
            .u8("revision")
            .u8("checksum")
            .ascii("oemId", 6)
            .ascii("oemTableId", 8)
            .u32("oemRevision")
            .ascii("creatorId", 4)
            .u32("creatorRevision")
            .build();

    /** The header as a structure read through {@link #LAYOUT}. */
    public static TableHeader of(Struct s) {
        return new TableHeader(
                s.text("signature"),
                s.value("length"),
                s.intValue("revision"),
                s.intValue("checksum"),
                s.text("oemId"),
                s.text("oemTableId"),
                s.value("oemRevision"),
                s.text("creatorId"),
                s.value("creatorRevision"));
    }
}
