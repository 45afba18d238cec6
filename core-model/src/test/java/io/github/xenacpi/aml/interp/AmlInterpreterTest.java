package io.github.xenacpi.aml.interp;

import static io.github.xenacpi.aml.AmlTerm.call;
import static io.github.xenacpi.aml.AmlTerm.integer;
import static io.github.xenacpi.aml.AmlTerm.name;
import static io.github.xenacpi.aml.AmlTerm.op;
import static io.github.xenacpi.aml.AmlTerm.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.source.RawTable;
import io.github.xenacpi.aml.AmlFixtures;
import io.github.xenacpi.aml.AmlOpcode;
import io.github.xenacpi.aml.AmlTerm;
import io.github.xenacpi.aml.AmlValue;
import io.github.xenacpi.aml.parse.AmlLoader;
import io.github.xenacpi.platform.builder.OemIdentity;
import io.github.xenacpi.platform.builder.aml.DefinitionBlockBuilder;
import io.github.xenacpi.platform.builder.aml.FieldAccessType;
import io.github.xenacpi.platform.builder.aml.FieldUpdateRule;
import io.github.xenacpi.platform.builder.aml.ResourceTemplateBuilder;
import io.github.xenacpi.platform.builder.aml.TermListBuilder;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The interpreter on AML written by the builder: operators, control flow, calls, buffers, fields, regions. */
class AmlInterpreterTest {

    private static final AmlTerm NONE = new AmlTerm.NoTarget();
    private static final AmlTerm L0 = new AmlTerm.Local(0);
    private static final AmlTerm L1 = new AmlTerm.Local(1);
    private static final AmlTerm A0 = new AmlTerm.Arg(0);

    static AmlInterpreter interpreter(MemoryModel memory, Budget budget, Consumer<TermListBuilder> content) {
        return interpreter(memory, budget, 2, content);
    }

    static AmlInterpreter interpreter(
            MemoryModel memory, Budget budget, int revision, Consumer<TermListBuilder> content) {
        byte[] dsdt = DefinitionBlockBuilder.dsdt()
                .revision(revision)
                .content(content)
                .build(OemIdentity.DEFAULT);
        List<RawTable> raws = AmlFixtures.raws(dsdt);
        return new AmlInterpreter(AmlLoader.load(raws), raws, memory, budget);
    }

    static AmlInterpreter interpreter(Consumer<TermListBuilder> content) {
        return interpreter(MemoryModel.zero(), Budget.DEFAULT, content);
    }

    /** The value of {@code Method (\TST) { Return (expr) }}. */
    private static AmlValue value(AmlTerm expr) {
        Evaluation e = interpreter(t -> t.method("TST", 0, false, m -> m.returns(expr)))
                .evaluate("\\TST");
        assertThat(e.outcome()).as(e.diagnostics().toString()).isEqualTo(Evaluation.Outcome.COMPLETED);
        return e.value();
    }

