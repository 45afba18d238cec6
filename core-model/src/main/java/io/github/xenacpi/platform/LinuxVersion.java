package io.github.xenacpi.platform;

import java.util.Comparator;
import java.util.List;

/**
 * A Dom0 Linux release, with what differs between releases in how it reaches device memory (fact sheet
 * xen-linux.md sections 2.4 and 4). Each capability names the change that brought it.
 */
public record LinuxVersion(int major, int minor) implements Comparable<LinuxVersion> {

    /** The kernel of the problem statement. */
    public static final LinuxVersion V4_10 = new LinuxVersion(4, 10);
    /** A long-term kernel of today. */
    public static final LinuxVersion V6_6 = new LinuxVersion(6, 6);
    /** GTDT memory-mapped timers become platform devices. */
    public static final LinuxVersion V6_18 = new LinuxVersion(6, 18);

    /** The profiles reports offer by default. */
    public static final List<LinuxVersion> PROFILES = List.of(V4_10, V6_6);

    private static final Comparator<LinuxVersion> ORDER =
            Comparator.comparingInt(LinuxVersion::major).thenComparingInt(LinuxVersion::minor);

    /** Parses {@code 6.6} (a trailing {@code .N} is accepted and ignored). */
    public static LinuxVersion parse(String text) {
        String[] parts = text.trim().split("\\.");
        try {
            if (parts.length >= 2) {
                return new LinuxVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a Linux version looks like 6.6, not \"" + text + "\"", e);
        }
        throw new IllegalArgumentException("a Linux version looks like 6.6, not \"" + text + "\"");
    }

    public boolean atLeast(LinuxVersion other) {
        return compareTo(other) >= 0;
    }

    /**
     * From 6.18 {@code gtdt_platform_timer_init} registers "gtdt-arm-mmio-timer" devices (platform data only)
     * and the driver maps the frames at probe; before, {@code arch_timer_mem_acpi_init} maps and reads them in
     * {@code time_init}, before any initcall.
     */
    public boolean gtdtTimersArePlatformDevices() {
        return atLeast(V6_18);
    }

    /** {@code apmt_add_platform_device} (CoreSight PMU devices from APMT) exists from 6.2. */
    public boolean readsApmt() {
        return atLeast(new LinuxVersion(6, 2));
    }

    @Override
    public int compareTo(LinuxVersion o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }

    /**
     * The newest release the model knows: the greatest of the {@code public static final} LinuxVersion constants
     * declared above, so that a release added as a constant becomes the default of a bare dump. Declared last so
     * that every constant is set when it is computed.
     */
    public static final LinuxVersion NEWEST = newest();

    private static LinuxVersion newest() {
        LinuxVersion best = null;
        for (java.lang.reflect.Field f : LinuxVersion.class.getDeclaredFields()) {
            int m = f.getModifiers();
            if (f.getType() == LinuxVersion.class && java.lang.reflect.Modifier.isPublic(m)
                    && java.lang.reflect.Modifier.isStatic(m) && java.lang.reflect.Modifier.isFinal(m)
                    && !f.getName().equals("NEWEST")) {
                try {
                    LinuxVersion v = (LinuxVersion) f.get(null);
                    if (v != null && (best == null || v.compareTo(best) > 0)) {
                        best = v;
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read " + f.getName(), e);
                }
            }
        }
        if (best == null) {
            throw new IllegalStateException("no LinuxVersion constant is declared");
        }
        return best;
    }
}
