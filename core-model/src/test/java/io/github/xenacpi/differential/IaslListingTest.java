package io.github.xenacpi.differential;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The listing parser on iasl's text forms; needs no iasl. */
class IaslListingTest {

    private static final String MCFG = """
            [000h 0000   4]                    Signature : "MCFG"    [Memory Mapped Configuration table]
            [004h 0004   4]                 Table Length : 0000003C
            [00Ah 0010   6]                       Oem ID : "QCOM  "
            [02Ch 0044 008h]                Base Address : 0000000060000000
            [036h 0054 001h]            Start Bus Number : 10
            [037h 0055 001h]              End Bus Number : 1F
            """;

    @Test
    void readsOldAndNewFieldLineForms() {
        IaslListing l = IaslListing.parse(MCFG, "");

        assertThat(l.fields()).hasSize(6);
        assertThat(l.at(0, "Signature"))
                .get()
                .extracting(IaslListing.Field::text)
                .isEqualTo("MCFG");
        assertThat(l.at(4, "Table Length").flatMap(IaslListing.Field::number)).contains(0x3CL);
        assertThat(l.at(10, "Oem ID")).get().extracting(IaslListing.Field::text).isEqualTo("QCOM");
        IaslListing.Field base = l.at(0x2C, "Base Address").orElseThrow();
        assertThat(base.length()).isEqualTo(8);
        assertThat(base.number()).contains(0x6000_0000L);
        assertThat(l.nextInBlock(base, "End Bus Number").flatMap(IaslListing.Field::number))
                .contains(0x1FL);
        assertThat(l.errors()).isEmpty();
        assertThat(l.produced()).isTrue();
    }

    @Test
    void subtableHeadersBoundBlocks() {
        String text = """
                [060h 0096   1]                Subtable Type : 0E [Generic Interrupt Redistributor]
                [061h 0097   1]                       Length : 10
                [064h 0100   8]                 Base Address : 0000000017A60000
                [06Ch 0108   4]                       Length : 00100000
                [070h 0112   1]                Subtable Type : 0E [Generic Interrupt Redistributor]
                [074h 0116   8]                 Base Address : 0000000017B60000
                """;
        IaslListing l = IaslListing.parse(text, "");

        IaslListing.Field second = l.at(0x74, "Base Address").orElseThrow();
        assertThat(l.nextInBlock(second, "Length")).isEmpty();
        IaslListing.Field first = l.at(0x64, "Base Address").orElseThrow();
        assertThat(l.nextInBlock(first, "Length").flatMap(IaslListing.Field::number))
                .contains(0x100000L);
        assertThat(l.block(first)).hasSize(4);
    }

    @Test
    void reportsUnknownSignaturesTypesAndErrors() {
        String text = """
                [000h 0000   4]                    Signature : "DLUT"
                **** Unknown ACPI table signature [DLUT]
                **** Unknown IORT node type 0x06
                [025h 0037   1]                Subtable Type : 4F [Unknown Subtable Type]
                Invalid zero length subtable
                // ACPI Warning: FADT revision 5 does not match length: found 114 expected 10C
                """;
        IaslListing l = IaslListing.parse(text, "Unknown ACPI table signature [DLUT], decoding ACPI table header only");

        assertThat(l.unknownSignature()).contains("DLUT");
        assertThat(l.unknownTypes()).hasSize(2).anySatisfy(u -> assertThat(u).contains("IORT node type"));
        assertThat(l.errors()).singleElement().satisfies(e -> assertThat(e).contains("zero length"));
        assertThat(l.warnings()).singleElement().satisfies(w -> assertThat(w).contains("FADT revision"));
    }

    @Test
    void readsTheOriginalHeaderOfADefinitionBlockAndTheConsoleHeader() {
        String dsl = """
                 * Original Table Header:
                 *     Signature        "DSDT"
                 *     Length           0x00051344 (332612)
                 *     Checksum         0x37
                 *     OEM Table ID     "SDM8380 "
                 */
                """;
        IaslListing l = IaslListing.parse(dsl, "");
        assertThat(IaslListing.amlNumber(l.amlHeader().get("Length"))).isEqualTo(332612);
        assertThat(IaslListing.amlText(l.amlHeader().get("OEM Table ID"))).isEqualTo("SDM8380");

        IaslListing crashed = IaslListing.parse(
                "", "ACPI: DSDT 0x0000000000000000 046BAD (v02 QCOMM  SDM8380  00000003 MSFT 05000000)");
        assertThat(crashed.produced()).isTrue();
        assertThat(IaslListing.amlNumber(crashed.amlHeader().get("Length"))).isEqualTo(0x46BAD);
        assertThat(IaslListing.amlText(crashed.amlHeader().get("OEM ID"))).isEqualTo("QCOMM");
        assertThat(crashed.amlHeader()).doesNotContainKey("Checksum");
    }

    @Test
    void aRejectedTableProducesNothing() {
        IaslListing l = IaslListing.parse("", """
                Table [IORT] is too long for file - needs: 0x14BDBFEF
                Binary file does not contain a valid ACPI table
                """);

        assertThat(l.produced()).isFalse();
        assertThat(l.errors()).hasSize(2);
    }
}