    static Stream<Arguments> integerExpressions() {
        return Stream.of(
                Arguments.of(op(AmlOpcode.ADD, integer(40), integer(2), NONE), 42L),
                Arguments.of(op(AmlOpcode.SUBTRACT, integer(2), integer(3), NONE), -1L),
                Arguments.of(op(AmlOpcode.MULTIPLY, integer(6), integer(7), NONE), 42L),
                Arguments.of(op(AmlOpcode.DIVIDE, integer(85), integer(2), NONE, NONE), 42L),
                Arguments.of(op(AmlOpcode.MOD, integer(85), integer(43), NONE), 42L),
                Arguments.of(op(AmlOpcode.SHIFT_LEFT, integer(21), integer(1), NONE), 42L),
                Arguments.of(op(AmlOpcode.SHIFT_RIGHT, integer(84), integer(1), NONE), 42L),
                Arguments.of(op(AmlOpcode.SHIFT_LEFT, integer(1), integer(64), NONE), 0L),
                Arguments.of(op(AmlOpcode.AND, integer(0xFF), integer(0x2A), NONE), 42L),
                Arguments.of(op(AmlOpcode.OR, integer(0x28), integer(0x02), NONE), 42L),
                Arguments.of(op(AmlOpcode.XOR, integer(0x2B), integer(1), NONE), 42L),
                Arguments.of(op(AmlOpcode.NAND, integer(-1L), integer(-1L), NONE), 0L),
                Arguments.of(op(AmlOpcode.NOR, integer(0), integer(0), NONE), -1L),
                Arguments.of(op(AmlOpcode.NOT, integer(0), NONE), -1L),
                Arguments.of(op(AmlOpcode.FIND_SET_LEFT_BIT, integer(0x80), NONE), 8L),
                Arguments.of(op(AmlOpcode.FIND_SET_RIGHT_BIT, integer(0x80), NONE), 8L),
                Arguments.of(op(AmlOpcode.FIND_SET_LEFT_BIT, integer(0), NONE), 0L),
                Arguments.of(op(AmlOpcode.LAND, integer(1), integer(2)), -1L),
                Arguments.of(op(AmlOpcode.LOR, integer(0), integer(0)), 0L),
                Arguments.of(op(AmlOpcode.LNOT, integer(0)), -1L),
                Arguments.of(op(AmlOpcode.LEQUAL, string("ab"), string("ab")), -1L),
                Arguments.of(op(AmlOpcode.LGREATER, integer(3), integer(2)), -1L),
                Arguments.of(op(AmlOpcode.LLESS, integer(3), integer(2)), 0L),
                Arguments.of(op(AmlOpcode.LNOT, op(AmlOpcode.LEQUAL, integer(1), integer(2))), -1L),
                Arguments.of(op(AmlOpcode.TO_INTEGER, string("0x2A"), NONE), 42L),
                Arguments.of(op(AmlOpcode.TO_INTEGER, string("42"), NONE), 42L),
                Arguments.of(op(AmlOpcode.TO_INTEGER, AmlTerm.buffer(new byte[] {0x2A, 0}), NONE), 42L),
                Arguments.of(op(AmlOpcode.SIZE_OF, string("hello")), 5L),
                Arguments.of(op(AmlOpcode.FROM_BCD, integer(0x42), NONE), 42L),
                Arguments.of(op(AmlOpcode.TO_BCD, integer(42), NONE), 0x42L),
                Arguments.of(
                        op(
                                AmlOpcode.DEREF_OF,
                                op(AmlOpcode.INDEX, AmlTerm.pack(integer(7), integer(42)), integer(1), NONE)),
                        42L),
                Arguments.of(
                        op(
                                AmlOpcode.MATCH,
                                AmlTerm.pack(integer(1), integer(5), integer(9)),
                                integer(1),
                                integer(9),
                                integer(0),
                                integer(0),
                                integer(0)),
                        2L),
                Arguments.of(
                        op(
                                AmlOpcode.MATCH,
                                AmlTerm.pack(integer(1)),
                                integer(1),
                                integer(9),
                                integer(0),
                                integer(0),
                                integer(0)),
                        -1L),
                Arguments.of(op(AmlOpcode.OBJECT_TYPE, name("\\_OS")), 2L),
                Arguments.of(op(AmlOpcode.ACQUIRE, name("\\_GL"), integer(0xFFFF)), 0L));
    }

    @ParameterizedTest
    @MethodSource("integerExpressions")
    void integerOperators(AmlTerm expr, long expected) {
        assertThat(value(expr)).isEqualTo(new AmlValue.Int(expected));
    }

