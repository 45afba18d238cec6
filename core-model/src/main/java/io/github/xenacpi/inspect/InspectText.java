package io.github.xenacpi.inspect;

import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.source.FirmwareImage;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.layout.TableHeader;
import io.github.xenacpi.acpi.table.load.AcpiTables;
import io.github.xenacpi.aml.NamespaceCounts;
import io.github.xenacpi.aml.survey.NamespaceSurvey;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.simulation.OutcomeResult;
import io.github.xenacpi.simulation.SimulationCosts;
import io.github.xenacpi.simulation.SimulationResult;
import java.io.PrintStream;
import java.util.List;

/**
 * The inspect front ends' text rendering of a platform: its tables, regions, diagnostics and namespace counts,
 * and one line per strategy of its simulated Dom0 boot.
 */
public final class InspectText {

    private InspectText() {}

    /** The text report: one line per table, per region, per diagnostic, and the namespace's counts. */
    public static void print(Platform whole, PrintStream out) {
        AcpiTables platform = whole.tables();
        FirmwareImage image = platform.image();
        out.printf("Source: %s (%s)%n", image.path(), image.format());
        out.printf("Tables: %d%n", platform.all().size());
        for (LoadedTable t : platform.all()) {
            TableHeader h = t.header();
            out.printf(
                    "  %-4s #%d  length %6d  rev %d  checksum %s  OEM %-6s %-8s rev 0x%08X  creator %-4s"
                            + " 0x%08X  regions %d%s%n",
                    t.signature(),
                    t.instance(),
                    h.length(),
                    h.revision(),
                    t.checksumValid() ? "ok " : "BAD",
                    h.oemId(),
                    h.oemTableId(),
                    h.oemRevision(),
                    h.creatorId(),
                    h.creatorRevision(),
                    t.regions().size(),
                    t.isDecoded() ? "" : "  (not decoded)");
        }
        NamespaceCounts counts = whole.namespace().namespace().counts();
        NamespaceSurvey survey = whole.survey();
        out.printf(
                "Namespace: %d objects, %d devices (%d enumerated), %d methods, %d OperationRegions"
                        + " (%d resolved, %d touched at boot), %d AML accesses at boot%n",
                counts.objects(),
                counts.devices(),
                survey.enumeratedDevices().size(),
                counts.methods(),
                counts.operationRegions(),
                survey.operationRegions().stream()
                        .filter(NamespaceSurvey.RegionInfo::resolved)
                        .count(),
                survey.operationRegions().stream()
                        .filter(NamespaceSurvey.RegionInfo::touchedAtBoot)
                        .count(),
                survey.bootAccesses().size());
        List<DescribedRegion> regions = whole.regions();
        long memory = regions.stream().filter(DescribedRegion::isDeviceMemory).count();
        out.printf("Regions: %d (%d in system memory)%n", regions.size(), memory);
        for (DescribedRegion r : regions) {
            out.printf(
                    "  %-22s %-14s %s..%s  length %-12s %s#%d  %s%n",
                    r.kind(),
                    r.space(),
                    hex16(r.base()),
                    r.length() == 0 ? "(empty)" : hex16(r.lastByte()),
                    InspectJson.hex(r.length()),
                    r.table(),
                    r.instance(),
                    r.path());
        }
        List<Diagnostic> diagnostics = whole.diagnostics();
        out.printf(
                "Diagnostics: %d (%d errors, %d warnings)%n",
                diagnostics.size(), count(diagnostics, Severity.ERROR), count(diagnostics, Severity.WARNING));
        for (Diagnostic d : diagnostics) {
            out.println("  " + d);
        }
    }

    /** One line per strategy: verdict, what went wrong, and the costs. */
    public static void printSimulations(List<SimulationResult> simulations, PrintStream out) {
        if (simulations.isEmpty()) {
            return;
        }
        SimulationResult first = simulations.get(0);
        out.printf(
                "Dom0 boot under Xen %s, Linux %s, SMMU %s (xenacpi.json beside the tables changes these):%n",
                first.xen(), first.linux(), first.smmu().id());
        out.printf(
                "  %-22s %-9s %7s %11s %6s %6s %11s %7s %10s %9s%n",
                "strategy",
                "verdict",
                "aborts",
                "dma-faults",
                "lost",
                "denied",
                "hypercalls",
                "faults",
                "p2m-pages",
                "est-us");
        for (SimulationResult r : simulations) {
            SimulationCosts c = r.costs();
            out.printf(
                    "  %-22s %-9s %7d %11d %6d %6d %11d %7d %10d %9d%n",
                    r.strategy(),
                    r.verdict(),
                    r.withResult(OutcomeResult.DOM0_ABORT).size(),
                    r.withResult(OutcomeResult.DMA_FAULT).size(),
                    r.withResult(OutcomeResult.FEATURE_LOST).size(),
                    r.withResult(OutcomeResult.DENIED).size(),
                    c.hypercalls(),
                    c.stage2Faults(),
                    c.p2mTablePages(),
                    c.estimatedMicros());
        }
        for (SimulationResult r : simulations) {
            r.withResult(OutcomeResult.DOM0_ABORT).stream()
                    .map(o -> o.event().kind() + " via " + o.event().function())
                    .distinct()
                    .limit(5)
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
