package io.github.xenacpi.inspect;

import io.github.xenacpi.acpi.AcpiException;
import io.github.xenacpi.acpi.source.FirmwareImage;
import io.github.xenacpi.acpi.source.FirmwareSource;
import io.github.xenacpi.acpi.table.AcpiTables;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.PlatformDescriptor;
import io.github.xenacpi.platform.PlatformDescriptorReader;
import io.github.xenacpi.platform.PlatformException;
import io.github.xenacpi.platform.preset.Preset;
import io.github.xenacpi.report.ConformanceReport;
import io.github.xenacpi.report.ReportWriter;
import io.github.xenacpi.simulation.Simulation;
import io.github.xenacpi.simulation.SimulationInput;
import io.github.xenacpi.simulation.SimulationResult;
import io.github.xenacpi.strategy.MappingStrategy;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * {@code InspectCommand [PATH] [--json FILE] [--report DIR]}: reads the ACPI tables at PATH (an acpidump text
 * file, a folder of binary tables, one table file), prints every table, every described region and every
 * diagnostic, and writes the {@code xenacpi-inspect/1} JSON document (by default to
 * {@code target/xenacpi/inspect.json}); with {@code --report} it also writes the conformance report (JSON, HTML,
 * SARIF, JUnit XML) into DIR. Without
 * PATH it inspects a demo platform made by the table builder. Exit status: 0 done, 2 unusable arguments or
 * input, 1 an internal error (one line on standard error either way, never a stack trace).
 */
public final class InspectCommand {

    /** Where the JSON goes when {@code --json} is not given, relative to the working directory. */
    public static final Path DEFAULT_JSON = Path.of("target", "xenacpi", "inspect.json");

    static final int OK = 0;
    static final int INTERNAL_ERROR = 1;
    static final int UNUSABLE = 2;

    private static final String USAGE = "usage: InspectCommand [PATH | --preset ID] [--json FILE] [--report DIR]";

    /** Reads a path into tables; {@link FirmwareSource#open} outside tests. */
    @FunctionalInterface
    public interface Opener {
        FirmwareImage open(Path path) throws AcpiException;
    }

    private final Opener opener;

    public InspectCommand(Opener opener) {
        this.opener = opener;
    }

    public static void main(String[] args) {
        int status = new InspectCommand(FirmwareSource::open).run(args, System.out, System.err);
        if (status != OK) {
            System.exit(status);
        }
    }

    /** Runs the command; returns the exit status. A bug of ours is one line on {@code err}, status 1. */
    public int run(String[] args, PrintStream out, PrintStream err) {
        try {
            return inspect(args, out, err);
        } catch (RuntimeException e) {
            err.println("xenacpi inspect: internal error (" + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + "); please report it with the input");
            return INTERNAL_ERROR;
        }
    }

    private int inspect(String[] args, PrintStream out, PrintStream err) {
        Path input = null;
        Preset preset = null;
        Path json = DEFAULT_JSON;
        Path reportDir = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--json")) {
                if (i + 1 >= args.length) {
                    err.println("xenacpi inspect: --json needs a file name; " + USAGE);
                    return UNUSABLE;
                }
                json = Path.of(args[++i]);
            } else if (a.equals("--report")) {
                if (i + 1 >= args.length) {
                    err.println("xenacpi inspect: --report needs a folder; " + USAGE);
                    return UNUSABLE;
                }
                reportDir = Path.of(args[++i]);
            } else if (a.equals("--preset")) {
                if (i + 1 >= args.length) {
                    err.println("xenacpi inspect: --preset needs an id; " + USAGE);
                    return UNUSABLE;
                }
                try {
                    preset = Preset.byId(args[++i]);
                } catch (IllegalArgumentException e) {
                    err.println("xenacpi inspect: " + e.getMessage());
                    return UNUSABLE;
                }
            } else if (a.equals("-h") || a.equals("--help")) {
                out.println(USAGE);
                return OK;
            } else if (a.startsWith("-") || input != null || preset != null) {
                err.println("xenacpi inspect: unexpected argument '" + a + "'; " + USAGE);
                return UNUSABLE;
            } else {
                input = Path.of(a);
            }
        }
        FirmwareImage image;
        if (input == null) {
            Preset chosen = preset == null ? Preset.QEMU_VIRT : preset;
            image = chosen.image();
            out.println((preset == null ? "No PATH given: inspecting" : "Inspecting") + " the built-in preset "
                    + chosen.id() + ", made by the table builder (presets: "
                    + String.join(", ", Arrays.stream(Preset.values()).map(Preset::id).toList()) + ").");
        } else if (!Files.exists(input)) {
            err.println("xenacpi inspect: " + input + ": no such file or folder");
            return UNUSABLE;
        } else {
            try {
                image = opener.open(input);
            } catch (AcpiException e) {
                err.println("xenacpi inspect: " + input + ": " + e.getMessage());
                return UNUSABLE;
            }
        }
        AcpiTables platform = AcpiTables.load(image);
        PlatformDescriptor descriptor;
        try {
            descriptor = input == null ? (preset == null ? Preset.QEMU_VIRT : preset).descriptor()
                    : PlatformDescriptorReader.besides(input);
        } catch (PlatformException e) {
            err.println("xenacpi inspect: " + e.getMessage());
            return UNUSABLE;
        }
        String name = input != null && input.getFileName() != null ? input.getFileName().toString()
                : (preset == null ? Preset.QEMU_VIRT : preset).id();
        Platform whole = new Platform(name, platform, descriptor);
        InspectText.print(whole, out);
        SimulationInput simulationInput = SimulationInput.of(whole);
        List<SimulationResult> simulations = Simulation.runAll(simulationInput, MappingStrategy.all());
        InspectText.printSimulations(simulations, out);
        try {
            InspectJson.write(whole, simulations, json);
        } catch (IOException e) {
            err.println("xenacpi inspect: cannot write " + json + ": " + e.getMessage());
            return UNUSABLE;
        }
        out.println("JSON (" + InspectJson.SCHEMA + ") written to " + json.toAbsolutePath().normalize());
        if (reportDir != null) {
            ConformanceReport report = ConformanceReport.of(whole, simulations, Instant.now());
            try {
                for (Path written : ReportWriter.write(report, reportDir)) {
                    out.println("Report written to " + written.toAbsolutePath().normalize());
                }
            } catch (IOException e) {
                err.println("xenacpi inspect: cannot write the report into " + reportDir + ": " + e.getMessage());
                return UNUSABLE;
            }
        }
        return OK;
    }
}
