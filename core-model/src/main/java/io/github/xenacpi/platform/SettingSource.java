package io.github.xenacpi.platform;

import java.util.Locale;

/**
 * Where a platform's Xen version, Linux version or SMMU mode came from, so that every report says what a verdict
 * was simulated with and why: the platform's {@code xenacpi.json}, a build property or parameter, a preset, or
 * the default of a bare dump (the newest modelled release).
 */
public enum SettingSource {
    /** The platform's descriptor, {@code xenacpi.json}. */
    DESCRIPTOR,
    /** A build property or parameter that overrides every platform's descriptor. */
    PROPERTY,
    /** A preset's own descriptor. */
    PRESET,
    /** Nothing set it: the default of a bare dump. */
    DEFAULT;

    /** The report spelling, such as {@code descriptor}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
