package io.github.xenacpi.bench;

import io.github.xenacpi.platform.LinuxVersion;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.SmmuMode;
import io.github.xenacpi.platform.XenVersion;
import io.github.xenacpi.simulation.Simulation;
import io.github.xenacpi.simulation.SimulationInput;
import io.github.xenacpi.strategy.MappingStrategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A whole simulation of one platform under every strategy (Xen 4.8, Linux 6.6, shared SMMU): the corpus
 * machine named by {@code -p machine=PATH}, else the largest of the corpus (as {@link DecodeBenchmark} finds it).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class SimulationBenchmark {
    /** A machine folder; empty means the largest corpus machine. */
    @Param("")
    public String machine;

    private SimulationInput input;

    @Setup(Level.Trial)
    public void load() throws Exception {
        Path path = machine.isEmpty() ? DecodeBenchmark.largestCorpusMachine("") : Path.of(machine);
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException("no machine folder at " + path.toAbsolutePath());
        }
        input = SimulationInput.of(Platform.load(path)).with(XenVersion.V4_8, LinuxVersion.V6_6, SmmuMode.SHARED);
    }

    @Benchmark
    public void everyStrategy(Blackhole sink) {
        sink.consume(Simulation.runAll(input, MappingStrategy.all()));
    }
}
