package io.github.xenacpi.junit;

import io.github.xenacpi.api.Firmware;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The {@link XenPlatform} attributes in force for one test: the nearest non-empty value of each, from the
 * method outwards through its classes; {@code origin} says where the firmware or preset was named.
 */
record Settings(String firmware, String preset, String xen, String linux, String smmu, String strategy, String origin) {

    /** The strategy of an injected result when none is named. */
    static final String DEFAULT_STRATEGY = "stage2-fault";

    private static final Settings EMPTY = new Settings("", "", "", "", "", "", "");

    /** The attributes in force for a context, with the configuration parameter's firmware applied. */
    static Settings of(ExtensionContext context) {
        Settings s = EMPTY;
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            Optional<AnnotatedElement> element = c.getElement();
            if (element.isPresent()) {
                Optional<XenPlatform> found = AnnotationSupport.findAnnotation(element.get(), XenPlatform.class);
                if (found.isPresent()) {
                    s = s.orElse(found.get(), describe(element.get()));
                }
            }
        }
        Optional<String> override = context.getConfigurationParameter(XenPlatformExtension.FIRMWARE_PARAMETER)
                .filter(v -> !v.isBlank());
        if (override.isPresent()) {
            return s.withFirmware(
                    override.get().trim(), "configuration parameter " + XenPlatformExtension.FIRMWARE_PARAMETER);
        }
        return s.source().isEmpty()
                ? new Settings("", Firmware.DEFAULT_PRESET, s.xen, s.linux, s.smmu, s.strategy, "the default preset")
                : s;
    }

    /** The same settings on other firmware, named by {@code newOrigin}. */
    Settings withFirmware(String path, String newOrigin) {
        return new Settings(path, "", xen, linux, smmu, strategy, newOrigin);
    }

    /** The same settings under another strategy. */
    Settings withStrategy(String id) {
        return new Settings(firmware, preset, xen, linux, smmu, id, origin);
    }

    /** The same settings under other Xen and Linux versions. */
    Settings withVersions(String newXen, String newLinux) {
        return new Settings(firmware, preset, newXen, newLinux, smmu, strategy, origin);
    }

    /** The strategy of an injected result. */
    String strategyOrDefault() {
        return strategy.isEmpty() ? DEFAULT_STRATEGY : strategy;
    }

    private String source() {
        return firmware + preset;
    }

    private Settings orElse(XenPlatform a, String where) {
        boolean namesSource =
                source().isEmpty() && !(a.firmware().isBlank() && a.preset().isBlank());
        return new Settings(
                namesSource ? a.firmware().trim() : firmware,
                namesSource ? a.preset().trim() : preset,
                pick(xen, a.xen()),
                pick(linux, a.linux()),
                pick(smmu, a.smmu()),
                pick(strategy, a.strategy()),
                namesSource ? "@XenPlatform on " + where : origin);
    }

    private static String pick(String nearer, String value) {
        return nearer.isEmpty() ? value.trim() : nearer;
    }

    private static String describe(AnnotatedElement element) {
        if (element instanceof Method m) {
            return m.getDeclaringClass().getName() + "#" + m.getName() + "()";
        }
        return element instanceof Class<?> c ? c.getName() : element.toString();
    }
}
