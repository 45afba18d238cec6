package io.github.xenacpi.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.source.FirmwareImage;
import io.github.xenacpi.acpi.source.RawTable;
import io.github.xenacpi.acpi.table.load.AcpiTables;
import io.github.xenacpi.aml.interp.BudgetStop;
import io.github.xenacpi.conformance.ConformanceCheck;
import io.github.xenacpi.conformance.Finding;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.PlatformDescriptor;
import io.github.xenacpi.platform.preset.Preset;
import io.github.xenacpi.simulation.Simulation;
import io.github.xenacpi.simulation.SimulationInput;
import io.github.xenacpi.strategy.MappingStrategy;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole platform whose DSDT is damaged: the input's first bytes pick up to eight offsets of the server-ras preset's
 * DSDT and the values written there (the checksum is then fixed, so only the AML is wrong), or, when it says so,
 * replace the DSDT's AML outright. The platform is built and checked, and simulated under every strategy when it is
 * complete; every AML load error and every budget stop must be a finding, and a platform whose AML did not load must
 * not be complete.
 */
class PlatformDamageFuzzTest {

    private static final FirmwareImage IMAGE = Preset.SERVER_RAS.image();

    @FuzzTest(maxDuration = "3m")
    void damagedDsdtIsReportedAndNeverComplete(FuzzedDataProvider data) {
        byte[] dsdt = null;
        for (RawTable t : IMAGE.tables()) {
            if (t.signature().equals("DSDT")) {
                dsdt = t.bytes();
            }
        }
        if (data.consumeBoolean()) {
            byte[] aml = data.consumeBytes(4096);
            byte[] whole = java.util.Arrays.copyOf(dsdt, 36 + aml.length);
            System.arraycopy(aml, 0, whole, 36, aml.length);
            for (int i = 0; i < 4; i++) {
                whole[4 + i] = (byte) (whole.length >>> (8 * i));
            }
            dsdt = whole;
        } else {
            int changes = data.consumeInt(1, 8);
            for (int i = 0; i < changes; i++) {
                dsdt[data.consumeInt(36, dsdt.length - 1)] = data.consumeByte();
            }
        }
        dsdt[9] = 0;
        int sum = 0;
        for (byte b : dsdt) {
            sum += b;
        }
        dsdt[9] = (byte) -sum;
        List<RawTable> tables = new ArrayList<>();
        for (RawTable t : IMAGE.tables()) {
            tables.add(t.signature().equals("DSDT") ? new RawTable("DSDT", 1, dsdt, t.origin()) : t);
        }
        Platform p = new Platform(
                "fuzz",
                AcpiTables.load(new FirmwareImage(IMAGE.path(), IMAGE.format(), tables, IMAGE.diagnostics())),
                PlatformDescriptor.DEFAULT);
        FuzzChecks.wellFormed(p.diagnostics());
        List<Finding> findings = ConformanceCheck.run(p);
        for (Diagnostic d : p.namespace().diagnostics()) {
            // Reported as AML.LOAD, or by a table rule at the same byte (a length field past the bytes present).
            boolean reported = findings.stream()
                    .anyMatch(f -> (f.ruleId().equals("AML.LOAD") && f.message().equals(d.message()))
                            || (f.offset() == d.offset() && f.table().equals(d.table())));
            if (!reported) {
                throw new IllegalStateException("an AML load diagnostic with no finding: " + d);
            }
            if (d.severity() == Severity.ERROR
                    && !d.message().contains("AE_ALREADY_EXISTS")
                    && p.completeness().complete()) {
                throw new IllegalStateException("AML did not load but the platform is complete: " + d);
            }
        }
        for (BudgetStop s : p.survey().budgetStops()) {
            if (findings.stream()
                    .noneMatch(
                            f -> f.ruleId().equals("AML.BUDGET") && f.message().equals(s.message()))) {
                throw new IllegalStateException("a budget stop with no finding: " + s.message());
            }
        }
        if (p.completeness().complete()) {
            // Only a complete platform's verdicts stand; simulating the others too made the target ten times slower.
            Simulation.runAll(SimulationInput.of(p), MappingStrategy.all());
        }
    }
}
