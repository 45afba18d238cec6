package io.github.xenacpi.platform;

import java.util.Comparator;
import java.util.List;

/**
 * A Xen release, with what differs between releases for an ACPI hardware domain on arm64 (fact sheet
 * xen-linux.md section 4). Each capability names the change that brought it.
 */
public record XenVersion(int major, int minor) implements Comparable<XenVersion> {

    public static final XenVersion V4_7 = new XenVersion(4, 7);
    /** The release of the problem statement: no lazy mapping, aborts go to Dom0. */
    public static final XenVersion V4_8 = new XenVersion(4, 8);
    /** Lazy MMIO mapping on stage-2 data aborts arrives. */
    public static final XenVersion V4_9 = new XenVersion(4, 9);
    public static final XenVersion V4_10 = new XenVersion(4, 10);
    public static final XenVersion V4_16 = new XenVersion(4, 16);
    public static final XenVersion V4_17 = new XenVersion(4, 17);
    /** Exact deny ranges ({@code f25fe2452b}). */
    public static final XenVersion V4_22 = new XenVersion(4, 22);

    /** The profiles reports offer by default. */
    public static final List<XenVersion> PROFILES = List.of(V4_8, V4_9, V4_17, V4_22);

    private static final Comparator<XenVersion> ORDER =
            Comparator.comparingInt(XenVersion::major).thenComparingInt(XenVersion::minor);

    /** Parses {@code 4.17} (a trailing {@code .N} patch level is accepted and ignored). */
    public static XenVersion parse(String text) {
        String[] parts = text.trim().split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("a Xen version looks like 4.17, not \"" + text + "\"");
        }
        try {
            return new XenVersion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a Xen version looks like 4.17, not \"" + text + "\"", e);
        }
    }

    public boolean atLeast(XenVersion other) {
        return compareTo(other) >= 0;
    }

    /** {@code try_map_mmio} maps a permitted page on a hardware-domain data abort (4.9, {@code 5a44ff111d}). */
    public boolean mapsMmioOnFault() {
        return atLeast(V4_9);
    }

    /** 4.9 to 4.15 map lazily only when the page after the faulting one is permitted too. */
    public boolean lazyMapChecksNextPage() {
        return mapsMmioOnFault() && !atLeast(V4_16);
    }

    /** Before {@code f25fe2452b} (4.22) every iomem deny covered one page more than the region. */
    public boolean denyCoversTrailingPage() {
        return !atLeast(V4_22);
    }

    /**
     * ACPI ITS support (4.10): {@code gicv3_its_acpi_probe}, one virtual ITS per host ITS for Dom0, the host ITS
     * structures copied into Dom0's MADT, and each ITS's 128 KiB denied ({@code gicv3_its_deny_access},
     * {@code 66158be465}).
     */
    public boolean supportsIts() {
        return atLeast(V4_10);
    }

    /** {@code XENMAPSPACE_dev_mmio} maps Normal WB ({@code p2m_mmio_direct_c}) from 4.9 ({@code 5a44ff111d}). */
    public boolean devMmioIsCacheable() {
        return atLeast(V4_9);
    }

    @Override
    public int compareTo(XenVersion o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }

    /**
     * The newest release the model knows: the greatest of the {@code public static final} XenVersion constants
     * declared above, so that a release added as a constant becomes the default of a bare dump. Declared last so
     * that every constant is set when it is computed.
     */
    public static final XenVersion NEWEST = newest();

    private static XenVersion newest() {
        XenVersion best = null;
        for (java.lang.reflect.Field f : XenVersion.class.getDeclaredFields()) {
            int m = f.getModifiers();
            if (f.getType() == XenVersion.class && java.lang.reflect.Modifier.isPublic(m)
                    && java.lang.reflect.Modifier.isStatic(m) && java.lang.reflect.Modifier.isFinal(m)
                    && !f.getName().equals("NEWEST")) {
                try {
                    XenVersion v = (XenVersion) f.get(null);
                    if (v != null && (best == null || v.compareTo(best) > 0)) {
                        best = v;
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read " + f.getName(), e);
                }
            }
        }
        if (best == null) {
            throw new IllegalStateException("no XenVersion constant is declared");
        }
        return best;
    }
}
