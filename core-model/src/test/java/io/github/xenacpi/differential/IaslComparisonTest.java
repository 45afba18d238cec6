package io.github.xenacpi.differential;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.TableFixtures;
import io.github.xenacpi.platform.builder.McfgBuilder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison rules on listings written the way iasl writes them; needs no iasl. */
class IaslComparisonTest {

    private final LoadedTable mcfg = TableFixtures.decode(new McfgBuilder().allocation(0x3000_0000L, 1, 0x10, 0x1F));

    /** A listing of {@link #mcfg} as iasl prints it, with the allocation's fields given. */
    private String listing(String checksum, long base, int start, int end, String... extra) {
        List<String> lines = new ArrayList<>(List.of(
                "[000h 0000   4]                    Signature : \"MCFG\"    [Memory Mapped Configuration table]",
                "[004h 0004   4]                 Table Length : 0000003C",
                "[008h 0008   1]                     Revision : 01",
                "[009h 0009   1]                     Checksum : " + checksum,
                "[00Ah 0010   6]                       Oem ID : \"XENACP\"",
                "[010h 0016   8]                 Oem Table ID : \"XENACPI \"",
                "[018h 0024   4]                 Oem Revision : 00000001",
                "[01Ch 0028   4]              Asl Compiler ID : \"XACP\"",
                "[020h 0032   4]        Asl Compiler Revision : 00000001",
                "[024h 0036   8]                     Reserved : 0000000000000000",
                String.format("[02Ch 0044   8]                 Base Address : %016X", base),
                "[034h 0052   2]         Segment Group Number : 0001",
                String.format("[036h 0054   1]             Start Bus Number : %02X", start),
                String.format("[037h 0055   1]               End Bus Number : %02X", end),
                "[038h 0056   4]                     Reserved : 00000000"));
        lines.addAll(List.of(extra));
        return String.join("\n", lines);
    }

    private String checksum() {
        return String.format("%02X", mcfg.header().checksum());
    }

    @Test
    void agreeingListingComparesHeaderEcamBaseShiftedByStartBusAndBusRangeLength() {
        IaslComparison.Result r =
                IaslComparison.compare(mcfg, IaslListing.parse(listing(checksum(), 0x3000_0000L, 0x10, 0x1F), ""));

        assertThat(r.mismatches()).isEmpty();
        assertThat(r.unknownToIasl()).isEmpty();
        assertThat(r.regionsCompared()).isEqualTo(1);
        assertThat(r.lengthsCompared()).isEqualTo(1);
    }

    @Test
    void differentBaseLengthAndHeaderAreEachReportedWithBothValues() {
        IaslComparison.Result r =
                IaslComparison.compare(mcfg, IaslListing.parse(listing("00", 0x3800_0000L, 0x10, 0x17), ""));

        assertThat(r.mismatches()).hasSize(3);
        assertThat(r.mismatches().get(0)).contains("header checksum").contains("iasl 00");
        assertThat(r.mismatches().get(1))
                .contains("MCFG.allocation[0]")
                .contains("base 0x31000000")
                .contains("0x39000000")
                .contains("0x38000000 + start bus << 20");
        assertThat(r.mismatches().get(2)).contains("length 0x1000000").contains("iasl says 0x800000");
    }

    @Test
    void aRegionIaslDoesNotShowIsAMismatchUnlessIaslReportedAProblem() {
        String truncated = listing(checksum(), 0x3000_0000L, 0x10, 0x1F)
                .lines()
                .filter(l -> !l.contains("Base Address"))
                .reduce("", (a, b) -> a + b + "\n");

        assertThat(IaslComparison.compare(mcfg, IaslListing.parse(truncated, ""))
                        .mismatches())
                .singleElement()
                .asString()
                .contains("iasl shows no field there");
        IaslComparison.Result unknown = IaslComparison.compare(
                mcfg, IaslListing.parse(truncated + "**** Unknown MCFG subtable type 0x7\n", ""));
        assertThat(unknown.mismatches()).isEmpty();
        assertThat(unknown.unknownToIasl()).anySatisfy(u -> assertThat(u).contains("MCFG.allocation[0]"));
    }

    @Test
    void anUnknownSignatureIsReportedNotPassed() {
        IaslComparison.Result r = IaslComparison.compare(
                mcfg,
                IaslListing.parse(
                        listing(checksum(), 0x3000_0000L, 0x10, 0x1F, "**** Unknown ACPI table signature [MCFG]"), ""));

        assertThat(r.unknownToIasl()).singleElement().asString().contains("does not know the table signature MCFG");
    }

    @Test
    void definitionBlocksCompareTheOriginalHeader() {
        String header = String.join(
                "\n",
                " * Original Table Header:",
                " *     Signature        \"MCFG\"",
                " *     Length           0x0000003C (60)",
                " *     Revision         0x01",
                " *     Checksum         0x" + checksum(),
                " *     OEM ID           \"XENACP\"",
                " *     OEM Table ID     \"XENACPI \"",
                " *     OEM Revision     0x00000001 (1)",
                " *     Compiler ID      \"XACP\"",
                " *     Compiler Version 0x00000002 (2)",
                " */");

        assertThat(IaslComparison.compare(mcfg, IaslListing.parse(header, "")).mismatches())
                .filteredOn(m -> m.startsWith("header"))
                .singleElement()
                .asString()
                .isEqualTo("header creator revision: ours 1, iasl 0x00000002 (2)");
    }
}
