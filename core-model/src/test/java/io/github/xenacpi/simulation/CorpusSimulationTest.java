package io.github.xenacpi.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.platform.LinuxVersion;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.SmmuMode;
import io.github.xenacpi.platform.XenVersion;
import io.github.xenacpi.strategy.MappingStrategy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every corpus platform under every strategy and the version profiles, with no unexpected exception. Every run's
 * costs go to {@code target/corpus-costs.txt}, so that a change to the simulation's internals can be shown to leave
 * them as they were (diff the file before and after).
 */
@Tag("corpus")
class CorpusSimulationTest {

    @Test
    void everyCorpusPlatformSimulatesUnderEveryStrategy() throws Exception {
        Path corpus = Path.of(System.getProperty("xenacpi.corpus", "../shared/corpus"));
        Assumptions.assumeTrue(Files.isDirectory(corpus), "no corpus at " + corpus.toAbsolutePath());
        List<Path> machines = machines(corpus);
        int runs = 0;
        StringBuilder costs = new StringBuilder();
        for (Path machine : machines) {
            Platform platform = Platform.load(machine);
            StringBuilder line = new StringBuilder(String.format("%-40s", platform.name()));
            for (XenVersion xen : XenVersion.PROFILES) {
                for (LinuxVersion linux : LinuxVersion.PROFILES) {
                    SimulationInput in = SimulationInput.of(platform).with(xen, linux, SmmuMode.SHARED);
                    for (MappingStrategy s : MappingStrategy.all()) {
                        SimulationResult r = Simulation.run(in, s);
                        assertThat(r.outcomes()).isNotNull();
                        runs++;
                        costs.append(String.format(
                                "%s %s %s %s %s %s%n", platform.name(), xen, linux, s.id(), r.verdict(), r.costs()));
                        if (xen.equals(XenVersion.V4_8) && linux.equals(LinuxVersion.V6_6)) {
                            line.append(' ').append(s.id()).append('=').append(r.verdict());
                        }
                    }
                }
            }
            System.out.println(line);
        }
        System.out.printf("%d platforms, %d simulations%n", machines.size(), runs);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "corpus-costs.txt"), costs);
        assertThat(runs)
                .isEqualTo(machines.size()
                        * XenVersion.PROFILES.size()
                        * LinuxVersion.PROFILES.size()
                        * MappingStrategy.all().size());
    }

    private static List<Path> machines(Path corpus) throws IOException {
        try (Stream<Path> s = Files.walk(corpus, 2)) {
            return s.filter(Files::isDirectory)
                    .filter(d -> !d.equals(corpus)
                            && d.getParent() != null
                            && !d.getParent().equals(corpus))
                    .sorted()
                    .toList();
        }
    }
}
