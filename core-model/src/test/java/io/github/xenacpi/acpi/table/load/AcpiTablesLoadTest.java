package io.github.xenacpi.acpi.table.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.source.FirmwareImage;
import io.github.xenacpi.acpi.source.FirmwareSource;
import io.github.xenacpi.acpi.source.RawTable;
import io.github.xenacpi.acpi.source.SourceFormat;
import io.github.xenacpi.acpi.source.TableOrigin;
import io.github.xenacpi.platform.builder.BuiltPlatform;
import io.github.xenacpi.platform.builder.OemIdentity;
import io.github.xenacpi.platform.builder.TableWriter;
import io.github.xenacpi.platform.builder.TestPlatforms;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AcpiTablesLoadTest {

    private final BuiltPlatform platform = TestPlatforms.typical(2).build();

    @TempDir
    Path dir;

    private RawTable built(String label) {
        return platform.tables().stream()
                .filter(t -> t.label().equals(label))
                .findFirst()
                .orElseThrow();
    }

    private long address(String label) {
        return built(label).origin().address();
    }

    private static FirmwareImage image(List<RawTable> tables) {
        return new FirmwareImage(Path.of("test"), SourceFormat.BUILDER, tables, List.of());
    }

    private FirmwareImage changed(UnaryOperator<List<RawTable>> change) {
        return image(change.apply(new ArrayList<>(platform.tables())));
    }

    private static List<String> order(AcpiTables tables) {
        return tables.all().stream().map(t -> t.raw().label()).toList();
    }

    /** The diagnostics of the load-order cross-checks only (neither the input's nor a decoder's). */
    private static List<Diagnostic> crossChecks(AcpiTables tables) {
        int before = tables.image().diagnostics().size()
                + tables.all().stream().mapToInt(t -> t.diagnostics().size()).sum();
        List<Diagnostic> all = tables.diagnostics();
        return all.subList(before, all.size());
    }

    private static List<DescribedRegion> tableRegions(AcpiTables tables) {
        return tables.regions().stream()
                .filter(r -> r.kind() == RegionKind.ACPI_TABLE)
                .toList();
    }

    private static DescribedRegion region(long base, long length, String table, long offset, String path) {
        return new DescribedRegion(
                RegionKind.ACPI_TABLE, AddressSpace.SYSTEM_MEMORY, base, length, table, 1, offset, path);
    }

    @Test
    void withAddressesTheXsdtIsWalkedAndEveryTableRegionPointsAtItsReference() {
        AcpiTables tables = AcpiTables.load(platform.image());

        assertThat(order(tables))
                .containsExactly("RSDP", "XSDT", "FACP", "DSDT", "FACS", "MCFG", "SSDT", "SSDT#2", "APIC");
        assertThat(crossChecks(tables)).isEmpty();
        // The FACS has no ACPI_TABLE region: the FADT's decoder describes it as a FACS region.
        assertThat(tableRegions(tables))
                .containsExactly(
                        region(0x8000_0000L, 36, "RSDP", -1, "RSDP"),
                        region(0x8000_0030L, 36 + 5 * 8, "RSDP", 24, "RSDP.xsdtAddress"),
                        region(0x8000_0080L, TestPlatforms.FADT_LENGTH, "XSDT", 36, "XSDT.entry[0]"),
                        region(address("DSDT"), 236, "FACP", 140, "FACP.X_DSDT"),
                        region(address("MCFG"), 60, "XSDT", 44, "XSDT.entry[1]"),
                        region(address("SSDT"), 57, "XSDT", 52, "XSDT.entry[2]"),
                        region(address("SSDT#2"), 58, "XSDT", 60, "XSDT.entry[3]"),
                        region(address("APIC"), 80, "XSDT", 68, "XSDT.entry[4]"));
    }

    @Test
    void entriesWithoutATableAreReportedAtTheirOffset() {
        AcpiTables tables = AcpiTables.load(changed(l -> {
            l.removeIf(t -> t.label().equals("MCFG") || t.label().equals("DSDT"));
            return l;
        }));

        assertThat(order(tables)).containsExactly("RSDP", "XSDT", "FACP", "FACS", "SSDT", "SSDT#2", "APIC");
        assertThat(crossChecks(tables))
                .containsExactly(
                        new Diagnostic(
                                "FACP",
                                1,
                                140,
                                Severity.ERROR,
                                String.format(
                                        "FACP.X_DSDT = 0x%X: no table of the"
                                                + " input lies at that address; the DSDT is missing from the input",
                                        address("DSDT"))),
                        new Diagnostic(
                                "XSDT",
                                1,
                                44,
                                Severity.ERROR,
                                String.format(
                                        "XSDT.entry[1] = 0x%X: no table of the"
                                                + " input lies at that address; the table it lists is missing from the input",
                                        address("MCFG"))));
    }

    @Test
    void tablesNoEntryReachesComeLastAndAreReported() {
        TableOrigin elsewhere = new TableOrigin(Path.of("test"), SourceFormat.BUILDER, 0, 0, 0x9000_0000L);
        TableOrigin nowhere = new TableOrigin(Path.of("test"), SourceFormat.BUILDER, 0, 0, -1);
        AcpiTables tables = AcpiTables.load(changed(l -> {
            l.add(new RawTable("SSDT", 3, TestPlatforms.table("SSDT", 4, 9), elsewhere));
            l.add(new RawTable("DSDT", 2, TestPlatforms.table("DSDT", 4, 9), nowhere));
            return l;
        }));

        assertThat(order(tables)).endsWith("APIC", "DSDT#2", "SSDT#3");
        assertThat(crossChecks(tables))
                .containsExactly(
                        new Diagnostic(
                                "DSDT",
                                2,
                                -1,
                                Severity.INFO,
                                "DSDT#2 has no address in the input, so no XSDT entry" + " can be matched with it"),
                        new Diagnostic(
                                "SSDT",
                                3,
                                -1,
                                Severity.WARNING,
                                "SSDT#3 at 0x90000000 is not reached from the XSDT;" + " the OS would not load it"));
    }

    @Test
    void xsdtListingATableTwiceOrTheDsdtIsReported() {
        byte[] xsdt = TableWriter.withHeader("XSDT", 1, OemIdentity.DEFAULT)
                .u64(address("FACP"))
                .u64(address("FACP"))
                .u64(address("DSDT"))
                .u64(address("RSDP"))
                .finish();
        AcpiTables tables = AcpiTables.load(changed(l -> {
            l.set(1, new RawTable("XSDT", 1, xsdt, built("XSDT").origin()));
            return l;
        }));

        assertThat(crossChecks(tables))
                .extracting(Diagnostic::offset, Diagnostic::message)
                .startsWith(
                        tuple(
                                44L,
                                String.format(
                                        "XSDT.entry[1] = 0x%X lists FACP a second" + " time; it is installed once",
                                        address("FACP"))),
                        tuple(
                                52L,
                                String.format(
                                        "XSDT.entry[2] = 0x%X lists the DSDT, which" + " only the FADT should point at",
                                        address("DSDT"))),
                        tuple(
                                60L,
                                "XSDT.entry[3] = 0x80000000 points at the RSDP, which a root" + " table never lists"));
        assertThat(order(tables)).startsWith("RSDP", "XSDT", "FACP", "DSDT", "FACS");
    }

    @Test
    void rsdtIsWalkedLikeAnXsdtWithFourByteEntries() {
        byte[] rsdt = TableWriter.withHeader("RSDT", 1, OemIdentity.DEFAULT)
                .u32(address("FACP"))
                .u32(address("APIC"))
                .finish();
        AcpiTables tables = AcpiTables.load(changed(l -> {
            l.set(1, new RawTable("RSDT", 1, rsdt, built("XSDT").origin()));
            return l;
        }));

        assertThat(order(tables)).startsWith("RSDP", "RSDT", "FACP", "DSDT", "FACS", "APIC");
        assertThat(tableRegions(tables)).contains(region(address("APIC"), 80, "RSDT", 40, "RSDT.entry[1]"));
        assertThat(crossChecks(tables))
                .extracting(Diagnostic::message)
                .containsExactly(
                        String.format(
                                "MCFG at 0x%X is not reached from the RSDT; the OS would not load it", address("MCFG")),
                        String.format(
                                "SSDT at 0x%X is not reached from the RSDT; the OS would not load it", address("SSDT")),
                        String.format(
                                "SSDT#2 at 0x%X is not reached from the RSDT; the OS would not load it",
                                address("SSDT#2")));
    }

    @Test
    void onlyTheFirstXsdtIsWalkedAndOtherRootTablesAreNamed() {
        byte[] rsdt = TableWriter.withHeader("RSDT", 1, OemIdentity.DEFAULT)
                .u32(address("FACP"))
                .finish();
        TableOrigin nowhere = new TableOrigin(Path.of("test"), SourceFormat.BUILDER, 0, 0, -1);
        AcpiTables tables = AcpiTables.load(changed(l -> {
            l.add(new RawTable("RSDT", 1, rsdt, nowhere));
            l.add(new RawTable("XSDT", 2, built("XSDT").bytes(), nowhere));
            return l;
        }));

        assertThat(order(tables)).startsWith("RSDP", "XSDT", "XSDT#2", "RSDT", "FACP");
        assertThat(crossChecks(tables))
                .extracting(Diagnostic::message)
                .containsExactly(
                        "XSDT#2 is not walked: the load order follows XSDT, as ACPICA prefers the XSDT",
                        "RSDT is not walked: the load order follows XSDT, as ACPICA prefers the XSDT");
    }

    @Test
    void withoutAddressesEntriesAreMatchedByCountOnly() throws Exception {
        platform.writeTableDirectory(dir);
        AcpiTables complete = AcpiTables.load(FirmwareSource.open(dir));
        Files.delete(dir.resolve("mcfg.dat"));
        AcpiTables missing = AcpiTables.load(FirmwareSource.open(dir));

        assertThat(order(complete))
                .containsExactly("RSDP", "XSDT", "FACP", "DSDT", "FACS", "APIC", "MCFG", "SSDT", "SSDT#2");
        assertThat(crossChecks(complete))
                .containsExactly(new Diagnostic(
                        "XSDT",
                        1,
                        -1,
                        Severity.INFO,
                        "the input"
                                + " gives no table addresses, so the 5 XSDT entries are matched to the 5 tables a root table lists"
                                + " (all but DSDT and FACS) by count only"));
        assertThat(tableRegions(complete)).isEmpty();
        assertThat(crossChecks(missing))
                .extracting(Diagnostic::severity, Diagnostic::message)
                .last()
                .isEqualTo(tuple(
                        Severity.WARNING,
                        "XSDT lists 5 tables but the input holds 4"
                                + " tables it should list: 1 listed tables are missing from the input"));
    }

    @Test
    void withoutRootTableTheOrderApproximatesAcpica() throws Exception {
        platform.writeSysfsDirectory(dir);
        AcpiTables tables = AcpiTables.load(FirmwareSource.open(dir));

        assertThat(order(tables)).containsExactly("FACP", "DSDT", "FACS", "APIC", "MCFG", "SSDT", "SSDT#2");
        assertThat(crossChecks(tables)).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.INFO);
            assertThat(d.message()).contains("ordered FACP, DSDT, FACS, then by signature and instance");
        });
    }

    @Test
    void rootPointerWithoutRootTableIsReported() {
        AcpiTables tables = AcpiTables.load(changed(l -> {
            l.remove(1);
            return l;
        }));

        assertThat(crossChecks(tables))
                .first()
                .isEqualTo(
                        new Diagnostic(
                                "RSDP",
                                1,
                                -1,
                                Severity.WARNING,
                                "the input has an RSDP but no XSDT or RSDT; the tables cannot be checked against a root table"));
    }

    @Test
    void oneGarbageAddressForEveryTableIsReportedAndNoTableIsDropped() throws Exception {
        String windows = platform.acpidumpText().replaceAll("@ 0x[0-9A-F]{16}", "@ 0x007C465A02D3F6A0");
        Path file = dir.resolve("acpidump.txt");
        Files.writeString(file, windows);

        AcpiTables tables = AcpiTables.load(FirmwareSource.open(file));

        assertThat(tables.all()).hasSize(platform.tables().size());
        assertThat(crossChecks(tables))
                .extracting(Diagnostic::severity, Diagnostic::message)
                .containsExactly(
                        tuple(
                                Severity.WARNING,
                                "9 tables claim the same address"
                                        + " 0x7C465A02D3F6A0 (RSDP, XSDT, FACP, DSDT, FACS, MCFG, SSDT, SSDT#2, APIC): the input's"
                                        + " addresses for them cannot be believed (Windows acpidump.exe prints one garbage address"
                                        + " for every table); they are ignored and every table is kept"),
                        tuple(
                                Severity.INFO,
                                "the input gives no table addresses, so the 5"
                                        + " XSDT entries are matched to the 5 tables a root table lists (all but DSDT and FACS) by"
                                        + " count only"));
        assertThat(tableRegions(tables)).isEmpty();
    }

    @Test
    void loadOrderAgainstInputOrderIsReportedAndInstancesAreKept() {
        RawTable first = built("SSDT");
        RawTable second = built("SSDT#2");
        AcpiTables tables = AcpiTables.load(changed(l -> {
            l.set(l.indexOf(first), new RawTable("SSDT", 1, second.bytes(), second.origin()));
            l.set(l.indexOf(second), new RawTable("SSDT", 2, first.bytes(), first.origin()));
            return l;
        }));

        assertThat(order(tables)).containsSubsequence("SSDT#2", "SSDT");
        assertThat(crossChecks(tables))
                .containsExactly(
                        new Diagnostic(
                                "SSDT",
                                1,
                                -1,
                                Severity.INFO,
                                "SSDT loads"
                                        + " after SSDT#2: the load order differs from the input order; instances keep the input numbering"));
    }

    @Test
    void rootPointerAtAnotherXsdtIsReported() {
        byte[] rsdp = built("RSDP").bytes();
        rsdp[24] ^= 0x40;
        AcpiTables tables = AcpiTables.load(changed(l -> {
            l.set(0, new RawTable("RSDP", 1, rsdp, built("RSDP").origin()));
            return l;
        }));

        assertThat(crossChecks(tables))
                .containsExactly(new Diagnostic(
                        "RSDP",
                        1,
                        24,
                        Severity.ERROR,
                        "RSDP.xsdtAddress = 0x80000070 but the input's XSDT is at 0x80000030"));
    }
}
