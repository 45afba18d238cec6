package io.github.xenacpi.platform;

import java.util.Objects;

/** Where each of a descriptor's Xen version, Linux version and SMMU mode came from. */
public record SettingSources(SettingSource xen, SettingSource linux, SettingSource smmu) {

    /** All three from the defaults. */
    public static final SettingSources DEFAULTS = of(SettingSource.DEFAULT);

    /** All three stated in a descriptor. */
    public static final SettingSources DESCRIPTOR = of(SettingSource.DESCRIPTOR);

    public SettingSources {
        Objects.requireNonNull(xen, "xen");
        Objects.requireNonNull(linux, "linux");
        Objects.requireNonNull(smmu, "smmu");
    }

    /** The same source for all three. */
    public static SettingSources of(SettingSource source) {
        return new SettingSources(source, source, source);
    }
}
