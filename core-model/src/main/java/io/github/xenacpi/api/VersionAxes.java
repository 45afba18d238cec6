package io.github.xenacpi.api;

import io.github.xenacpi.platform.LinuxVersion;
import io.github.xenacpi.platform.PlatformDescriptor;
import io.github.xenacpi.platform.XenVersion;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * The Xen and Linux versions of a validation's version grid ({@code xenacpi.xenVersions},
 * {@code xenacpi.linuxVersions}): when either is set, every platform also gets a
 * {@link io.github.xenacpi.simulation.VersionGrid} of those versions; an axis left empty holds the platform's own
 * version (its descriptor's, after the overrides). Both empty: no grid, the default (a grid costs one simulation
 * per strategy and cell).
 *
 * @param xen   the Xen versions, in the order given, without repeats
 * @param linux the Linux versions, in the order given, without repeats
 */
public record VersionAxes(List<XenVersion> xen, List<LinuxVersion> linux) {

    /** No grid. */
    public static final VersionAxes NONE = new VersionAxes(List.of(), List.of());

    /** The word that stands for every modelled version of an axis. */
    public static final String MODELLED = "modelled";

    public VersionAxes {
        xen = List.copyOf(xen);
        linux = List.copyOf(linux);
    }

    /**
     * Parses the goal's comma-separated lists, such as {@code 4.17,4.19,4.22} and {@code 6.1,6.6,6.12}; the word
     * {@code modelled} stands for every modelled version; blank or {@code null} leaves an axis empty.
     *
     * @throws ValidationException naming the property when a version cannot be read
     */
    public static VersionAxes parse(String xenList, String linuxList) throws ValidationException {
        return new VersionAxes(
                list("xenacpi.xenVersions", xenList, XenVersion::parse, XenVersion.MODELLED),
                list("xenacpi.linuxVersions", linuxList, LinuxVersion::parse, LinuxVersion.MODELLED));
    }

    private static <T> List<T> list(String property, String text, Function<String, T> parser, List<T> modelled)
            throws ValidationException {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Set<T> out = new LinkedHashSet<>();
        for (String raw : text.split(",", -1)) {
            String item = raw.trim();
            if (item.isEmpty()) {
                throw new ValidationException(property + ": an empty entry in \"" + text.trim()
                        + "\"; give versions separated by commas, such as 4.17,4.22");
            }
            if (item.toLowerCase(Locale.ROOT).equals(MODELLED)) {
                out.addAll(modelled);
                continue;
            }
            try {
                out.add(parser.apply(item));
            } catch (IllegalArgumentException e) {
                throw new ValidationException(property + ": " + e.getMessage() + " (in \"" + text.trim() + "\")", e);
            }
        }
        return new ArrayList<>(out);
    }

    /** Whether a grid is asked for. */
    public boolean enabled() {
        return !xen.isEmpty() || !linux.isEmpty();
    }

    /** The Xen axis for a platform: the versions given, or the platform's own. */
    public List<XenVersion> xenFor(PlatformDescriptor d) {
        return xen.isEmpty() ? List.of(d.xen()) : xen;
    }

    /** The Linux axis for a platform: the versions given, or the platform's own. */
    public List<LinuxVersion> linuxFor(PlatformDescriptor d) {
        return linux.isEmpty() ? List.of(d.linux()) : linux;
    }
}
