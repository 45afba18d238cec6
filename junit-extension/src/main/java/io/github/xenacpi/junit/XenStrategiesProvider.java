package io.github.xenacpi.junit;

import io.github.xenacpi.strategy.MappingStrategy;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/** Provides the invocations of {@link XenStrategies}: one per strategy, named by its id. */
public final class XenStrategiesProvider implements TestTemplateInvocationContextProvider {

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod()
                .map(m -> AnnotationSupport.isAnnotated(m, XenStrategies.class))
                .orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        String[] ids = context.getTestMethod()
                .flatMap(m -> AnnotationSupport.findAnnotation(m, XenStrategies.class))
                .map(XenStrategies::value)
                .orElse(new String[0]);
        List<MappingStrategy> strategies;
        try {
            strategies = ids.length == 0
                    ? MappingStrategy.all()
                    : Arrays.stream(ids)
                            .map(String::trim)
                            .map(MappingStrategy::byId)
                            .toList();
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(
                    "@XenStrategies on " + context.getRequiredTestClass().getName() + "#"
                            + context.getRequiredTestMethod().getName() + "(): " + e.getMessage(),
                    e);
        }
        Settings settings = Settings.of(context);
        return strategies.stream().map(s -> new SettingsInvocation(s.id(), settings.withStrategy(s.id())));
    }
}
