package io.github.xenacpi.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.junit.fixtures.AssertionsFixture;
import io.github.xenacpi.junit.fixtures.ComposedFixture;
import io.github.xenacpi.junit.fixtures.DefaultsFixture;
import io.github.xenacpi.junit.fixtures.ErrorFixture;
import io.github.xenacpi.junit.fixtures.FirmwareFixture;
import io.github.xenacpi.junit.fixtures.FirmwareSourceFixture;
import io.github.xenacpi.junit.fixtures.InheritedFixture;
import io.github.xenacpi.junit.fixtures.InjectionFixture;
import io.github.xenacpi.junit.fixtures.SharedLoadsFixture;
import io.github.xenacpi.junit.fixtures.StrategiesFixture;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

class ParallelExecutionTest {
    private static final Map<String, String> CONCURRENT = Map.of(
            "junit.jupiter.execution.parallel.enabled", "true",
            "junit.jupiter.execution.parallel.mode.default", "concurrent",
            "junit.jupiter.execution.parallel.mode.classes.default", "concurrent",
            "junit.jupiter.execution.parallel.config.strategy", "fixed",
            "junit.jupiter.execution.parallel.config.fixed.parallelism", "4");
    private static final Class<?>[] FIXTURES = {
        InjectionFixture.class,
        DefaultsFixture.class,
        ComposedFixture.class,
        InheritedFixture.class,
        FirmwareFixture.class,
        ErrorFixture.class,
        StrategiesFixture.class,
        FirmwareSourceFixture.class,
        SharedLoadsFixture.class,
        AssertionsFixture.class
    };

    @BeforeAll
    static void writeFirmware() throws IOException {
        FixtureFiles.write();
    }

    @Test
    void concurrentRunGivesTheSameResultsAsSequential() {
        List<String> sequential = outcomes(Kit.run(FIXTURES));
        List<String> concurrent = outcomes(Kit.run(CONCURRENT, FIXTURES));

        assertThat(concurrent).hasSize(59).containsExactlyInAnyOrderElementsOf(sequential);
    }

    @Test
    void concurrentTestsLoadEachPlatformOnce() {
        EngineExecutionResults results = Kit.run(CONCURRENT, SharedLoadsFixture.class);

        results.testEvents().assertStatistics(s -> s.succeeded(18).failed(0));
        assertThat(Kit.published(results, "loads")).containsExactly("3");
        for (String key : List.of("virt", "virt-4.17", "server-ras")) {
            assertThat(Set.copyOf(Kit.published(results, key))).as(key).hasSize(1);
        }
    }

    private static List<String> outcomes(EngineExecutionResults results) {
        return results.testEvents().finished().stream()
                .map(ParallelExecutionTest::outcome)
                .toList();
    }

    private static String outcome(Event e) {
        TestExecutionResult r = e.getRequiredPayload(TestExecutionResult.class);
        return e.getTestDescriptor().getUniqueId() + " " + r.getStatus() + " "
                + r.getThrowable().map(Throwable::getMessage).orElse("");
    }
}
