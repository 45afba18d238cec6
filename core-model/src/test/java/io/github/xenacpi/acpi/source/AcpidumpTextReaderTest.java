package io.github.xenacpi.acpi.source;

import static io.github.xenacpi.platform.builder.TestPlatforms.contents;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xenacpi.acpi.AcpiException;
import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.platform.builder.BuiltPlatform;
import io.github.xenacpi.platform.builder.PlatformBuilder;
import io.github.xenacpi.platform.builder.TestPlatforms;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AcpidumpTextReaderTest {

    private static final Pattern HEADER = Pattern.compile("(\\S+(?: PTR)?) @ 0x([0-9A-F]{16})");

    private final BuiltPlatform platform = TestPlatforms.typical(2).build();
    private final String dump = platform.acpidumpText();

    @TempDir
    Path dir;

    private FirmwareImage open(String text) throws Exception {
        Path file = dir.resolve("acpidump.txt");
        Files.writeString(file, text, StandardCharsets.ISO_8859_1);
        return FirmwareSource.open(file);
    }

    private static String rows(String text, UnaryOperator<String> change) {
        return text.lines()
                .map(l -> l.startsWith(" ") ? change.apply(l) : l)
                .reduce(new StringBuilder(), (b, l) -> b.append(l).append('\n'), StringBuilder::append)
                .toString();
    }

    private static String headers(String text, UnaryOperator<String> change) {
        return text.lines()
                .map(l -> HEADER.matcher(l).matches() ? change.apply(l) : l)
                .reduce(new StringBuilder(), (b, l) -> b.append(l).append('\n'), StringBuilder::append)
                .toString();
    }

    /** The dump's lines, to change before writing them back. */
    private List<String> lines() {
        return new ArrayList<>(dump.lines().toList());
    }

    private int headerLine(List<String> lines, String signature, int instance) {
        int seen = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(signature + " @ ") && ++seen == instance) {
                return i;
            }
        }
        throw new AssertionError(signature + " not in dump");
    }

    private static String join(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }

    private static List<String> messages(FirmwareImage image) {
        return image.diagnostics().stream().map(Diagnostic::message).toList();
    }

    @Test
    void acpicaDumpReadsBackEveryTableWithItsLineAndAddress() throws Exception {
        FirmwareImage image = open(dump);

        assertThat(image.format()).isEqualTo(SourceFormat.ACPIDUMP_TEXT);
        assertThat(image.diagnostics()).isEmpty();
        assertThat(contents(image.tables())).isEqualTo(contents(platform.tables()));
        List<String> lines = lines();
        for (int i = 0; i < image.tables().size(); i++) {
            RawTable read = image.tables().get(i);
            RawTable built = platform.tables().get(i);
            assertThat(read.origin().address()).isEqualTo(built.origin().address());
            assertThat(read.origin().format()).isEqualTo(SourceFormat.ACPIDUMP_TEXT);
            assertThat(read.origin().line())
                    .isEqualTo(headerLine(
                                    lines,
                                    read.signature().equals("RSDP") ? "RSD PTR" : read.signature(),
                                    read.instance())
                            + 1);
        }
    }

    @Test
    void zeroAddressesOfSysfsBasedDumpsAreUnknown() throws Exception {
        FirmwareImage image = open(headers(dump, l -> l.replaceAll("0x[0-9A-F]{16}", "0x0000000000000000")));

        assertThat(contents(image.tables())).isEqualTo(contents(platform.tables()));
        assertThat(image.tables())
                .allSatisfy(t -> assertThat(t.origin().hasAddress()).isFalse());
    }

    @Test
    void nilAddressesAreUnknownAndUnreadableOnesAreReported() throws Exception {
        String nil = headers(dump, l -> l.replaceAll("0x[0-9A-F]{16}", "(nil)"));
        FirmwareImage image = open(nil.replaceFirst("MCFG @ \\(nil\\)", "MCFG @ somewhere"));

        assertThat(contents(image.tables())).isEqualTo(contents(platform.tables()));
        assertThat(image.tables())
                .allSatisfy(t -> assertThat(t.origin().hasAddress()).isFalse());
        assertThat(image.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.table()).isEqualTo("MCFG");
            assertThat(d.message()).contains("somewhere").contains("line " + (headerLine(lines(), "MCFG", 1) + 1));
        });
    }

    @Test
    void pmtoolsStyleLowerCaseHexTwoSpaceOffsetsShortAddressesAndNumberedNames() throws Exception {
        int[] ssdt = {0};
        String text = headers(rows(dump, l -> "  " + l.substring(4).toLowerCase(Locale.ROOT)), l -> {
            Matcher m = HEADER.matcher(l);
            m.matches();
            String name = m.group(1).equals("SSDT") ? "SSDT" + ++ssdt[0] : m.group(1);
            return name + " @ 0x" + Long.toHexString(Long.parseUnsignedLong(m.group(2), 16));
        });
        FirmwareImage image = open(text);

        assertThat(text).contains("SSDT2 @ 0x", "RSD PTR @ 0x80000000", "  0000: 52 53 44 20");
        assertThat(image.diagnostics()).isEmpty();
        assertThat(contents(image.tables())).isEqualTo(contents(platform.tables()));
        assertThat(image.tables().get(0).origin().address()).isEqualTo(0x8000_0000L);
    }

    @Test
    void fwtsDumpStyleWithOffsetsOfFourAndFiveDigits() throws Exception {
        BuiltPlatform big = PlatformBuilder.create()
                .addRaw(TestPlatforms.table("DSDT", 0x10010, 7))
                .withoutRootPointer()
                .build();
        String fwts = headers(
                rows(big.acpidumpText(), l -> {
                    int colon = l.indexOf(':');
                    int offset = Integer.parseInt(l.substring(0, colon).trim(), 16);
                    String prefix = offset < 0x10000
                            ? String.format("  %04X", offset)
                            : offset < 0x100000 ? String.format(" %05X", offset) : String.format("%06X", offset);
                    return prefix + l.substring(colon);
                }),
                l -> l.replace("0x0000000080000000", "0x80000000"));
        FirmwareImage image = open(fwts);

        assertThat(fwts).contains("\n  FFF0: ", "\n 10000: ");
        assertThat(image.diagnostics()).isEmpty();
        assertThat(contents(image.tables())).isEqualTo(contents(big.tables()));
    }

    @Test
    void oldAcpicaRsdHeaderMeansRsdp() throws Exception {
        FirmwareImage image = open(dump.replace("RSD PTR @", "RSD  @"));

        assertThat(image.tables().get(0).signature()).isEqualTo("RSDP");
        assertThat(image.diagnostics()).isEmpty();
    }

    @Test
    void asciiColumnAfterDoubleSlashOrMissingEntirely() throws Exception {
        FirmwareImage slashes = open(rows(dump, l -> l.substring(0, 58) + " // " + l.substring(59)));
        FirmwareImage bare = open(rows(dump, l -> l.substring(0, 58).stripTrailing()));

        assertThat(rows(dump, l -> l.substring(0, 58) + " // " + l.substring(59)))
                .contains("4B  // ");
        assertThat(slashes.diagnostics()).isEmpty();
        assertThat(contents(slashes.tables())).isEqualTo(contents(platform.tables()));
        assertThat(bare.diagnostics()).isEmpty();
        assertThat(contents(bare.tables())).isEqualTo(contents(platform.tables()));
    }

    @Test
    void powershellUtf16AndUtf8ByteOrderMarksAreHonoured() throws Exception {
        Path utf16 = dir.resolve("utf16.txt");
        Files.write(utf16, ("\uFEFF" + dump.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_16LE));
        Path utf8 = dir.resolve("utf8.txt");
        Files.write(utf8, ("\uFEFF" + dump).getBytes(StandardCharsets.UTF_8));

        for (Path file : List.of(utf16, utf8)) {
            FirmwareImage image = FirmwareSource.open(file);
            assertThat(image.format()).isEqualTo(SourceFormat.ACPIDUMP_TEXT);
            assertThat(image.diagnostics()).as(file.toString()).isEmpty();
            assertThat(contents(image.tables())).isEqualTo(contents(platform.tables()));
        }
    }

    @Test
    void crlfLineEndingsAndBlankLinesAnywhere() throws Exception {
        FirmwareImage image = open("\r\n" + dump.replace("\n", "\r\n").replace("\r\n    0010", "\r\n\r\n    0010"));

        assertThat(image.diagnostics()).isEmpty();
        assertThat(contents(image.tables())).isEqualTo(contents(platform.tables()));
    }

    @Test
    void garbageLinesAreReportedWithTheirNumberAndSkipped() throws Exception {
        List<String> lines = lines();
        int dsdt = headerLine(lines, "DSDT", 1);
        lines.add(dsdt + 3, "Windows ACPI dump tool: press any key");
        lines.add(0, "Intel ACPI Component Architecture");
        FirmwareImage image = open(join(lines));

        assertThat(contents(image.tables())).isEqualTo(contents(platform.tables()));
        assertThat(image.diagnostics())
                .extracting(Diagnostic::message)
                .containsExactly(
                        "line 1 ignored: neither a table header (SIG @ 0xADDRESS) nor a data row: \"Intel ACPI Component"
                                + " Architecture\"",
                        "line " + (dsdt + 5) + " ignored: neither a table header (SIG @ 0xADDRESS) nor a data row:"
                                + " \"Windows ACPI dump tool: press any key\"");
    }

    @Test
    void rowsBeforeAnyHeaderAreReported() throws Exception {
        FirmwareImage image = open("    0000: 00 01 02\n" + dump);

        assertThat(image.tables()).hasSize(platform.tables().size());
        assertThat(messages(image))
                .containsExactly("line 1 ignored: data row before any table header:" + " \"    0000: 00 01 02\"");
    }

    @Test
    void missingRowCutsTheTableAndSaysWhere() throws Exception {
        List<String> lines = lines();
        int dsdt = headerLine(lines, "DSDT", 1);
        lines.remove(dsdt + 4);
        FirmwareImage image = open(join(lines));

        RawTable read = image.tables().stream()
                .filter(t -> t.signature().equals("DSDT"))
                .findFirst()
                .orElseThrow();
        assertThat(read.size()).isEqualTo(0x30);
        assertThat(read.bytes())
                .isEqualTo(Arrays.copyOf(platform.tables().get(3).bytes(), 0x30));
        assertThat(image.diagnostics())
                .filteredOn(d -> d.table().equals("DSDT"))
                .extracting(Diagnostic::message)
                .containsExactly(
                        "line " + (dsdt + 5) + ": row offset 0x40 where 0x30 was expected (16 bytes of"
                                + " rows are missing); the DSDT table is cut at 0x30 bytes",
                        "line " + (dsdt + 1) + ": DSDT is truncated: its length field says 236 bytes, the rows hold"
                                + " 48");
        assertThat(image.diagnostics()).allSatisfy(d -> assertThat(d.severity()).isEqualTo(Severity.ERROR));
        assertThat(image.tables()).hasSize(platform.tables().size());
    }

    @Test
    void shortRowInsideATableAndShortLastRow() throws Exception {
        List<String> lines = lines();
        int dsdt = headerLine(lines, "DSDT", 1);
        lines.set(dsdt + 2, lines.get(dsdt + 2).substring(0, 10 + 15 * 3));
        int mcfg = headerLine(lines, "MCFG", 1);
        lines.set(mcfg + 4, lines.get(mcfg + 4).substring(0, 10 + 11 * 3));
        FirmwareImage image = open(join(lines));

        assertThat(messages(image))
                .contains(
                        "line " + (dsdt + 4) + ": row offset 0x20 where 0x1F was expected (it follows a short row of 15"
                                + " bytes); the DSDT table is cut at 0x1F bytes",
                        "line " + (mcfg + 1) + ": MCFG is truncated: its length field says 60 bytes, the rows hold 59");
    }

    @Test
    void badHexCutsTheTableAtThatRow() throws Exception {
        List<String> lines = lines();
        int dsdt = headerLine(lines, "DSDT", 1);
        lines.set(dsdt + 3, lines.get(dsdt + 3).replaceFirst("0020: ..", "0020: 4G"));
        FirmwareImage image = open(join(lines));

        assertThat(messages(image))
                .contains("line " + (dsdt + 4) + ": row at offset 0x20: byte 1 is \"4G\", not two"
                        + " hex digits; the DSDT table is cut at 0x20 bytes");
        assertThat(image.tables().get(3).size()).isEqualTo(0x20);
    }

    @Test
    void moreThanSixteenBytesInARowIsMalformed() throws Exception {
        List<String> lines = lines();
        int mcfg = headerLine(lines, "MCFG", 1);
        lines.set(mcfg + 1, lines.get(mcfg + 1).substring(0, 58) + "00  MCFG");
        FirmwareImage image = open(join(lines));

        assertThat(messages(image)).anySatisfy(m -> assertThat(m).contains("17 byte tokens, more than the 16"));
    }

    @Test
    void extraRowsBeyondTheLengthFieldAreReported() throws Exception {
        List<String> lines = lines();
        int apic = headerLine(lines, "APIC", 1);
        lines.add(apic + 6, "    0050: AA BB");
        FirmwareImage image = open(join(lines));

        assertThat(image.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.message())
                    .isEqualTo(
                            "line " + (apic + 1) + ": APIC rows hold 82 bytes, 2 more than its" + " length field's 80");
        });
    }

    @Test
    void headerWithoutRowsKeepsNoTable() throws Exception {
        FirmwareImage image = open("BERT @ 0x0000000000000000\n\n" + dump);

        assertThat(image.tables()).hasSize(platform.tables().size());
        assertThat(image.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.message()).isEqualTo("line 1: BERT header has no data rows; no table kept");
        });
    }

    @Test
    void signatureInTheBytesWinsOverTheHeader() throws Exception {
        FirmwareImage image = open(dump.replace("MCFG @", "SPCR @"));

        assertThat(image.tables())
                .extracting(RawTable::signature)
                .contains("MCFG")
                .doesNotContain("SPCR");
        assertThat(messages(image))
                .containsExactly("line " + (headerLine(lines(), "MCFG", 1) + 1)
                        + ": header says SPCR but the bytes hold a MCFG; the signature in the bytes is used");
    }

    @Test
    void severalSsdtsAreNumberedInInputOrder() throws Exception {
        FirmwareImage image = open(dump);

        assertThat(image.tables())
                .filteredOn(t -> t.signature().equals("SSDT"))
                .extracting(RawTable::instance)
                .containsExactly(1, 2);
        assertThat(image.tables().get(6).bytes())
                .isEqualTo(platform.tables().get(6).bytes());
    }

    @Test
    void endlessLineAndAbsurdSizeDoNotExhaustMemory() throws Exception {
        FirmwareImage image = open("X".repeat(200_000) + "\n" + dump);
        assertThat(image.tables()).hasSize(platform.tables().size());
        assertThat(messages(image)).singleElement().satisfies(m -> assertThat(m).startsWith("line 1 ignored"));

        Path huge = dir.resolve("huge.txt");
        Files.writeString(huge, dump);
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(FirmwareSource.MAX_INPUT_BYTES + 1);
        }
        assertThatThrownBy(() -> FirmwareSource.open(huge))
                .isInstanceOf(AcpiException.class)
                .hasMessageContaining("268435457 bytes is more than the 268435456-byte limit");
    }

    @Test
    void manyGarbageLinesAreCountedNotListed() throws Exception {
        FirmwareImage image = open(dump + "garbage\n".repeat(25));

        assertThat(image.diagnostics()).hasSize(AcpidumpTextReader.MAX_LINE_REPORTS + 1);
        assertThat(messages(image).get(AcpidumpTextReader.MAX_LINE_REPORTS))
                .isEqualTo("5 more lines ignored (only the first 20 are listed)");
    }

    @Test
    void textWithoutAnyTableIsRefused() throws IOException {
        Path file = dir.resolve("empty-dump.txt");
        Files.writeString(file, "DSDT @ 0x0\n\n");

        assertThatThrownBy(() -> FirmwareSource.open(file))
                .isInstanceOf(AcpiException.class)
                .hasMessageContaining("no ACPI table found in")
                .hasMessageContaining("DSDT header has no data rows");
    }
}
