package io.github.xenacpi.junit;

import io.github.xenacpi.api.Overrides;
import io.github.xenacpi.api.PlatformSource;
import io.github.xenacpi.platform.LinuxVersion;
import io.github.xenacpi.platform.SmmuMode;
import io.github.xenacpi.platform.XenVersion;
import io.github.xenacpi.platform.preset.Preset;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/**
 * What identifies a loaded platform in the store: its tables (a path or a preset) and the versions that
 * replace its descriptor's ({@code null}: the descriptor's own).
 */
record PlatformKey(Path path, Preset preset, XenVersion xen, LinuxVersion linux, SmmuMode smmu) {

    /** The key the settings ask for; every problem named with where the settings came from. */
    static PlatformKey of(Settings s) {
        if (!s.firmware().isEmpty() && !s.preset().isEmpty()) {
            throw fail(
                    s, "both firmware \"" + s.firmware() + "\" and preset \"" + s.preset() + "\" are named; name one");
        }
        Path path = null;
        Preset preset = null;
        if (!s.firmware().isEmpty()) {
            path = Locations.find(s.firmware()).orElseThrow(() -> fail(s, Locations.notFound(s.firmware())));
        } else {
            try {
                preset = Preset.byId(s.preset());
            } catch (IllegalArgumentException e) {
                throw fail(s, "unknown preset: " + e.getMessage());
            }
        }
        try {
            return new PlatformKey(
                    path,
                    preset,
                    s.xen().isEmpty() ? null : XenVersion.parse(s.xen()),
                    s.linux().isEmpty() ? null : LinuxVersion.parse(s.linux()),
                    s.smmu().isEmpty() ? null : SmmuMode.of(s.smmu()));
        } catch (IllegalArgumentException e) {
            throw fail(s, e.getMessage());
        }
    }

    /** A resolution failure whose message starts with where the settings came from. */
    static ParameterResolutionException fail(Settings s, String what) {
        return new ParameterResolutionException(s.origin() + ": " + what);
    }

    /** The platform's tables, for the core to load. */
    PlatformSource platform() {
        return path != null ? PlatformSource.at(path) : PlatformSource.of(preset);
    }

    /** This key's versions, which replace the descriptor's. */
    Overrides overrides() {
        return new Overrides(Optional.ofNullable(xen), Optional.ofNullable(linux), Optional.ofNullable(smmu));
    }

    /** The tables' location in words. */
    String source() {
        return path != null ? path.toString() : "preset " + preset.id();
    }
}
