package io.github.xenacpi.aml.interp;

import static io.github.xenacpi.aml.AmlTerm.integer;
import static io.github.xenacpi.aml.AmlTerm.op;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.source.FirmwareImage;
import io.github.xenacpi.acpi.source.RawTable;
import io.github.xenacpi.acpi.source.SourceFormat;
import io.github.xenacpi.acpi.source.TableOrigin;
import io.github.xenacpi.acpi.table.load.AcpiTables;
import io.github.xenacpi.aml.AmlOpcode;
import io.github.xenacpi.aml.AmlTerm;
import io.github.xenacpi.conformance.ConformanceCheck;
import io.github.xenacpi.conformance.Finding;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.PlatformDescriptor;
import io.github.xenacpi.platform.builder.OemIdentity;
import io.github.xenacpi.platform.builder.aml.DefinitionBlockBuilder;
import io.github.xenacpi.platform.builder.aml.TermListBuilder;
import io.github.xenacpi.platform.preset.Preset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Budgets charge work by the bytes it touches and check the object limit before a result is built, hold per
 * evaluation and per platform, and every stop is a finding naming the method and a loss of the platform's
 * completeness. Each AML here is builder-made; on the code before issue 18 the slow cases ran into the 10 s wall clock
 * (or completed, building objects past the limit) and no stop was a finding.
 */
class AmlBudgetTest {

    private static final AmlTerm NONE = new AmlTerm.NoTarget();
    private static final AmlTerm L0 = new AmlTerm.Local(0);
    private static final AmlTerm L1 = new AmlTerm.Local(1);
    private static final long FOUR_MIB = 4L << 20;

    private static Evaluation run(Consumer<TermListBuilder> content, String path) {
        return AmlInterpreterTest.interpreter(MemoryModel.zero(), Budget.DEFAULT, content)
                .evaluate(path);
    }

    /** {@code Local0 = Buffer (size) {}}. */
    private static Consumer<TermListBuilder> bigBuffer(long size) {
        return m -> m.store(new AmlTerm.BufferData(integer(size), new byte[0]), L0);
    }

    @Test
    void midOfAFourMebibyteBufferInALoopStopsOnTheStepsItTouchesNotTheWallClock() {
        // 160 bytes of AML: While (One) { Local1 = Mid (Local0, 0, 0x400000) } over a 4 MiB buffer. Each Mid
        // copied the whole buffer twice and counted one step: 3 min 10 s before the old wall clock ended it.
        Evaluation e = run(
                t -> t.method(
                        "MIDS",
                        0,
                        false,
                        m -> bigBuffer(FOUR_MIB)
                                .andThen(b -> b.whileDo(
                                        integer(1),
                                        w -> w.term(op(AmlOpcode.MID, L0, integer(0), integer(FOUR_MIB), L1))))
                                .accept(m)),
                "\\MIDS");
        assertThat(e.outcome()).isEqualTo(Evaluation.Outcome.BUDGET_EXCEEDED);
        assertThat(e.limit()).isIn(Budget.Limit.STEPS, Budget.Limit.MEMORY);
        assertThat(e.diagnostics().get(0).message()).contains("budget exceeded in \\MIDS");
    }

    @Test
    void toHexStringIsRefusedBeforeItBuildsATextPastTheObjectLimit() {
        // A 2 MiB buffer's hex text is 10 MiB, past the 4 MiB object limit: refused before it is built.
        Evaluation e = run(
                t -> t.method(
                        "HEX",
                        0,
                        false,
                        m -> bigBuffer(2L << 20)
                                .andThen(b -> b.returns(op(AmlOpcode.TO_HEX_STRING, L0, NONE)))
                                .accept(m)),
                "\\HEX");
        assertThat(e.outcome()).isEqualTo(Evaluation.Outcome.BUDGET_EXCEEDED);
        assertThat(e.limit()).isEqualTo(Budget.Limit.OBJECT_SIZE);
        assertThat(e.diagnostics().get(0).message()).contains("String of 10485759 bytes");
        Evaluation dec = run(
                t -> t.method(
                        "DEC",
                        0,
                        false,
                        m -> bigBuffer(2L << 20)
                                .andThen(b -> b.returns(op(AmlOpcode.TO_DECIMAL_STRING, L0, NONE)))
                                .accept(m)),
                "\\DEC");
        assertThat(dec.limit()).isEqualTo(Budget.Limit.OBJECT_SIZE);
    }

    @Test
    void objectsCreatedInOneEvaluationAreBoundedInAll() {
        // Each 4 MiB buffer is within the object limit; five of them in one evaluation are past its memory.
        AmlTerm pkg = new AmlTerm.Local(2);
        Evaluation e = run(
                t -> t.method(
                        "MANY",
                        0,
                        false,
                        m -> m.store(new AmlTerm.PackageData(integer(64), List.of(), false), pkg)
                                .store(integer(0), L1)
                                .whileDo(
                                        op(AmlOpcode.LLESS, L1, integer(64)),
                                        w -> w.store(
                                                        new AmlTerm.BufferData(integer(FOUR_MIB), new byte[0]),
                                                        op(AmlOpcode.INDEX, pkg, L1, NONE))
                                                .term(op(AmlOpcode.INCREMENT, L1)))),
                "\\MANY");
        assertThat(e.outcome()).isEqualTo(Evaluation.Outcome.BUDGET_EXCEEDED);
        assertThat(e.limit()).isEqualTo(Budget.Limit.MEMORY);
    }

