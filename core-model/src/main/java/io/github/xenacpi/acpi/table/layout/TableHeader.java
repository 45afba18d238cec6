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

    /** The same header with another signature. */
    TableHeader withSignature(String newSignature) {
        return new Builder(this).signature(newSignature).build();
    }

    /**
     * A builder whose strings start empty and whose numbers start at 0, as the header the decoder fills in for a
     * structure that carries none of those fields.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link TableHeader} field by field, each setter named after its component. */
    public static final class Builder {
        private String signature = "";
        private long length;
        private int revision;
        private int checksum;
        private String oemId = "";
        private String oemTableId = "";
        private long oemRevision;
        private String creatorId = "";
        private long creatorRevision;

        private Builder() {}

        private Builder(TableHeader from) {
            signature = from.signature;
            length = from.length;
            revision = from.revision;
            checksum = from.checksum;
            oemId = from.oemId;
            oemTableId = from.oemTableId;
            oemRevision = from.oemRevision;
            creatorId = from.creatorId;
            creatorRevision = from.creatorRevision;
        }

        public Builder signature(String value) {
            signature = value;
            return this;
        }

        public Builder length(long value) {
            length = value;
            return this;
        }

        public Builder revision(int value) {
            revision = value;
            return this;
        }

        public Builder checksum(int value) {
            checksum = value;
            return this;
        }

        public Builder oemId(String value) {
            oemId = value;
            return this;
        }

        public Builder oemTableId(String value) {
            oemTableId = value;
            return this;
        }

        public Builder oemRevision(long value) {
            oemRevision = value;
            return this;
        }

        public Builder creatorId(String value) {
            creatorId = value;
            return this;
        }

        public Builder creatorRevision(long value) {
            creatorRevision = value;
            return this;
        }

        /** The TableHeader set so far. */
        public TableHeader build() {
            return new TableHeader(
                    signature, length, revision, checksum, oemId, oemTableId, oemRevision, creatorId, creatorRevision);
        }
    }
}
