package io.github.xenacpi.platform.builder;

import java.util.Objects;

/** The OEM and creator fields written into every table header a builder makes. */
public record OemIdentity(String oemId, String oemTableId, long oemRevision, String creatorId, long creatorRevision) {

    /** The identity of tables this project writes when a test does not care. */
    public static final OemIdentity DEFAULT = new OemIdentity("XENACP", "XENACPI ", 1, "XACP", 1);

    public OemIdentity {
        Objects.requireNonNull(oemId, "oemId");
        Objects.requireNonNull(oemTableId, "oemTableId");
        Objects.requireNonNull(creatorId, "creatorId");
        if (oemId.length() > 6 || oemTableId.length() > 8 || creatorId.length() > 4) {
            throw new IllegalArgumentException("OEM ID is at most 6, OEM table ID 8, creator ID 4 characters");
        }
    }
}