    static Stream<Arguments> stringExpressions() {
        return Stream.of(
                Arguments.of(op(AmlOpcode.CONCATENATE, string("PNP"), string("0A08"), NONE), "PNP0A08"),
                Arguments.of(op(AmlOpcode.TO_HEX_STRING, integer(0x2A), NONE), "0x2A"),
                Arguments.of(op(AmlOpcode.TO_DECIMAL_STRING, integer(42), NONE), "42"),
                Arguments.of(op(AmlOpcode.MID, string("ABCDEF"), integer(1), integer(3), NONE), "BCD"),
                Arguments.of(
                        op(AmlOpcode.TO_STRING, AmlTerm.buffer(new byte[] {'h', 'i', 0, 'x'}), integer(-1L), NONE),
                        "hi"));
    }

    @ParameterizedTest
    @MethodSource("stringExpressions")
    void stringOperators(AmlTerm expr, String expected) {
        assertThat(value(expr)).isEqualTo(new AmlValue.Str(expected));
    }

    @Test
    void buffersConcatenateAndConvert() {
        assertThat(value(op(
                        AmlOpcode.CONCATENATE, AmlTerm.buffer(new byte[] {1}), AmlTerm.buffer(new byte[] {2}), NONE)))
                .isEqualTo(AmlValue.Buffer.of(new byte[] {1, 2}));
        assertThat(value(op(AmlOpcode.TO_BUFFER, integer(0x0102), NONE)))
                .isEqualTo(AmlValue.Buffer.of(new byte[] {2, 1, 0, 0, 0, 0, 0, 0}));
        byte[] a =
                new ResourceTemplateBuilder().memory32Fixed(true, 0x1000, 0x100).build();
        byte[] b =
                new ResourceTemplateBuilder().memory32Fixed(true, 0x2000, 0x100).build();
        byte[] both = new ResourceTemplateBuilder()
                .memory32Fixed(true, 0x1000, 0x100)
                .memory32Fixed(true, 0x2000, 0x100)
                .build();
        assertThat(value(op(AmlOpcode.CONCATENATE_RES_TEMPLATE, AmlTerm.buffer(a), AmlTerm.buffer(b), NONE)))
                .isEqualTo(AmlValue.Buffer.of(both));
    }

    @Test
    void integersAre32BitBelowRevision2() {
        AmlInterpreter i = interpreter(
                MemoryModel.zero(),
                Budget.DEFAULT,
                1,
                t -> t.method("TST", 0, false, m -> m.returns(op(AmlOpcode.NOT, integer(0), NONE))));
        assertThat(i.integers64()).isFalse();
        assertThat(i.evaluate("\\TST").value()).isEqualTo(new AmlValue.Int(0xFFFF_FFFFL));
    }

    @Test
    void localsWhileBreakContinueIfElse() {
        // Local0 = 0; Local1 = 0; While (One) { Local0++; If (Local0 > 10) { Break }
        //   If (Mod (Local0, 2)) { Continue } Else { Local1 += Local0 } } Return (Local1)  -> 2+4+...+10 = 30
        AmlInterpreter i = interpreter(t -> t.method(
                "TST",
                0,
                false,
                m -> m.store(integer(0), L0)
                        .store(integer(0), L1)
                        .whileDo(
                                integer(1),
                                w -> w.term(op(AmlOpcode.INCREMENT, L0))
                                        .ifThen(
                                                op(AmlOpcode.LGREATER, L0, integer(10)),
                                                b -> b.term(op(AmlOpcode.BREAK)))
                                        .ifElse(
                                                op(AmlOpcode.MOD, L0, integer(2), NONE),
                                                c -> c.term(op(AmlOpcode.CONTINUE)),
                                                e -> e.term(op(AmlOpcode.ADD, L1, L0, L1))))
                        .returns(L1)));
        assertThat(i.evaluate("\\TST").value()).isEqualTo(new AmlValue.Int(30));
    }

