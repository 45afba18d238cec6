package io.github.xenacpi.site;

import io.github.xenacpi.junit.XenAssertions;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.preset.Preset;
import io.github.xenacpi.simulation.Simulation;
import io.github.xenacpi.simulation.SimulationInput;
import io.github.xenacpi.simulation.SimulationResult;
import io.github.xenacpi.strategy.MappingStrategy;
import java.util.List;

/**
 * The failure message the JUnit guide shows: {@code hasNoDom0Aborts()} on {@code bus-notify} over the
 * {@code seed-rfc} preset, produced by the extension's own assertion so the page shows what users will see.
 */
final class AssertionFailureSample {
    /** Boot events shown before the message is cut. */
    private static final int EVENTS = 3;

    private AssertionFailureSample() {}

    /** The message's first lines, ending with a line that says it was cut. */
    static String text() throws SiteException {
        Platform platform = Preset.SEED_RFC.platform();
        SimulationResult result = Simulation.run(SimulationInput.of(platform), MappingStrategy.byId("bus-notify"));
        try {
            XenAssertions.assertThat(result).hasNoDom0Aborts();
        } catch (AssertionError expected) {
            List<String> lines = expected.getMessage().lines().toList();
            StringBuilder out = new StringBuilder();
            lines.stream().limit(1 + EVENTS).forEach(l -> out.append(l).append('\n'));
            if (lines.size() > 1 + EVENTS) {
                out.append("  ...\n");
            }
            return out.toString();
        }
        throw new SiteException("bus-notify no longer aborts Dom0 on seed-rfc: the JUnit guide's sample failure"
                + " needs another example in " + AssertionFailureSample.class.getName());
    }
}
