package io.github.xenacpi.aml.interp;

import static io.github.xenacpi.aml.AmlTerm.call;
import static io.github.xenacpi.aml.AmlTerm.integer;
import static io.github.xenacpi.aml.AmlTerm.name;
import static io.github.xenacpi.aml.AmlTerm.op;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.aml.AmlOpcode;
import io.github.xenacpi.aml.AmlTerm;
import io.github.xenacpi.aml.AmlValue;
import io.github.xenacpi.aml.parse.BodyParser;
import io.github.xenacpi.platform.builder.aml.TermListBuilder;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Hostile AML always ends in a finding within the budget: no hang, no stack overflow, no OutOfMemoryError. */
class AmlInterpreterHostileTest {

    private static Evaluation run(Budget budget, Consumer<TermListBuilder> content, String path) {
        return AmlInterpreterTest.interpreter(MemoryModel.zero(), budget, content)
                .evaluate(path);
    }

    private static void assertBudget(Evaluation e, Budget.Limit limit, String method) {
        assertThat(e.outcome()).isEqualTo(Evaluation.Outcome.BUDGET_EXCEEDED);
        assertThat(e.limit()).isEqualTo(limit);
        assertThat(e.diagnostics()).hasSize(1);
        assertThat(e.diagnostics().get(0).message()).contains(limit.label() + " budget exceeded in " + method);
    }

    /** {@code Add (Add (... Add (Zero, One) ..., One), One)} with {@code adds} Adds. */
    private static AmlTerm addChain(int adds) {
        AmlTerm t = integer(0);
        for (int i = 0; i < adds; i++) {
            t = op(AmlOpcode.ADD, t, integer(1), new AmlTerm.NoTarget());
        }
        return t;
    }

    @Test
    void aTooDeepTermInABranchNotTakenLeavesTheNestingLimitOfLaterStatementsAsItWas() {
        // Return is level 1, the Adds levels 2 to 127, the innermost Zero and One level 128: the deepest that parses.
        int deepest = BodyParser.MAX_DEPTH - 2;
        Evaluation alone =
                run(Budget.DEFAULT, t -> t.method("TST", 0, false, m -> m.returns(addChain(deepest))), "\\TST");
        assertThat(alone.outcome()).as(alone.diagnostics().toString()).isEqualTo(Evaluation.Outcome.COMPLETED);
        assertThat(alone.value()).isEqualTo(new AmlValue.Int(deepest));

        Evaluation afterFault = run(
                Budget.DEFAULT,
                t -> t.method(
                        "TST",
                        0,
                        false,
                        m -> m.ifThen(
                                        integer(0),
                                        b -> b.store(addChain(BodyParser.MAX_DEPTH + 10), new AmlTerm.Local(0)))
                                .returns(addChain(deepest))),
                "\\TST");
        assertThat(afterFault.outcome())
                .as(afterFault.diagnostics().toString())
                .isEqualTo(Evaluation.Outcome.COMPLETED);
        assertThat(afterFault.value()).isEqualTo(new AmlValue.Int(deepest));
    }

    @Test
    void infiniteWhileLoopRunsOutOfSteps() {
        Evaluation e = run(
                Budget.DEFAULT,
                t -> t.scope("\\_SB", sb -> sb.method("LOOP", 0, false, m -> m.whileDo(integer(1), w -> {}))),
                "\\_SB.LOOP");
        assertBudget(e, Budget.Limit.STEPS, "\\_SB.LOOP");
    }

    @Test
    void infiniteLoopWithAGenerousStepBudgetRunsOutOfTime() {
        Budget b = new Budget(Long.MAX_VALUE, 32, 400, 1 << 20, Duration.ofMillis(200));
        Evaluation e = run(b, t -> t.method("LOOP", 0, false, m -> m.whileDo(integer(1), w -> {})), "\\LOOP");
        assertBudget(e, Budget.Limit.WALL_CLOCK, "\\LOOP");
    }

    @Test
    void unboundedRecursionRunsOutOfCallDepth() {
        assertBudget(
                AmlInterpreterTest.interpreter(
                                MemoryModel.zero(),
                                Budget.DEFAULT,
                                t -> t.method(
                                        "RECU",
                                        1,
                                        false,
                                        m -> m.returns(call(
                                                "RECU",
                                                op(
                                                        AmlOpcode.ADD,
                                                        new AmlTerm.Arg(0),
                                                        integer(1),
                                                        new AmlTerm.NoTarget())))))
                        .evaluate("\\RECU", new AmlValue.Int(0)),
                Budget.Limit.CALL_DEPTH,
                "\\RECU");
    }

    @Test
    void deepRecursionWithALargeCallDepthHitsTheNestingLimitNotTheJavaStack() {
        Budget b = new Budget(10_000_000, 100_000, 400, 1 << 20, Duration.ofSeconds(5));
        Evaluation e = AmlInterpreterTest.interpreter(
                        MemoryModel.zero(),
                        b,
                        t -> t.method(
                                "RECU",
                                0,
                                false,
                                m -> m.returns(op(AmlOpcode.ADD, call("RECU"), integer(1), new AmlTerm.NoTarget()))))
                .evaluate("\\RECU");
        assertThat(e.outcome()).isEqualTo(Evaluation.Outcome.BUDGET_EXCEEDED);
        assertThat(e.limit()).isEqualTo(Budget.Limit.NESTING);
    }