    @Test
    void methodCallsWithArgumentsFollowTheNameSearchRules() {
        // \HELP is found from \_SB.DEV0.TST by searching upwards; DBL is a sibling method with one argument.
        AmlInterpreter i =
                interpreter(t -> t.method("HELP", 1, false, m -> m.returns(op(AmlOpcode.ADD, A0, integer(1), NONE)))
                        .scope(
                                "\\_SB",
                                sb -> sb.device(
                                        "DEV0",
                                        d -> d.method(
                                                        "DBL",
                                                        1,
                                                        false,
                                                        m -> m.returns(op(AmlOpcode.MULTIPLY, A0, integer(2), NONE)))
                                                .method(
                                                        "TST",
                                                        0,
                                                        false,
                                                        m -> m.returns(call("DBL", call("HELP", integer(20))))))));
        assertThat(i.evaluate("\\_SB.DEV0.TST").value()).isEqualTo(new AmlValue.Int(42));
        assertThat(i.evaluate("\\_SB.DEV0.DBL", new AmlValue.Int(4)).value()).isEqualTo(new AmlValue.Int(8));
    }

    @Test
    void storeToNamesConvertsAndPersists() {
        AmlInterpreter i = interpreter(t -> t.name("CNT", integer(1))
                .name("STR", string("x"))
                .method(
                        "BUMP",
                        0,
                        false,
                        m -> m.term(op(AmlOpcode.INCREMENT, name("CNT")))
                                .store(integer(0x41), name("STR"))
                                .returns(name("CNT"))));
        assertThat(i.evaluate("\\BUMP").value()).isEqualTo(new AmlValue.Int(2));
        assertThat(i.evaluate("\\BUMP").value()).isEqualTo(new AmlValue.Int(3));
        assertThat(i.evaluate("\\STR").value()).isEqualTo(new AmlValue.Str("0000000000000041"));
    }

    @Test
    void packagesIndexStoreAndCopyObject() {
        AmlInterpreter i = interpreter(t -> t.name(
                        "PKG", AmlTerm.pack(integer(1), string("two"), AmlTerm.pack(integer(3))))
                .method(
                        "TST",
                        0,
                        false,
                        m -> m.store(integer(9), op(AmlOpcode.INDEX, name("PKG"), integer(0), NONE))
                                .term(op(AmlOpcode.COPY_OBJECT, string("now a string"), name("CNT")))
                                .returns(op(
                                        AmlOpcode.ADD,
                                        op(AmlOpcode.DEREF_OF, op(AmlOpcode.INDEX, name("PKG"), integer(0), NONE)),
                                        op(AmlOpcode.SIZE_OF, name("PKG")),
                                        NONE)))
                .name("CNT", integer(0)));
        assertThat(i.evaluate("\\TST").value()).isEqualTo(new AmlValue.Int(12));
        assertThat(i.evaluate("\\CNT").value()).isEqualTo(new AmlValue.Str("now a string"));
        AmlValue.Package p = (AmlValue.Package) i.evaluate("\\PKG").value();
        assertThat(p.get(2)).isEqualTo(AmlValue.Package.of(new AmlValue.Int(3)));
    }

    @Test
    void referencesRefOfDerefOfCondRefOfAndAliases() {
        AmlInterpreter i = interpreter(t -> t.name("VAL0", integer(1))
                .alias("VAL0", "ALI0")
                .method("SETR", 1, false, m -> m.store(integer(42), A0))
                .method(
                        "TST",
                        0,
                        false,
                        m -> m.term(call("SETR", op(AmlOpcode.REF_OF, name("VAL0"))))
                                .ifThen(op(AmlOpcode.COND_REF_OF, name("NOPE"), NONE), b -> b.returns(integer(0xBAD)))
                                .ifThen(
                                        op(AmlOpcode.LNOT, op(AmlOpcode.COND_REF_OF, name("ALI0"), L0)),
                                        b -> b.returns(integer(0xBAD)))
                                .returns(op(AmlOpcode.ADD, op(AmlOpcode.DEREF_OF, L0), name("ALI0"), NONE))));
        Evaluation ev = i.evaluate("\\TST");
        assertThat(ev.value()).as(ev.outcome() + " " + ev.diagnostics()).isEqualTo(new AmlValue.Int(84));
        assertThat(i.evaluate("\\VAL0").value()).isEqualTo(new AmlValue.Int(42));
    }

