package io.github.xenacpi.inspect;

import io.github.xenacpi.acpi.AcpiException;
import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.source.FirmwareImage;
import io.github.xenacpi.acpi.source.FirmwareSource;
import io.github.xenacpi.acpi.table.AcpiTables;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.TableHeader;
import io.github.xenacpi.aml.NamespaceCounts;
import io.github.xenacpi.aml.NamespaceSurvey;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.PlatformDescriptor;
import io.github.xenacpi.platform.PlatformDescriptorReader;
import io.github.xenacpi.platform.PlatformException;
import io.github.xenacpi.platform.preset.Preset;
import io.github.xenacpi.report.ConformanceReport;
import io.github.xenacpi.report.ReportWriter;
import io.github.xenacpi.simulation.OutcomeResult;
import io.github.xenacpi.simulation.Simulation;
import io.github.xenacpi.simulation.SimulationCosts;
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
    interface Opener {
        FirmwareImage open(Path path) throws AcpiException;
    }

    private final Opener opener;

    InspectCommand(Opener opener) {
        this.opener = opener;
    }

    public static void main(String[] args) {
        int status = new InspectCommand(FirmwareSource::open).run(args, System.out, System.err);
        if (status != OK) {
            System.exit(status);
        }
    }

    /** Runs the command; returns the exit status. A bug of ours is one line on {@code err}, status 1. */
    int run(String[] args, PrintStream out, PrintStream err) {
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
            descriptor = input == null ? PlatformDescriptor.DEFAULT : PlatformDescriptorReader.besides(input);
        } catch (PlatformException e) {
            err.println("xenacpi inspect: " + e.getMessage());
            return UNUSABLE;
        }
        String name = input != null && input.getFileName() != null ? input.getFileName().toString()
                : (preset == null ? Preset.QEMU_VIRT : preset).id();
        Platform whole = new Platform(name, platform, descriptor);
        print(whole, out);
        SimulationInput simulationInput = SimulationInput.of(whole);
        List<SimulationResult> simulations = MappingStrategy.all().stream()
                .map(s -> Simulation.run(simulationInput, s)).toList();
        printSimulations(simulations, out);
        try {
            InspectJson.write(whole, simulations, json);
        } catch (IOException e) {
            err.println("xenacpi inspect: cannot write " + json + ": " + e.getMessage());
            return UNUSABLE;
        }
        out.println("JSON (" + InspectJson.SCHEMA + ") written to " + json.toAbsolutePath().normalize());
        if (reportDir != null) {
            ConformanceReport report = ConformanceReport.of(whole, simulations, InspectJson::of, Instant.now());
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

    /** The text report: one line per table, per region, per diagnostic, and the namespace's counts. */
    static void print(Platform whole, PrintStream out) {
        AcpiTables platform = whole.tables();
        FirmwareImage image = platform.image();
        out.printf("Source: %s (%s)%n", image.path(), image.format());
        out.printf("Tables: %d%n", platform.all().size());
        for (LoadedTable t : platform.all()) {
            TableHeader h = t.header();
            out.printf("  %-4s #%d  length %6d  rev %d  checksum %s  OEM %-6s %-8s rev 0x%08X  creator %-4s"
                            + " 0x%08X  regions %d%s%n", t.signature(), t.instance(), h.length(), h.revision(),
                    t.checksumValid() ? "ok " : "BAD", h.oemId(), h.oemTableId(), h.oemRevision(), h.creatorId(),
                    h.creatorRevision(), t.regions().size(), t.isDecoded() ? "" : "  (not decoded)");
        }
        NamespaceCounts counts = whole.namespace().namespace().counts();
        NamespaceSurvey survey = whole.survey();
        out.printf("Namespace: %d objects, %d devices (%d enumerated), %d methods, %d OperationRegions"
                        + " (%d resolved, %d touched at boot), %d AML accesses at boot%n", counts.objects(),
                counts.devices(), survey.enumeratedDevices().size(), counts.methods(), counts.operationRegions(),
                survey.operationRegions().stream().filter(NamespaceSurvey.RegionInfo::resolved).count(),
                survey.operationRegions().stream().filter(NamespaceSurvey.RegionInfo::touchedAtBoot).count(),
                survey.bootAccesses().size());
        List<DescribedRegion> regions = whole.regions();
        long memory = regions.stream().filter(DescribedRegion::isDeviceMemory).count();
        out.printf("Regions: %d (%d in system memory)%n", regions.size(), memory);
        for (DescribedRegion r : regions) {
            out.printf("  %-22s %-14s %s..%s  length %-12s %s#%d  %s%n", r.kind(), r.space(), hex16(r.base()),
                    r.length() == 0 ? "(empty)" : hex16(r.lastByte()), InspectJson.hex(r.length()), r.table(),
                    r.instance(), r.path());
        }
        List<Diagnostic> diagnostics = whole.diagnostics();
        out.printf("Diagnostics: %d (%d errors, %d warnings)%n", diagnostics.size(),
                count(diagnostics, Severity.ERROR), count(diagnostics, Severity.WARNING));
        for (Diagnostic d : diagnostics) {
            out.println("  " + d);
        }
    }

    /** One line per strategy: verdict, what went wrong, and the costs. */
    static void printSimulations(List<SimulationResult> simulations, PrintStream out) {
        if (simulations.isEmpty()) {
            return;
        }
        SimulationResult first = simulations.get(0);
        out.printf("Dom0 boot under Xen %s, Linux %s, SMMU %s (xenacpi.json beside the tables changes these):%n",
                first.xen(), first.linux(), first.smmu().id());
        out.printf("  %-22s %-9s %7s %11s %6s %6s %11s %7s %10s %9s%n", "strategy", "verdict", "aborts",
                "dma-faults", "lost", "denied", "hypercalls", "faults", "p2m-pages", "est-us");
        for (SimulationResult r : simulations) {
            SimulationCosts c = r.costs();
            out.printf("  %-22s %-9s %7d %11d %6d %6d %11d %7d %10d %9d%n", r.strategy(), r.verdict(),
                    r.withResult(OutcomeResult.DOM0_ABORT).size(), r.withResult(OutcomeResult.DMA_FAULT).size(),
                    r.withResult(OutcomeResult.FEATURE_LOST).size(), r.withResult(OutcomeResult.DENIED).size(),
                    c.hypercalls(), c.stage2Faults(), c.p2mTablePages(), c.estimatedMicros());
        }
        for (SimulationResult r : simulations) {
            r.withResult(OutcomeResult.DOM0_ABORT).stream()
                    .map(o -> o.event().kind() + " via " + o.event().function()).distinct().limit(5)
                    .forEach(what -> out.printf("  %s aborts Dom0 on %s%n", r.strategy(), what));
        }
    }

    private static long count(List<Diagnostic> diagnostics, Severity severity) {
        return diagnostics.stream().filter(d -> d.severity() == severity).count();
    }

    private static String hex16(long v) {
        return String.format("0x%016X", v);
    }
}
