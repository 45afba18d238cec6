package io.github.xenacpi.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.source.FirmwareImage;
import io.github.xenacpi.acpi.table.TableFixtures;
import io.github.xenacpi.acpi.table.decoder.RsdpDecoder;
import io.github.xenacpi.acpi.table.load.AcpiTables;
import io.github.xenacpi.platform.builder.TableWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Framing rules computed from the raw bytes, and decoder diagnostics turned into findings exactly once. */
class HeaderAndDecodeRulesTest {

    @Test
    void wrongChecksumIsOneFindingAtTheChecksumByte() {
        byte[] gtdt = TestPlatform.good().bytes("GTDT");
        gtdt[9]++;
        TestPlatform p = TestPlatform.good().with(gtdt);
        assertThat(p.findings(HeaderRules.CHECKSUM)).singleElement().satisfies(f -> {
            assertThat(f.offset()).isEqualTo(9);
            assertThat(f.table()).isEqualTo("GTDT");
        });
        assertThat(p.run()).noneMatch(f -> f.ruleId().equals("GTDT.DECODE"));
    }

    @Test
    void lengthPastTheDataIsOneFindingAtTheLengthField() {
        byte[] mcfg = TableFixtures.truncate(TestPlatform.good().bytes("MCFG"), 50);
        TestPlatform p = TestPlatform.good().with(mcfg);
        assertThat(p.findings(HeaderRules.LENGTH))
                .singleElement()
                .extracting(Finding::offset)
                .isEqualTo(4L);
        assertThat(p.findings(HeaderRules.CHECKSUM)).isEmpty();
        assertThat(p.run()).noneMatch(f -> f.ruleId().equals("MCFG.DECODE") && f.offset() == 4);
    }

    @Test
    void shortHeaderAndTrailingBytes() {
        TestPlatform p = TestPlatform.good()
                .with(TableFixtures.truncate(TestPlatform.good().bytes("XSDT"), 20));
        assertThat(p.findings(HeaderRules.SHORT))
                .singleElement()
                .extracting(Finding::offset)
                .isEqualTo(0L);
        byte[] dsdt = TestPlatform.good().bytes("DSDT");
        TestPlatform q = TestPlatform.good().with(Arrays.copyOf(dsdt, dsdt.length + 4));
        assertThat(q.findings(HeaderRules.TRAILING))
                .singleElement()
                .extracting(Finding::offset)
                .isEqualTo((long) dsdt.length);
    }