    @Test
    void createFieldsWriteIntoACrsTemplate() {
        byte[] template =
                new ResourceTemplateBuilder().memory32Fixed(true, 0, 0x1000).build();
        AmlInterpreter i = interpreter(t -> t.name("BASE", integer(0x100A0000L))
                .method(
                        "_CRS",
                        0,
                        true,
                        m -> m.name("RBUF", AmlTerm.buffer(template))
                                .createField(32, name("RBUF"), integer(4), "MINA")
                                .createField(name("RBUF"), integer(64), integer(32), "LENA")
                                .store(name("BASE"), name("MINA"))
                                .store(integer(0x2000), name("LENA"))
                                .returns(name("RBUF"))));
        Evaluation e = i.evaluate("\\_CRS");
        byte[] expected = new ResourceTemplateBuilder()
                .memory32Fixed(true, 0x100A0000L, 0x2000)
                .build();
        assertThat(e.value()).isEqualTo(AmlValue.Buffer.of(expected));
        // Each run makes a fresh RBUF.
        assertThat(i.evaluate("\\_CRS").value()).isEqualTo(AmlValue.Buffer.of(expected));
    }

    @Test
    void systemMemoryFieldReadsAreRecordedAndAnsweredByTheMemoryModel() {
        Consumer<TermListBuilder> dsdt =
                t -> t.operationRegion("REG0", AddressSpace.SYSTEM_MEMORY, integer(0x1000_0000L), integer(0x100))
                        .field(
                                "REG0",
                                FieldAccessType.DWORD,
                                false,
                                FieldUpdateRule.PRESERVE,
                                f -> f.unit("CTRL", 32).unit("STAT", 8))
                        .method("RD", 0, false, m -> m.returns(name("STAT")));
        Evaluation zero = interpreter(dsdt).evaluate("\\RD");
        assertThat(zero.value()).isEqualTo(new AmlValue.Int(0));
        assertThat(zero.known()).isFalse();
        assertThat(zero.accesses())
                .containsExactly(new RegionAccess(
                        "\\REG0",
                        AddressSpace.SYSTEM_MEMORY,
                        0x1000_0004L,
                        32,
                        RegionAccess.Direction.READ,
                        "\\RD",
                        true));

        Evaluation known = interpreter(MemoryModel.of(Map.of(0x1000_0004L, 0x1234L)), Budget.DEFAULT, dsdt)
                .evaluate("\\RD");
        assertThat(known.value()).isEqualTo(new AmlValue.Int(0x34));
        assertThat(known.known()).isTrue();
    }

    @Test
    void operationRegionAndFieldDeclaredInsideAMethod() {
        AmlInterpreter i = interpreter(t -> t.name("BASE", integer(0x5000))
                .method(
                        "RD",
                        1,
                        true,
                        m -> m.operationRegion(
                                        "TMP0",
                                        AddressSpace.SYSTEM_MEMORY,
                                        op(AmlOpcode.ADD, name("BASE"), A0, NONE),
                                        integer(8))
                                .field(
                                        "TMP0",
                                        FieldAccessType.BYTE,
                                        false,
                                        FieldUpdateRule.PRESERVE,
                                        f -> f.offset(2).unit("VAL0", 8))
                                .returns(name("VAL0"))));
        Evaluation e = i.evaluate("\\RD", new AmlValue.Int(0x10));
        assertThat(e.outcome()).isEqualTo(Evaluation.Outcome.COMPLETED);
        assertThat(e.accesses())
                .containsExactly(new RegionAccess(
                        "\\RD.TMP0", AddressSpace.SYSTEM_MEMORY, 0x5012, 8, RegionAccess.Direction.READ, "\\RD", true));
    }