    @Test
    void hugeBufferIsRefusedBeforeAllocation() {
        Evaluation e = run(
                Budget.DEFAULT,
                t -> t.method(
                        "BIG", 0, false, m -> m.returns(new AmlTerm.BufferData(integer(0xFFFF_FFFFL), new byte[0]))),
                "\\BIG");
        assertBudget(e, Budget.Limit.OBJECT_SIZE, "\\BIG");
        Evaluation pkg = run(
                Budget.DEFAULT,
                t -> t.method(
                        "PKG",
                        0,
                        false,
                        m -> m.returns(new AmlTerm.PackageData(
                                op(AmlOpcode.SUBTRACT, integer(0), integer(1), new AmlTerm.NoTarget()),
                                List.of(),
                                true))),
                "\\PKG");
        assertBudget(pkg, Budget.Limit.OBJECT_SIZE, "\\PKG");
    }

    @Test
    void growingStringInALoopIsStopped() {
        AmlTerm l0 = new AmlTerm.Local(0);
        Evaluation e = run(
                Budget.DEFAULT,
                t -> t.method(
                        "GROW",
                        0,
                        false,
                        m -> m.store(AmlTerm.string("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"), l0)
                                .whileDo(integer(1), w -> w.term(op(AmlOpcode.CONCATENATE, l0, l0, l0)))),
                "\\GROW");
        assertBudget(e, Budget.Limit.OBJECT_SIZE, "\\GROW");
    }

    @Test
    void deepPackageNestingEndsInAFinding() {
        AmlTerm p = integer(1);
        for (int i = 0; i < 100; i++) {
            p = AmlTerm.pack(p);
        }
        AmlTerm deep = p;
        AmlInterpreter i = AmlInterpreterTest.interpreter(
                t -> t.name("DEEP", deep).method("GET", 0, false, m -> m.returns(name("DEEP"))));
        Evaluation e = i.evaluate("\\GET");
        assertThat(e.outcome()).isIn(Evaluation.Outcome.COMPLETED, Evaluation.Outcome.BUDGET_EXCEEDED);
        Budget tight = new Budget(100_000, 32, 50, 1 << 20, Duration.ofSeconds(2));
        Evaluation limited = AmlInterpreterTest.interpreter(MemoryModel.zero(), tight, t -> t.name("DEEP", deep))
                .evaluate("\\DEEP");
        assertThat(limited.limit()).isEqualTo(Budget.Limit.NESTING);
    }

    @Test
    void packageNestingGrownAtRunTimeEndsWithinTheBudget() {
        AmlTerm l0 = new AmlTerm.Local(0);
        Budget b = new Budget(20_000, 32, 400, 1 << 20, Duration.ofSeconds(5));
        Evaluation e = AmlInterpreterTest.interpreter(
                        MemoryModel.zero(),
                        b,
                        t -> t.method(
                                "NEST",
                                0,
                                false,
                                m -> m.store(integer(0), l0).whileDo(integer(1), w -> w.store(AmlTerm.pack(l0), l0))))
                .evaluate("\\NEST");
        assertThat(e.outcome()).isEqualTo(Evaluation.Outcome.BUDGET_EXCEEDED);
    }

    @Test
    void nameResolvingToItselfIsAnError() {
        AmlInterpreter i = AmlInterpreterTest.interpreter(
                t -> t.name("AAAA", name("BBBB")).name("BBBB", name("AAAA")).name("SELF", name("SELF")));
        for (String path : List.of("\\AAAA", "\\SELF")) {
            Evaluation e = i.evaluate(path);
            assertThat(e.outcome()).as(path).isEqualTo(Evaluation.Outcome.ERROR);
            assertThat(e.diagnostics().get(0).message()).contains("resolves to itself");
        }
    }

    @Test
    void aliasCycleIsAnError() {
        AmlInterpreter i = AmlInterpreterTest.interpreter(t ->
                t.alias("\\AL2", "AL1").alias("\\AL1", "AL2").method("TST", 0, false, m -> m.returns(name("AL1"))));
        Evaluation e = i.evaluate("\\TST");
        assertThat(e.outcome()).isEqualTo(Evaluation.Outcome.ERROR);
    }

    @Test
    void unknownOpcodeInAMethodBodyIsAnError() {
        AmlInterpreter i = AmlInterpreterTest.interpreter(t -> t.method(
                "BAD", 0, false, m -> m.raw(new byte[] {(byte) 0x70, 0x01, 0x60, (byte) 0x5B, (byte) 0xFE, 0x00})));
        Evaluation e = i.evaluate("\\BAD");
        assertThat(e.outcome()).isEqualTo(Evaluation.Outcome.ERROR);
        assertThat(e.diagnostics().get(0).message()).contains("unknown or misplaced extended opcode 0x5B 0xFE");
    }

    @Test
    void truncatedMethodBodyIsAnError() {
        AmlInterpreter i = AmlInterpreterTest.interpreter(t ->
                t.method("CUT", 0, false, m -> m.raw(new byte[] {(byte) 0x72, 0x01})));
        assertThat(i.evaluate("\\CUT").outcome()).isEqualTo(Evaluation.Outcome.ERROR);
    }
}
