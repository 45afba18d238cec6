package io.github.xenacpi.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.source.FirmwareImage;
import io.github.xenacpi.acpi.source.RawTable;
import io.github.xenacpi.acpi.table.load.AcpiTables;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.PlatformDescriptor;
import io.github.xenacpi.platform.builder.OemIdentity;
import io.github.xenacpi.platform.builder.aml.DefinitionBlockBuilder;
import io.github.xenacpi.platform.builder.aml.FieldAccessType;
import io.github.xenacpi.platform.builder.aml.FieldUpdateRule;
import io.github.xenacpi.platform.builder.aml.ResourceTemplateBuilder;
import io.github.xenacpi.platform.builder.aml.TermListBuilder;
import io.github.xenacpi.platform.preset.Preset;
import io.github.xenacpi.report.ConformanceReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * AML that does not load, method bodies that do not decode, boot evaluations that fail, _CRS templates that do not
 * decode and _HIDs that are not printable are findings with table, offset and reason, and reach a platform's report;
 * before issue 18 they were diagnostics of report.json only. All subjects are damaged copies of builder-made
 * platforms.
 */
class AmlRulesTest {

    private static final Preset SUBJECT = Preset.SERVER_RAS;

    @Test
    void aDsdtOfRandomBytesWithAValidChecksumIsAnErrorFindingAndALoss() {
        Random random = new Random(18);
        Platform p = damaged(b -> {
            byte[] r = b.clone();
            for (int i = 36; i < r.length; i++) {
                r[i] = (byte) random.nextInt(256);
            }
            return withChecksum(r);
        });
        assertThat(rule(p, AmlRules.LOAD))
                .isNotEmpty()
                .allSatisfy(f -> {
                    assertThat(f.table()).isEqualTo("DSDT");
                    assertThat(f.offset()).isGreaterThanOrEqualTo(36);
                })
                .anySatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
        assertThat(p.completeness().complete()).isFalse();
    }

    @Test
    void everyLoadErrorOfTheLoaderIsAFindingAtItsOffset() {
        // An unknown opcode (0x02), a PkgLength past the table (Scope's), a bad NameSeg (a control character).
        byte[] dsdt = table("DSDT");
        int scope = 36;
        assertThat(dsdt[scope]).isEqualTo((byte) 0x10);
        for (UnaryOperator<byte[]> damage : List.<UnaryOperator<byte[]>>of(
                b -> put(b, scope, 0x02), b -> put(b, scope + 1, 0x7F), b -> put(b, scope + 4, 0x01))) {
            Platform p = damaged(damage);
            assertThat(p.namespace().diagnostics()).isNotEmpty();
            assertThat(rule(p, AmlRules.LOAD))
                    .hasSameSizeAs(p.namespace().diagnostics().stream()
                            .filter(d -> d.offset() != 4)
                            .toList());
            assertThat(p.completeness().complete()).isFalse();
        }
    }

    @Test
    void aNameDefinedTwiceIsAFindingButNoLoss() {
        Platform p = withSsdt(t -> t.scope("\\_SB", sb -> sb.device("PWRC", d -> d.hid("XACP0002"))));
        assertThat(rule(p, AmlRules.LOAD)).singleElement().satisfies(f -> {
            assertThat(f.table()).isEqualTo("SSDT");
            assertThat(f.message()).contains("AE_ALREADY_EXISTS");
        });
        assertThat(p.completeness().complete()).isTrue();
    }

