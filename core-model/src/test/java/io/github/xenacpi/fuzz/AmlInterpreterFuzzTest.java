package io.github.xenacpi.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.source.RawTable;
import io.github.xenacpi.aml.AmlTerm;
import io.github.xenacpi.aml.AmlValue;
import io.github.xenacpi.aml.LoadedNamespace;
import io.github.xenacpi.aml.interp.AmlInterpreter;
import io.github.xenacpi.aml.interp.Budget;
import io.github.xenacpi.aml.interp.Evaluation;
import io.github.xenacpi.aml.interp.MemoryModel;
import io.github.xenacpi.aml.parse.AmlLoader;
import io.github.xenacpi.platform.builder.OemIdentity;
import io.github.xenacpi.platform.builder.aml.DefinitionBlockBuilder;
import io.github.xenacpi.platform.builder.aml.FieldAccessType;
import io.github.xenacpi.platform.builder.aml.FieldUpdateRule;
import java.time.Duration;
import java.util.List;

/**
 * The AML interpreter on any method body: the input is the body of {@code \_SB.FUZ0.FUZZ (Arg0)} in a DSDT that also
 * holds a 64-byte buffer, a package, a SystemMemory OperationRegion with fields and a second method, so that fuzzed
 * code has objects to read, write, index, convert and call. The evaluation must end within its small budget with
 * findings only, however the bytes loop, recurse or grow objects (the slow inputs found are kept as regression
 * inputs: a budget stop must cost little).
 */
class AmlInterpreterFuzzTest {

    private static final Budget BUDGET = new Budget(20_000, 16, 128, 1L << 20, Duration.ofSeconds(2));

    @FuzzTest(maxDuration = "3m")
    void evaluatesAnyMethodBody(FuzzedDataProvider data) {
        long arg = data.consumeLong();
        byte[] body = data.consumeRemainingAsBytes();
        byte[] dsdt = DefinitionBlockBuilder.dsdt()
                .content(t -> t.scope(
                        "\\_SB",
                        sb -> sb.name("BUF0", new AmlTerm.BufferData(new AmlTerm.IntegerConst(64), new byte[] {1, 2, 3
                                }))
                                .name(
                                        "PKG0",
                                        new AmlTerm.PackageData(
                                                new AmlTerm.IntegerConst(4),
                                                List.of(new AmlTerm.IntegerConst(7), new AmlTerm.StringConst("PKG")),
                                                false))
                                .operationRegion(
                                        "REG0",
                                        AddressSpace.SYSTEM_MEMORY,
                                        new AmlTerm.IntegerConst(0x1000_0000L),
                                        new AmlTerm.IntegerConst(0x100))
                                .field(
                                        "REG0",
                                        FieldAccessType.DWORD,
                                        false,
                                        FieldUpdateRule.PRESERVE,
                                        f -> f.unit("FLD0", 32).unit("FLD1", 32))
                                .method("HELP", 1, false, m -> m.returns(new AmlTerm.Arg(0)))
                                .device("FUZ0", d -> d.method("FUZZ", 1, false, m -> m.raw(body)))))
                .build(OemIdentity.DEFAULT);
        List<RawTable> blocks = List.of(FuzzChecks.raw("DSDT", dsdt));
        LoadedNamespace loaded = AmlLoader.load(blocks);
        FuzzChecks.wellFormed(loaded.diagnostics());
        AmlInterpreter interp = new AmlInterpreter(loaded, blocks, MemoryModel.zero(), BUDGET);
        Evaluation e = interp.evaluate("\\_SB.FUZ0.FUZZ", new AmlValue.Int(arg));
        FuzzChecks.wellFormed(e.diagnostics());
        if (e.outcome() == Evaluation.Outcome.BUDGET_EXCEEDED
                && interp.budgetStops().isEmpty()) {
            throw new IllegalStateException("a budget stop that is not recorded: " + e.diagnostics());
        }
        FuzzChecks.wellFormed(interp.undecodableMethodBodies());
    }
}
