package io.github.xenacpi.junit;

import io.github.xenacpi.api.FirmwareFolder;
import io.github.xenacpi.api.PlatformSource;
import io.github.xenacpi.api.ValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Provides the invocations of {@link XenFirmwareSource}: one per platform of the folder, found by the core's
 * {@link FirmwareFolder} rule (the one the {@code validate} goal applies), named by the platform.
 */
public final class XenFirmwareSourceProvider implements TestTemplateInvocationContextProvider {

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod()
                .map(m -> AnnotationSupport.isAnnotated(m, XenFirmwareSource.class))
                .orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        String folder = context.getTestMethod()
                .flatMap(m -> AnnotationSupport.findAnnotation(m, XenFirmwareSource.class))
                .map(XenFirmwareSource::value)
                .orElse("");
        String where = "@XenFirmwareSource(\"" + folder + "\") on "
                + context.getRequiredTestClass().getName() + "#"
                + context.getRequiredTestMethod().getName() + "()";
        Path dir = Locations.find(folder)
                .filter(Files::isDirectory)
                .orElseThrow(() -> new ExtensionConfigurationException(
                        where + ": " + Locations.notFound(folder) + " that is a folder"));
        List<PlatformSource.PathSource> platforms = platforms(dir, where);
        if (platforms.isEmpty()) {
            throw new ExtensionConfigurationException(where + ": no platform (sub-folder or dump file) in " + dir);
        }
        Settings settings = Settings.of(context);
        return platforms.stream()
                .map(p -> new SettingsInvocation(
                        p.name(), settings.withFirmware(p.path().toString(), where + ", platform " + p.name())));
    }

    /** The folder's platforms by the core's one rule, the same the validate goal applies. */
    private static List<PlatformSource.PathSource> platforms(Path dir, String where) {
        try {
            return FirmwareFolder.platformsAt(dir).platforms().stream()
                    .map(PlatformSource.PathSource.class::cast)
                    .toList();
        } catch (ValidationException e) {
            throw new ExtensionConfigurationException(where + ": " + e.getMessage(), e);
        }
    }
}