    @Test
    void gpioFieldAccessNamesThePin() {
        AmlInterpreter i =
                interpreter(t -> t.operationRegion("GPOR", AddressSpace.GENERAL_PURPOSE_IO, integer(0), integer(1))
                        .field(
                                "GPOR",
                                FieldAccessType.BYTE,
                                false,
                                FieldUpdateRule.PRESERVE,
                                f -> f.connection("\\_SB.GIO0").reserved(5).unit("PIN5", 1))
                        .method("WR", 0, false, m -> m.store(integer(1), name("PIN5"))));
        assertThat(i.evaluate("\\WR").accesses())
                .containsExactly(new RegionAccess(
                        "\\GPOR", AddressSpace.GENERAL_PURPOSE_IO, 5, 1, RegionAccess.Direction.WRITE, "\\WR", true));
    }

    @Test
    void partialFieldWriteWithPreserveReadsFirst() {
        AmlInterpreter i = interpreter(t -> t.operationRegion(
                        "REG0", AddressSpace.SYSTEM_MEMORY, integer(0x2000), integer(0x10))
                .field(
                        "REG0",
                        FieldAccessType.WORD,
                        false,
                        FieldUpdateRule.PRESERVE,
                        f -> f.unit("LOW", 8).unit("HIGH", 8).unit("FULL", 16))
                .method("WR", 0, false, m -> m.store(integer(1), name("HIGH")).store(integer(2), name("FULL"))));
        assertThat(i.evaluate("\\WR").accesses())
                .containsExactly(
                        new RegionAccess(
                                "\\REG0",
                                AddressSpace.SYSTEM_MEMORY,
                                0x2000,
                                16,
                                RegionAccess.Direction.READ,
                                "\\WR",
                                true),
                        new RegionAccess(
                                "\\REG0",
                                AddressSpace.SYSTEM_MEMORY,
                                0x2000,
                                16,
                                RegionAccess.Direction.WRITE,
                                "\\WR",
                                true),
                        new RegionAccess(
                                "\\REG0",
                                AddressSpace.SYSTEM_MEMORY,
                                0x2002,
                                16,
                                RegionAccess.Direction.WRITE,
                                "\\WR",
                                true));
    }

    @Test
    void indexFieldAccessesGoThroughTheIndexAndDataFields() {
        AmlInterpreter i = interpreter(t -> t.operationRegion("IDXR", AddressSpace.SYSTEM_IO, integer(0x70), integer(2))
                .field(
                        "IDXR",
                        FieldAccessType.BYTE,
                        false,
                        FieldUpdateRule.PRESERVE,
                        f -> f.unit("INDX", 8).unit("DATA", 8))
                .indexField(
                        "INDX",
                        "DATA",
                        FieldAccessType.BYTE,
                        false,
                        FieldUpdateRule.PRESERVE,
                        f -> f.offset(0x10).unit("RTC0", 8))
                .method("RD", 0, false, m -> m.returns(name("RTC0"))));
        assertThat(i.evaluate("\\RD").accesses())
                .containsExactly(
                        new RegionAccess(
                                "\\IDXR", AddressSpace.SYSTEM_IO, 0x70, 8, RegionAccess.Direction.WRITE, "\\RD", true),
                        new RegionAccess(
                                "\\IDXR", AddressSpace.SYSTEM_IO, 0x71, 8, RegionAccess.Direction.READ, "\\RD", true));
    }