    @Test
    void nonPrintableOemIdIsANote() {
        byte[] spcr = TableFixtures.fixChecksum(
                TableFixtures.patch(TestPlatform.good().bytes("SPCR"), 11, 1, 1));
        assertThat(TestPlatform.good().with(spcr).findings(HeaderRules.ASCII))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.offset()).isEqualTo(11);
                    assertThat(f.severity()).isEqualTo(Severity.INFO);
                });
    }

    @Test
    void rsdpChecksumsLengthAndSbbrRequirements() {
        assertThat(TestPlatform.good().with(rsdp(2, 36, 0, 0x8000_1000L)).run())
                .allSatisfy(f -> assertThat(f.ruleId()).isEqualTo(SbbrRules.RECOMMENDED.id()));
        byte[] bad = rsdp(2, 36, 0, 0x8000_1000L);
        bad[8]++;
        bad[32]--;
        TestPlatform p = TestPlatform.good().with(bad);
        assertThat(p.findings(HeaderRules.RSDP_CHECKSUM))
                .singleElement()
                .extracting(Finding::offset)
                .isEqualTo(8L);
        assertThat(TestPlatform.good().with(rsdp(2, 36, 0, 0x8000_1000L)).findings(HeaderRules.RSDP_EXTENDED_CHECKSUM))
                .isEmpty();
        byte[] ext = rsdp(2, 36, 0, 0x8000_1000L);
        ext[32]++;
        assertThat(TestPlatform.good().with(ext).findings(HeaderRules.RSDP_EXTENDED_CHECKSUM))
                .singleElement()
                .extracting(Finding::offset)
                .isEqualTo(32L);
        assertThat(TestPlatform.good()
                        .with(TableFixtures.truncate(rsdp(2, 40, 0, 0x8000_1000L), 36))
                        .findings(HeaderRules.RSDP_LENGTH))
                .singleElement()
                .extracting(Finding::offset)
                .isEqualTo(20L);
        assertThat(TestPlatform.good().with(rsdp(2, 36, 0x1000, 0x8000_1000L)).findings(SbbrRules.RSDP))
                .hasSize(1);
    }

    @Test
    void facsLengthBelow64() {
        byte[] facs =
                TableWriter.headerless().ascii("FACS", 4).u32(40).zeros(32).toBytes();
        assertThat(TestPlatform.good().with(facs).findings(HeaderRules.FACS_LENGTH))
                .singleElement()
                .extracting(Finding::offset)
                .isEqualTo(4L);
        byte[] good =
                TableWriter.headerless().ascii("FACS", 4).u32(64).zeros(56).toBytes();
        assertThat(TestPlatform.good().with(good).findings(HeaderRules.FACS_LENGTH))
                .isEmpty();
    }

    @Test
    void decoderDiagnosticKeepsSeverityOffsetAndMessage() {
        // A GTDT platform timer count above the structures present: a decoder error no other rule reports.
        byte[] gtdt = TableFixtures.fixChecksum(
                TableFixtures.patch(TestPlatform.good().bytes("GTDT"), 88, 3, 4));
        var decode = TestPlatform.good().with(gtdt).run().stream()
                .filter(f -> f.ruleId().equals("GTDT.DECODE"))
                .toList();
        assertThat(decode).singleElement().satisfies(f -> {
            assertThat(f.offset()).isEqualTo(88);
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.message()).contains("platform timer count is 3");
            assertThat(f.path()).isEqualTo("GTDT");
        });
    }

    @Test
    void decoderDiagnosticAtAByteARuleReportedIsLeftOut() {
        // MCFG end bus below start bus: the decoder reports it, and so does MCFG.ALLOCATION.BUS_RANGE.
        var p = TestPlatform.good()
                .with(new io.github.xenacpi.platform.builder.McfgBuilder().allocation(0x4000_0000L, 0, 5, 4));
        assertThat(p.findings(McfgRules.BUS_RANGE)).hasSize(1);
        assertThat(p.run()).noneMatch(f -> f.ruleId().equals("MCFG.DECODE"));
    }

    @Test
    void inputDiagnosticsAreFindingsOfTheInputRule() {
        AcpiTables good = TestPlatform.good().tables();
        FirmwareImage image = good.image();
        AcpiTables tables = AcpiTables.load(new FirmwareImage(
                image.path(),
                image.format(),
                image.tables(),
                List.of(Diagnostic.ofSource(Severity.WARNING, "XSDT lists 0x1234 but the input has no table there"))));
        assertThat(ConformanceCheck.run(tables)).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo(DecodeRules.INPUT.id());
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.offset()).isEqualTo(-1);
        });
        assertThat(ConformanceCheck.run(good)).isEmpty();
    }

    @Test
    void decoderMessagePathBecomesTheFindingPath() {
        assertThat(DecodeRules.path("MADT.structure[12]: GICD length is 25")).isEqualTo("MADT.structure[12]");
        assertThat(DecodeRules.path("no path here")).isEmpty();
    }

    private static byte[] rsdp(int revision, long length, long rsdt, long xsdt) {
        byte[] b = TableWriter.headerless()
                .struct(RsdpDecoder.LAYOUT)
                .set("signature", "RSD PTR ")
                .set("oemId", "XENACP")
                .set("revision", revision)
                .set("rsdtAddress", rsdt)
                .set("length", length)
                .set("xsdtAddress", xsdt)
                .write()
                .toBytes();
        b = Arrays.copyOf(b, (int) Math.max(36, length));
        b[8] = TableWriter.checksum(b, 0, 20);
        b[32] = TableWriter.checksum(b, 0, (int) length);
        return b;
    }
}
