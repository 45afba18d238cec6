package io.github.xenacpi.platform;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Comparator;
import java.util.List;

/**
 * A Xen release with its patch level, and what differs between releases for an ACPI hardware domain on arm64 (fact
 * sheet src-site/markdown/dom0-model.md, "Versions modelled, per behaviour"). Each capability names the Xen commit
 * that brought it and the first release containing it; the patch level matters where a fix was backported to a stable
 * branch (4.20.4, 4.21.2). Written {@code 4.17} when the patch level is 0, else {@code 4.20.4}.
 */
public record XenVersion(int major, int minor, int patch) implements Comparable<XenVersion> {

    public static final XenVersion V4_7 = new XenVersion(4, 7);
    /** The release of the problem statement: no lazy mapping, aborts go to Dom0. */
    public static final XenVersion V4_8 = new XenVersion(4, 8);
    /** Lazy MMIO mapping on stage-2 data aborts arrives ({@code 80f9c31670}). */
    public static final XenVersion V4_9 = new XenVersion(4, 9);

    public static final XenVersion V4_10 = new XenVersion(4, 10);
    /** "Unbreak ACPI": SPCR optional ({@code 861f0c1109}), FADT 5.1 accepted ({@code 0ff2c7e5b4}). */
    public static final XenVersion V4_15 = new XenVersion(4, 15);
    /** Lazy mapping checks only the faulting page ({@code 475715d65a}). */
    public static final XenVersion V4_16 = new XenVersion(4, 16);

    public static final XenVersion V4_17 = new XenVersion(4, 17);
    public static final XenVersion V4_18 = new XenVersion(4, 18);
    public static final XenVersion V4_19 = new XenVersion(4, 19);
    public static final XenVersion V4_20 = new XenVersion(4, 20);
    /** The stable release that carries the deny off-by-one fix on the 4.20 branch ({@code c635373c25}). */
    public static final XenVersion V4_20_4 = new XenVersion(4, 20, 4);

    public static final XenVersion V4_21 = new XenVersion(4, 21);
    /** The stable release that carries the deny off-by-one fix on the 4.21 branch ({@code 8a615b0281}). */
    public static final XenVersion V4_21_2 = new XenVersion(4, 21, 2);
    /** Exact deny ranges ({@code f25fe2452b}); {@code check_p2m} before emulation ({@code 17a9070d22}). */
    public static final XenVersion V4_22 = new XenVersion(4, 22);

    /** The profiles reports offer by default. */
    public static final List<XenVersion> PROFILES = List.of(V4_8, V4_9, V4_17, V4_22);

    /** Every release the model distinguishes, oldest first: the default Xen axis of a version grid. */
    public static final List<XenVersion> MODELLED =
            List.of(V4_7, V4_8, V4_9, V4_10, V4_15, V4_16, V4_17, V4_18, V4_19, V4_20, V4_20_4, V4_21, V4_21_2, V4_22);

    private static final Comparator<XenVersion> ORDER = Comparator.comparingInt(XenVersion::major)
            .thenComparingInt(XenVersion::minor)
            .thenComparingInt(XenVersion::patch);

    public XenVersion {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new IllegalArgumentException(
                    "a Xen version has no negative part: " + major + "." + minor + "." + patch);
        }
    }

    /** The {@code .0} release of a major.minor. */
    public XenVersion(int major, int minor) {
        this(major, minor, 0);
    }

    /** Parses {@code 4.17} or {@code 4.20.4}. */
    @JsonCreator
    public static XenVersion parse(String text) {
        String[] parts = text.trim().split("\\.", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("a Xen version looks like 4.17, not \"" + text + "\"");
        }
        try {
            return new XenVersion(
                    Integer.parseInt(parts[0]),
                    Integer.parseInt(parts[1]),
                    parts.length == 3 ? Integer.parseInt(parts[2]) : 0);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a Xen version looks like 4.17, not \"" + text + "\"", e);
        }
    }

    public boolean atLeast(XenVersion other) {
        return compareTo(other) >= 0;
    }

    /** The same release line (major.minor), whatever the patch level. */
    private boolean onBranch(XenVersion branch) {
        return major == branch.major && minor == branch.minor;
    }

    /**
     * {@code try_map_mmio} maps a permitted page on a hardware-domain data abort: 4.9 ({@code 80f9c31670}, Julien
     * Grall, 2017-04-03, "xen/arm: acpi: Map MMIO on fault in stage-2 page table for the hardware domain").
     */
    public boolean mapsMmioOnFault() {
        return atLeast(V4_9);
    }

    /** 4.9 to 4.15 map lazily only when the page after the faulting one is permitted too ({@code 475715d65a}). */
    public boolean lazyMapChecksNextPage() {
        return mapsMmioOnFault() && !atLeast(V4_16);
    }

    /**
     * Before {@code f25fe2452b} every iomem deny covered one page more than the region. The fix is in 4.22.0 and
     * was backported to 4.21.2 ({@code 8a615b0281}) and 4.20.4 ({@code c635373c25}).
     */
    public boolean denyCoversTrailingPage() {
        if (onBranch(V4_20)) {
            return !atLeast(V4_20_4);
        }
        if (onBranch(V4_21)) {
            return !atLeast(V4_21_2);
        }
        return !atLeast(V4_22);
    }

    /**
     * Whether this release can have ACPI ITS support at all (4.10, {@code gicv3_its_acpi_probe}); whether a build
     * has it is {@code CONFIG_HAS_ITS}, off unless selected (UNSUPPORTED/EXPERT): see
     * {@link io.github.xenacpi.xen.IomemPermissions}.
     */
    public boolean supportsIts() {
        return atLeast(V4_10);
    }

    /** {@code XENMAPSPACE_dev_mmio} maps Normal WB ({@code p2m_mmio_direct_c}) from 4.9 ({@code 5a44ff111d}). */
    public boolean devMmioIsCacheable() {
        return atLeast(V4_9);
    }

    /**
     * Before 4.15 an ACPI hardware domain needs an SPCR: {@code acpi_iomem_deny_access} prints "Failed to get SPCR
     * table" and returns {@code -EINVAL}, so the Dom0 build fails; {@code 861f0c1109} (4.15) made it optional.
     */
    public boolean requiresSpcr() {
        return !atLeast(V4_15);
    }

    /**
     * Whether {@code acpi_parse_fadt} keeps ACPI for a FADT of this revision: before 4.15 only 6.0 and later
     * ("should be 6.0+, will disable ACPI"); from 4.15 ({@code 0ff2c7e5b4}) 5.1 and later.
     */
    public boolean acceptsFadt(int revision, int minorVersion) {
        if (atLeast(V4_15)) {
            return revision > 5 || (revision == 5 && minorVersion >= 1);
        }
        return revision >= 6;
    }

    @Override
    public int compareTo(XenVersion o) {
        return ORDER.compare(this, o);
    }

    @JsonValue
    @Override
    public String toString() {
        return patch == 0 ? major + "." + minor : major + "." + minor + "." + patch;
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
            if (f.getType() == XenVersion.class
                    && java.lang.reflect.Modifier.isPublic(m)
                    && java.lang.reflect.Modifier.isStatic(m)
                    && java.lang.reflect.Modifier.isFinal(m)
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