    @Test
    void aLoopingStaIsAFindingNamingTheMethodAndALoss() {
        Platform p = withSsdt(t -> t.scope(
                "\\_SB",
                sb -> sb.device(
                        "DEV0", d -> d.hid("XACP0FF0").method("_STA", 0, false, m -> m.whileDo(integer(1), w -> {})))));
        assertThat(p.survey().budgetStops()).singleElement().satisfies(s -> {
            assertThat(s.evaluation()).isEqualTo("\\_SB.DEV0._STA");
            assertThat(s.method()).isEqualTo("\\_SB.DEV0._STA");
            assertThat(s.limit()).isEqualTo(Budget.Limit.STEPS);
        });
        List<Finding> budget = findings(p, "AML.BUDGET");
        assertThat(budget).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.table()).isEqualTo("SSDT");
            assertThat(f.offset()).isPositive();
            assertThat(f.path()).isEqualTo("\\_SB.DEV0._STA");
            assertThat(f.message()).contains("step budget exceeded in \\_SB.DEV0._STA");
        });
        assertThat(p.completeness().complete()).isFalse();
        assertThat(p.completeness().losses())
                .anySatisfy(l -> assertThat(l.reason()).contains("\\_SB.DEV0._STA"));
    }

    @Test
    void manyLoopingMethodsShareOnePlatformBudget() {
        // 60 devices whose _STA and _INI loop: 120 evaluations of 200,000 steps each; the platform's share
        // (10 evaluations' worth and 1,000 steps a node) ends them, and the evaluations after it are not run but
        // counted.
        Platform p = withSsdt(t -> t.scope("\\_SB", sb -> {
            for (int i = 0; i < 60; i++) {
                sb.device(
                        String.format("D%03d", i),
                        d -> d.hid("XACP0FF1")
                                .method("_INI", 0, false, m -> m.whileDo(integer(1), w -> {}))
                                .method("_STA", 0, false, m -> m.whileDo(integer(1), w -> {})));
            }
        }));
        List<BudgetStop> stops = p.survey().budgetStops();
        assertThat(stops.size()).isLessThan(20);
        BudgetStop last = stops.get(stops.size() - 1);
        assertThat(last.limit()).isEqualTo(Budget.Limit.PLATFORM_STEPS);
        assertThat(last.skipped()).isPositive();
        assertThat(findings(p, "AML.BUDGET")).hasSameSizeAs(stops);
        assertThat(findings(p, "AML.BUDGET").get(stops.size() - 1).message()).contains("later evaluations");
    }

    @Test
    void platformMemoryIsSharedByItsEvaluations() {
        // Each _INI creates a 4 MiB buffer: within each evaluation's memory, 96 MiB in all is past the platform's.
        Platform p = withSsdt(t -> t.scope("\\_SB", sb -> {
            for (int i = 0; i < 24; i++) {
                String name = String.format("B%03d", i);
                sb.name(name, integer(0));
                sb.device(
                        String.format("D%03d", i),
                        d -> d.hid("XACP0FF2")
                                .method(
                                        "_INI",
                                        0,
                                        false,
                                        m -> m.store(
                                                new AmlTerm.BufferData(integer(FOUR_MIB), new byte[0]),
                                                AmlTerm.name("\\_SB." + name))));
            }
        }));
        assertThat(p.survey().budgetStops())
                .anySatisfy(s -> assertThat(s.limit()).isEqualTo(Budget.Limit.PLATFORM_MEMORY));
    }

    @Test
    void realFirmwareStaysFarBelowThePlatformBudget() {
        Budget b = Budget.DEFAULT;
        assertThat(b.platformSteps(0)).isEqualTo(10 * b.maxSteps());
        assertThat(b.platformSteps(10_000)).isEqualTo(10 * b.maxSteps() + 10_000 * Budget.PLATFORM_STEPS_PER_NODE);
        assertThat(b.platformBytes(0)).isEqualTo(16 * b.maxObjectBytes());
        assertThat(b.platformWallClock()).isEqualTo(Duration.ofSeconds(30));
        assertThat(new Budget(Long.MAX_VALUE, 1, 1, Long.MAX_VALUE, Duration.ZERO).platformSteps(5))
                .isEqualTo(Long.MAX_VALUE);
        for (Preset preset : Preset.values()) {
            if (preset != Preset.HOSTILE) {
                assertThat(preset.platform().survey().budgetStops())
                        .as(preset.id())
                        .isEmpty();
            }
        }
    }

    private static List<Finding> findings(Platform p, String rule) {
        return ConformanceCheck.run(p).stream()
                .filter(f -> f.ruleId().equals(rule))
                .toList();
    }

    /** The server-ras preset with one more SSDT holding {@code content}. */
    static Platform withSsdt(Consumer<TermListBuilder> content) {
        FirmwareImage image = Preset.SERVER_RAS.image();
        List<RawTable> tables = new ArrayList<>(image.tables());
        int instance =
                (int) tables.stream().filter(t -> t.signature().equals("SSDT")).count() + 1;
        byte[] ssdt = DefinitionBlockBuilder.ssdt().content(content).build(OemIdentity.DEFAULT);
        tables.add(
                new RawTable("SSDT", instance, ssdt, new TableOrigin(Path.of("test"), SourceFormat.BUILDER, 0, 0, -1)));
        return new Platform(
                "hostile-ssdt",
                AcpiTables.load(new FirmwareImage(image.path(), image.format(), tables, image.diagnostics())),
                PlatformDescriptor.DEFAULT);
    }
}