    @Test
    void aFieldOverARegionThatDoesNotExistIsALoadError() {
        Platform p = withSsdt(t -> t.scope(
                "\\_SB",
                sb -> sb.device(
                        "DEV1",
                        d -> d.hid("XACP0003")
                                .field(
                                        "NONE",
                                        FieldAccessType.DWORD,
                                        false,
                                        FieldUpdateRule.PRESERVE,
                                        f -> f.unit("REG0", 32)))));
        assertThat(rule(p, AmlRules.LOAD)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message())
                    .contains("OperationRegion NONE does not exist")
                    .contains("REG0");
        });
    }

    @Test
    void aMethodBootRunsThatFailsIsAnErrorAndALossAndOneItDoesNotRunAWarning() {
        byte[] undecodable = {0x70, 0x01, 0x60, (byte) 0x5B, (byte) 0xFE, 0x00};
        Platform p = withSsdt(t -> t.scope(
                "\\_SB",
                sb -> sb.device("DEV2", d -> d.hid("XACP0004").method("_INI", 0, false, m -> m.raw(undecodable)))
                        .method("XRUN", 0, false, m -> m.raw(undecodable))));
        assertThat(rule(p, AmlRules.EVALUATION)).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("\\_SB.DEV2._INI").contains("0x5B 0xFE");
        });
        assertThat(rule(p, AmlRules.METHOD))
                .hasSize(2)
                .anySatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR))
                .anySatisfy(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.WARNING);
                    assertThat(f.message()).contains("\\_SB.XRUN").contains("does not run at boot");
                });
        assertThat(p.completeness().losses())
                .singleElement()
                .satisfies(l -> assertThat(l.reason()).contains("\\_SB.DEV2._INI"));
    }

    @Test
    void aCrsWithoutAnEndTagIsAFindingAndALoss() {
        byte[] crs = new ResourceTemplateBuilder()
                .memory32Fixed(true, 0x1000_0000L, 0x1000)
                .build();
        byte[] cut = Arrays.copyOf(crs, crs.length - 2);
        Platform p = withSsdt(t ->
                t.scope("\\_SB", sb -> sb.device("DEV3", d -> d.hid("XACP0005").crs(cut))));
        assertThat(rule(p, AmlRules.RESOURCES)).isNotEmpty().allSatisfy(f -> {
            assertThat(f.table()).isEqualTo("SSDT");
            assertThat(f.path()).isEqualTo("\\_SB.DEV3._CRS");
        });
    }

    @Test
    void aHidRunIntoTheBytesAfterItIsAWarning() {
        // The _HID string's terminator replaced: the string runs on into the next Name.
        byte[] dsdt = table("DSDT");
        int nul = indexOf(dsdt, "XACP0001".getBytes(java.nio.charset.StandardCharsets.US_ASCII)) + 8;
        Platform p = damaged(b -> withChecksum(put(b, nul, 0x98)));
        assertThat(rule(p, AmlRules.HID))
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("\\x98"));
    }

    @Test
    void amlFindingsReachThePlatformsReport() {
        Platform p = damaged(b -> withChecksum(put(b, 36, 0x02)));
        ConformanceReport.PlatformReport report = ConformanceReport.PlatformReport.of(p, List.of());
        assertThat(report.findings()).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("AML.LOAD");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
        });
        assertThat(report.count(Severity.ERROR)).isPositive();
    }

    @Test
    void theIntactPresetsHaveNoAmlFindingsButTheHostileOne() {
        for (Preset preset : Preset.values()) {
            List<Finding> aml = ConformanceCheck.run(preset.platform()).stream()
                    .filter(f -> f.ruleId().startsWith("AML."))
                    .toList();
            if (preset != Preset.HOSTILE) {
                assertThat(aml).as(preset.id()).isEmpty();
            }
        }
        assertThat(ConformanceCheck.run(SUBJECT.platform().tables()))
                .noneMatch(f -> f.ruleId().startsWith("AML."));
    }

    private static List<Finding> rule(Platform p, Rule rule) {
        return ConformanceCheck.run(p).stream()
                .filter(f -> f.ruleId().equals(rule.id()))
                .toList();
    }

    private static byte[] table(String signature) {
        return SUBJECT.image().tables().stream()
                .filter(t -> t.signature().equals(signature))
                .findFirst()
                .orElseThrow()
                .bytes();
    }

    private static Platform damaged(UnaryOperator<byte[]> damage) {
        FirmwareImage image = SUBJECT.image();
        List<RawTable> tables = new ArrayList<>();
        for (RawTable t : image.tables()) {
            tables.add(
                    t.signature().equals("DSDT")
                            ? new RawTable(t.signature(), t.instance(), damage.apply(t.bytes()), t.origin())
                            : t);
        }
        return platform(image, tables);
    }

    private static Platform withSsdt(Consumer<TermListBuilder> content) {
        FirmwareImage image = SUBJECT.image();
        List<RawTable> tables = new ArrayList<>(image.tables());
        RawTable dsdt = tables.stream()
                .filter(t -> t.signature().equals("DSDT"))
                .findFirst()
                .orElseThrow();
        byte[] ssdt = DefinitionBlockBuilder.ssdt().content(content).build(OemIdentity.DEFAULT);
        tables.add(new RawTable("SSDT", 1, ssdt, dsdt.origin()));
        return platform(image, tables);
    }

    private static Platform platform(FirmwareImage image, List<RawTable> tables) {
        return new Platform(
                "damaged",
                AcpiTables.load(new FirmwareImage(image.path(), image.format(), tables, image.diagnostics())),
                PlatformDescriptor.DEFAULT);
    }

    private static byte[] put(byte[] b, int at, int value) {
        b[at] = (byte) value;
        return withChecksum(b);
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] withChecksum(byte[] b) {
        b[9] = 0;
        int sum = 0;
        for (byte x : b) {
            sum += x;
        }
        b[9] = (byte) -sum;
        return b;
    }
}
