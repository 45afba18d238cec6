package io.github.xenacpi.junit;

import io.github.xenacpi.platform.LinuxVersion;
import io.github.xenacpi.platform.XenVersion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/** Provides the invocations of {@link XenVersionMatrix}: one per Xen x Linux pair, Xen-major. */
public final class XenVersionMatrixProvider implements TestTemplateInvocationContextProvider {

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod()
                .map(m -> AnnotationSupport.isAnnotated(m, XenVersionMatrix.class))
                .orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        XenVersionMatrix matrix = context.getTestMethod()
                .flatMap(m -> AnnotationSupport.findAnnotation(m, XenVersionMatrix.class))
                .orElseThrow();
        List<XenVersion> xens;
        List<LinuxVersion> linuxes;
        try {
            xens = matrix.xen().length == 0
                    ? XenVersion.PROFILES
                    : Arrays.stream(matrix.xen()).map(XenVersion::parse).toList();
            linuxes = matrix.linux().length == 0
                    ? LinuxVersion.MODELLED
                    : Arrays.stream(matrix.linux()).map(LinuxVersion::parse).toList();
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(
                    "@XenVersionMatrix on "
                            + context.getRequiredTestClass().getName() + "#"
                            + context.getRequiredTestMethod().getName()
                            + "(): " + e.getMessage(),
                    e);
        }
        Settings settings = Settings.of(context);
        List<TestTemplateInvocationContext> out = new ArrayList<>();
        for (XenVersion x : xens) {
            for (LinuxVersion l : linuxes) {
                out.add(new SettingsInvocation(
                        "Xen " + x + " / Linux " + l, settings.withVersions(x.toString(), l.toString())));
            }
        }
        return out.stream();
    }
}
