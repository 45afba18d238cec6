package io.github.xenacpi.junit;

import io.github.xenacpi.platform.PlatformDescriptorReader;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * Provides the invocations of {@link XenFirmwareSource}: one per sub-folder or dump file of the folder (hidden
 * entries and descriptors skipped), named by the entry.
 */
public final class XenFirmwareSourceProvider implements TestTemplateInvocationContextProvider {

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(m -> AnnotationSupport.isAnnotated(m, XenFirmwareSource.class))
                .orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        String folder = context.getTestMethod()
                .flatMap(m -> AnnotationSupport.findAnnotation(m, XenFirmwareSource.class))
                .map(XenFirmwareSource::value).orElse("");
        String where = "@XenFirmwareSource(\"" + folder + "\") on " + context.getRequiredTestClass().getName()
                + "#" + context.getRequiredTestMethod().getName() + "()";
        Path dir = Locations.find(folder).filter(Files::isDirectory).orElseThrow(() ->
                new ExtensionConfigurationException(where + ": " + Locations.notFound(folder)
                        + " that is a folder"));
        List<Path> platforms = platforms(dir, where);
        if (platforms.isEmpty()) {
            throw new ExtensionConfigurationException(where + ": no platform (sub-folder or dump file) in " + dir);
        }
        Settings settings = Settings.of(context);
        return platforms.stream().map(p -> new SettingsInvocation(p.getFileName().toString(),
                settings.withFirmware(p.toString(), where + ", platform " + p.getFileName())));
    }

    private static List<Path> platforms(Path dir, String where) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !p.getFileName().toString().equals(PlatformDescriptorReader.FILE_NAME))
                    .sorted().toList();
        } catch (IOException e) {
            throw new ExtensionConfigurationException(where + ": cannot list " + dir + ": " + e.getMessage(),
                    new UncheckedIOException(e));
        }
    }
}
