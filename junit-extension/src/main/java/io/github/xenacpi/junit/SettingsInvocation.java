package io.github.xenacpi.junit;

import java.util.List;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;

/** One invocation of a template: its display name and a resolver injecting from its own settings. */
record SettingsInvocation(String name, Settings settings) implements TestTemplateInvocationContext {

    @Override
    public String getDisplayName(int invocationIndex) {
        return "[" + invocationIndex + "] " + name;
    }

    @Override
    public List<Extension> getAdditionalExtensions() {
        return List.of(new SettingsResolver(settings));
    }
}
