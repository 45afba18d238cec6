package io.github.xenacpi.maven;

import io.github.xenacpi.api.ValidationParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The configuration of this plugin's {@code validate} execution in the project's build, read so the site report
 * checks the same firmware the same way without the user repeating it under {@code <reporting>}: an execution's
 * {@code <configuration>} wins over the plugin's own.
 */
final class ValidateExecutionConfig {

    static final String PLUGIN_KEY = "io.github.xenacpi:xenacpi-maven-plugin";

    private final List<Xpp3Dom> layers;

    private ValidateExecutionConfig(List<Xpp3Dom> layers) {
        this.layers = layers;
    }

    /** The validate execution's configuration of a project (empty when the build has none). */
    static ValidateExecutionConfig of(MavenProject project) {
        List<Xpp3Dom> layers = new ArrayList<>();
        Plugin plugin = project.getBuild() == null
                ? null
                : project.getBuild().getPluginsAsMap().get(PLUGIN_KEY);
        if (plugin != null) {
            for (PluginExecution e : plugin.getExecutions()) {
                if (e.getGoals().contains("validate") && e.getConfiguration() instanceof Xpp3Dom dom) {
                    layers.add(dom);
                }
            }
            if (plugin.getConfiguration() instanceof Xpp3Dom dom) {
                layers.add(dom);
            }
        }
        return new ValidateExecutionConfig(layers);
    }

    /** The shared parameters this configuration sets (not the trace nor the baseline, which the site never takes). */
    ValidationParameters parameters() {
        return ValidationParameters.builder()
                .firmware(list("firmware").orElse(List.of()))
                .strategies(list("strategies").orElse(List.of()))
                .xenVersion(value("xenVersion").orElse(""))
                .linuxVersion(value("linuxVersion").orElse(""))
                .smmu(value("smmu").orElse(""))
                .xenVersions(value("xenVersions").orElse(""))
                .linuxVersions(value("linuxVersions").orElse(""))
                .build();
    }

    /** A single value, such as {@code xenVersion}. */
    private Optional<String> value(String name) {
        for (Xpp3Dom layer : layers) {
            Xpp3Dom child = layer.getChild(name);
            if (child != null && child.getValue() != null && !child.getValue().isBlank()) {
                return Optional.of(child.getValue().trim());
            }
        }
        return Optional.empty();
    }

    /** A list, such as {@code firmware}: its items, or its text split at commas. */
    private Optional<List<String>> list(String name) {
        for (Xpp3Dom layer : layers) {
            Xpp3Dom child = layer.getChild(name);
            if (child == null) {
                continue;
            }
            List<String> out = new ArrayList<>();
            for (Xpp3Dom item : child.getChildren()) {
                if (item.getValue() != null && !item.getValue().isBlank()) {
                    out.add(item.getValue().trim());
                }
            }
            if (out.isEmpty() && child.getValue() != null && !child.getValue().isBlank()) {
                out.add(child.getValue().trim());
            }
            if (!out.isEmpty()) {
                return Optional.of(out);
            }
        }
        return Optional.empty();
    }
}
