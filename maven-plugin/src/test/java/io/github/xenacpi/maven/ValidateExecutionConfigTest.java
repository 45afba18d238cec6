package io.github.xenacpi.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.api.ValidationParameters;
import java.util.List;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;

/** The site report reads the build's validate execution: its configuration first, then the plugin's. */
class ValidateExecutionConfigTest {

    private static final ValidationParameters NONE =
            ValidationParameters.builder().build();

    @Test
    void aProjectWithoutThePluginSetsNothing() {
        assertThat(ValidateExecutionConfig.of(project(null)).parameters()).isEqualTo(NONE);
    }

    @Test
    void theValidateExecutionWinsOverThePluginsConfigurationAndListsKeepTheirItems() {
        Plugin plugin = new Plugin();
        plugin.setGroupId("io.github.xenacpi");
        plugin.setArtifactId("xenacpi-maven-plugin");
        plugin.setConfiguration(configuration(
                value("xenVersion", "4.17"),
                value("linuxVersion", "6.6"),
                value("trace", "true"),
                value("baseline", "other.json")));
        PluginExecution validate = new PluginExecution();
        validate.addGoal("validate");
        validate.setConfiguration(configuration(
                list("firmware", "preset:hostile", " ", "boards"),
                value("strategies", "bus-notify,stage2-fault"),
                value("xenVersion", " 4.22 "),
                value("smmu", " ")));
        PluginExecution inspect = new PluginExecution();
        inspect.setId("inspect");
        inspect.addGoal("inspect");
        inspect.setConfiguration(configuration(value("xenVersions", "4.8")));
        plugin.addExecution(inspect);
        plugin.addExecution(validate);

        assertThat(ValidateExecutionConfig.of(project(plugin)).parameters())
                .isEqualTo(ValidationParameters.builder()
                        .firmware(List.of("preset:hostile", "boards"))
                        .strategies(List.of("bus-notify,stage2-fault"))
                        .xenVersion("4.22")
                        .linuxVersion("6.6")
                        .build());
    }

    private static MavenProject project(Plugin plugin) {
        Model model = new Model();
        Build build = new Build();
        if (plugin != null) {
            build.addPlugin(plugin);
        }
        model.setBuild(build);
        return new MavenProject(model);
    }

    private static Xpp3Dom configuration(Xpp3Dom... children) {
        Xpp3Dom dom = new Xpp3Dom("configuration");
        for (Xpp3Dom child : children) {
            dom.addChild(child);
        }
        return dom;
    }

    private static Xpp3Dom value(String name, String text) {
        Xpp3Dom dom = new Xpp3Dom(name);
        dom.setValue(text);
        return dom;
    }

    private static Xpp3Dom list(String name, String... items) {
        Xpp3Dom dom = new Xpp3Dom(name);
        for (String item : items) {
            dom.addChild(value(name, item));
        }
        return dom;
    }
}