    @Test
    void bankFieldAccessesSelectTheBankFirst() {
        AmlInterpreter i =
                interpreter(t -> t.operationRegion("BNKR", AddressSpace.SYSTEM_MEMORY, integer(0x3000), integer(4))
                        .field("BNKR", FieldAccessType.BYTE, false, FieldUpdateRule.PRESERVE, f -> f.unit("BSEL", 8))
                        .operationRegion("DATR", AddressSpace.SYSTEM_MEMORY, integer(0x4000), integer(4))
                        .bankField(
                                "DATR",
                                "BSEL",
                                integer(2),
                                FieldAccessType.BYTE,
                                false,
                                FieldUpdateRule.PRESERVE,
                                f -> f.unit("BVAL", 8))
                        .method("RD", 0, false, m -> m.returns(name("BVAL"))));
        assertThat(i.evaluate("\\RD").accesses())
                .extracting(RegionAccess::regionPath, RegionAccess::address, RegionAccess::direction)
                .containsExactly(
                        tuple("\\BNKR", 0x3000L, RegionAccess.Direction.WRITE),
                        tuple("\\DATR", 0x4000L, RegionAccess.Direction.READ));
    }

    @Test
    void unsupportedOperatorsAreNoOpsOrFindings() {
        AmlInterpreter i = interpreter(t -> t.mutex("MUT0", 0)
                .device("DEV0", d -> d.hid("TEST0001"))
                .method(
                        "TST",
                        0,
                        false,
                        m -> m.term(op(AmlOpcode.NOTIFY, name("DEV0"), integer(0x80)))
                                .term(op(AmlOpcode.SLEEP, integer(100)))
                                .term(op(AmlOpcode.STALL, integer(10)))
                                .term(op(AmlOpcode.ACQUIRE, name("MUT0"), integer(0xFFFF)))
                                .term(op(AmlOpcode.RELEASE, name("MUT0")))
                                .store(integer(5), op(AmlOpcode.DEBUG))
                                .term(op(AmlOpcode.FATAL, integer(1), integer(2), integer(3)))
                                .term(op(
                                        AmlOpcode.LOAD_TABLE,
                                        string("OEM1"),
                                        string(""),
                                        string(""),
                                        string(""),
                                        string(""),
                                        integer(0)))
                                .returns(integer(7))));
        Evaluation e = i.evaluate("\\TST");
        assertThat(e.value()).isEqualTo(new AmlValue.Int(7));
        assertThat(e.diagnostics())
                .extracting(d -> d.message())
                .anyMatch(m -> m.contains("Fatal"))
                .anyMatch(m -> m.contains("LoadTable"));
    }

    @Test
    void osiAnswersAsLinuxDoes() {
        AmlInterpreter i =
                interpreter(t -> t.method("WIN", 0, false, m -> m.returns(call("\\_OSI", string("Windows 2015"))))
                        .method("LNX", 0, false, m -> m.returns(call("\\_OSI", string("Linux")))));
        assertThat(i.evaluate("\\WIN").value()).isEqualTo(new AmlValue.Int(-1L));
        assertThat(i.evaluate("\\LNX").value()).isEqualTo(new AmlValue.Int(0));
    }

    @Test
    void runTimeErrorsEndTheEvaluationWithAFinding() {
        AmlInterpreter i = interpreter(t -> t.method(
                        "DIV", 0, false, m -> m.returns(op(AmlOpcode.DIVIDE, integer(1), integer(0), NONE, NONE)))
                .method("UNI", 0, false, m -> m.returns(L0))
                .method(
                        "IDX",
                        0,
                        false,
                        m -> m.returns(op(AmlOpcode.INDEX, AmlTerm.pack(integer(1)), integer(5), NONE))));
        for (String path : List.of("\\DIV", "\\UNI", "\\IDX")) {
            Evaluation e = i.evaluate(path);
            assertThat(e.outcome()).as(path).isEqualTo(Evaluation.Outcome.ERROR);
            assertThat(e.diagnostics()).as(path).hasSize(1);
            assertThat(e.diagnostics().get(0).message()).contains(path);
            assertThat(e.diagnostics().get(0).table()).isEqualTo("DSDT");
        }
        assertThat(i.evaluate("\\NOPE").outcome()).isEqualTo(Evaluation.Outcome.NOT_FOUND);
    }
}
