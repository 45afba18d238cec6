package io.github.xenacpi.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/** Runs fixture classes on the Jupiter engine and reads what happened. */
final class Kit {

    private Kit() {}

    static EngineExecutionResults run(Map<String, String> parameters, Class<?>... fixtures) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameters(parameters)
                .selectors(Arrays.stream(fixtures).map(c -> selectClass(c)).toArray(DiscoverySelector[]::new))
                .execute();
    }

    static EngineExecutionResults run(Class<?>... fixtures) {
        return run(Map.of(), fixtures);
    }

    /** The method name of an event's test. */
    static String method(Event e) {
        return e.getTestDescriptor()
                .getSource()
                .filter(MethodSource.class::isInstance)
                .map(s -> ((MethodSource) s).getMethodName())
                .orElse("");
    }

    /** The failure of an event that finished, by the failed test's method name. */
    static Map<String, Throwable> failures(List<Event> finished) {
        return finished.stream()
                .filter(e -> e.getType() == EventType.FINISHED)
                .filter(e -> e.getPayload(TestExecutionResult.class)
                        .flatMap(TestExecutionResult::getThrowable)
                        .isPresent())
                .collect(Collectors.toMap(
                        Kit::method,
                        e -> e.getRequiredPayload(TestExecutionResult.class)
                                .getThrowable()
                                .orElseThrow(),
                        (a, b) -> a));
    }

    /** Every value published under a key, in event order. */
    static List<String> published(EngineExecutionResults results, String key) {
        return results.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs())
                .filter(m -> m.containsKey(key))
                .map(m -> m.get(key))
                .toList();
    }
}
