package io.github.xenacpi.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.junit.fixtures.StrategiesErrorFixture;
import io.github.xenacpi.junit.fixtures.StrategiesFixture;
import io.github.xenacpi.strategy.MappingStrategy;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

class XenStrategiesTest {

    @Test
    void runsOncePerStrategyNamedByItsId() {
        EngineExecutionResults results = Kit.run(StrategiesFixture.class);
        List<String> ids =
                MappingStrategy.all().stream().map(MappingStrategy::id).toList();

        results.testEvents().assertStatistics(s -> s.succeeded(ids.size() + 2).failed(0));
        assertThat(Kit.published(results, "strategy")).containsExactlyElementsOf(ids);
        assertThat(results.testEvents().succeeded().stream()
                        .filter(e -> Kit.method(e).equals("everyStrategy"))
                        .map(e -> e.getTestDescriptor().getDisplayName())
                        .toList())
                .containsExactlyElementsOf(ids.stream()
                        .map(id -> "[" + (ids.indexOf(id) + 1) + "] " + id)
                        .toList());
    }

    @Test
    void runsTheListedStrategiesOnTheMethodsPlatform() {
        assertThat(Kit.published(Kit.run(StrategiesFixture.class), "listed"))
                .containsExactly("bus-notify", "stage2-fault");
    }

    @Test
    void anUnknownStrategyFailsTheTemplateNamingItAndTheMethod() {
        EngineExecutionResults results = Kit.run(StrategiesErrorFixture.class);
        Event failed = results.containerEvents().failed().list().get(0);

        results.testEvents().assertStatistics(s -> s.started(0));
        assertThat(failed.getRequiredPayload(TestExecutionResult.class)
                        .getThrowable()
                        .orElseThrow())
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageStartingWith("@XenStrategies on " + StrategiesErrorFixture.class.getName()
                        + "#unknown(): unknown strategy \"wishful\"; known: [bus-notify,");
    }
}
