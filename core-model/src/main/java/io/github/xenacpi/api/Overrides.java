package io.github.xenacpi.api;

import io.github.xenacpi.platform.LinuxVersion;
import io.github.xenacpi.platform.PlatformDescriptor;
import io.github.xenacpi.platform.SettingSource;
import io.github.xenacpi.platform.SettingSources;
import io.github.xenacpi.platform.SmmuMode;
import io.github.xenacpi.platform.XenVersion;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the build configuration sets over every platform's descriptor: the Xen version, the Linux version of
 * Dom0 and the SMMU mode; each empty to keep the descriptor's value.
 */
public record Overrides(Optional<XenVersion> xen, Optional<LinuxVersion> linux, Optional<SmmuMode> smmu) {

    /** Nothing overridden. */
    public static final Overrides NONE = new Overrides(Optional.empty(), Optional.empty(), Optional.empty());

    /** Parses the goal's parameters; blank or {@code null} keeps the descriptor's value. */
    public static Overrides parse(String xen, String linux, String smmu) throws ValidationException {
        return new Overrides(
                value("xenacpi.xenVersion", xen, XenVersion::parse),
                value("xenacpi.linuxVersion", linux, LinuxVersion::parse),
                value("xenacpi.smmu", smmu, SmmuMode::of));
    }

    private static <T> Optional<T> value(String property, String text, Function<String, T> parser)
            throws ValidationException {
        if (blank(text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(text.trim()));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(property + ": " + e.getMessage(), e);
        }
    }

    /** The descriptor with these values put in. */
    public PlatformDescriptor apply(PlatformDescriptor d) {
        if (xen.isEmpty() && linux.isEmpty() && smmu.isEmpty()) {
            // NONE, tested without the record's equals, which a cold JVM links on first use.
            return d;
        }
        return new PlatformDescriptor(
                d.ram(),
                d.ipaBits(),
                xen.orElse(d.xen()),
                linux.orElse(d.linux()),
                smmu.orElse(d.smmu()),
                d.earlycon(),
                d.dma(),
                d.amlMemory(),
                d.xenHasIts(),
                new SettingSources(
                        xen.isPresent() ? SettingSource.PROPERTY : d.sources().xen(),
                        linux.isPresent() ? SettingSource.PROPERTY : d.sources().linux(),
                        smmu.isPresent() ? SettingSource.PROPERTY : d.sources().smmu()));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
