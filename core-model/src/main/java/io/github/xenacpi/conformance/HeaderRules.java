package io.github.xenacpi.conformance;

import static io.github.xenacpi.acpi.Severity.ERROR;
import static io.github.xenacpi.acpi.Severity.INFO;
import static io.github.xenacpi.acpi.Severity.WARNING;

import io.github.xenacpi.acpi.source.RawTable;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.layout.TableHeader;

/**
 * The framing every table shares, computed from the raw bytes: the header is whole, the length field matches
 * the data, the checksum holds, the identifiers are printable; and the RSDP's and FACS's own framings.
 */
final class HeaderRules implements RuleSet {

    static final Rule SHORT = Rule.of(
                    "ACPI.HEADER.SHORT",
                    ERROR,
                    "The table holds a whole header",
                    "A table shorter than the 36-byte header cannot be identified or validated; the OS rejects it.",
                    "ACPI 6.5 section 5.2.6; Linux acpi_tb_verify_temp_table")
            .fwts("ACPITableHdrShort");
    static final Rule LENGTH = Rule.of(
            "ACPI.HEADER.LENGTH",
            ERROR,
            "The length field matches the data",
            "A length below the header's size or beyond the bytes present means the table was cut or its header"
                    + " lies: the OS maps and checksums `length` bytes, so what lies past the data is garbage.",
            "ACPI 6.5 section 5.2.6; Linux acpi_tb_validate_table");
    static final Rule TRAILING = Rule.of(
            "ACPI.HEADER.TRAILING",
            WARNING,
            "No bytes follow the declared length",
            "Bytes past the length field are never read by the OS; they usually mean a wrong length or a damaged"
                    + " capture.",
            "ACPI 6.5 section 5.2.6");
    static final Rule CHECKSUM = Rule.of(
                    "ACPI.HEADER.CHECKSUM",
                    WARNING,
                    "The table checksum holds",
                    "All bytes of the table must sum to zero. Linux only warns and still uses the table, so a wrong"
                            + " checksum is a sign of a patched or damaged table rather than a boot failure.",
                    "ACPI 6.5 section 5.2.6; Linux acpi_tb_verify_checksum")
            .fwts("ACPITableChecksum");
    static final Rule ASCII = Rule.of(
                    "ACPI.HEADER.ASCII",
                    INFO,
                    "Header identifiers are printable ASCII",
                    "The signature, OEM ID, OEM table ID and creator ID are ASCII strings; other bytes garble every"
                            + " report and tool that prints them.",
                    "ACPI 6.5 section 5.2.6")
            .fwts("ACPITableHdrInfo");
    static final Rule RSDP_LENGTH = Rule.of(
                    "ACPI.RSDP.LENGTH",
                    ERROR,
                    "The RSDP is whole",
                    "An RSDP needs 20 bytes (revision 0) or its 36-byte extended form with a matching length field"
                            + " (revision 2); without it the OS cannot find the XSDT.",
                    "ACPI 6.5 section 5.2.5.3")
            .fwts("ACPITableCheckSumShortRSDP");
    static final Rule RSDP_CHECKSUM = Rule.of(
                    "ACPI.RSDP.CHECKSUM",
                    ERROR,
                    "The RSDP checksum holds",
                    "The first 20 bytes of the RSDP must sum to zero; Linux acpi_tb_validate_rsdp rejects the RSDP"
                            + " otherwise.",
                    "ACPI 6.5 section 5.2.5.3; Linux acpi_tb_validate_rsdp")
            .fwts("ACPITableChecksumRSDP");
    static final Rule RSDP_EXTENDED_CHECKSUM = Rule.of(
                    "ACPI.RSDP.EXTENDED_CHECKSUM",
                    ERROR,
                    "The RSDP extended checksum holds",
                    "In revision 2 and later all `length` bytes must sum to zero.",
                    "ACPI 6.5 section 5.2.5.3")
            .fwts("RSDPBadSecondChecksum");
    static final Rule FACS_LENGTH = Rule.of(
                    "ACPI.FACS.LENGTH",
                    ERROR,
                    "The FACS length is at least 64",
                    "The FACS is at least 64 bytes and its length field must be covered by the data.",
                    "ACPI 6.5 section 5.2.10")
            .fwts("FACSInvalidLength");

    @Override
    public void check(CheckContext ctx) {
        for (LoadedTable t : ctx.tables().all()) {
            switch (t.signature()) {
                case "RSDP" -> rsdp(ctx, t);
                case "FACS" -> facs(ctx, t);
                default -> standard(ctx, t);
            }
        }
    }

    private static void standard(CheckContext ctx, LoadedTable t) {
        RawTable raw = t.raw();
        if (raw.size() < TableHeader.SIZE) {
            ctx.report(SHORT, t, 0, "", "%d bytes cannot hold the 36-byte table header", raw.size());
            return;
        }
        long declared = u32(raw, 4);
        ascii(ctx, t, 0, 4, "signature");
        ascii(ctx, t, 10, 6, "OEM ID");
        ascii(ctx, t, 16, 8, "OEM table ID");
        ascii(ctx, t, 28, 4, "creator ID");
        if (declared < TableHeader.SIZE) {
            ctx.report(
                    LENGTH,
                    t,
                    4,
                    "header.length",
                    "length field says %d bytes, less than the 36-byte header",
                    declared);
            return;
        }
        if (lengthAndTrailing(ctx, t, declared)) {
            checksum(ctx, t, 0, (int) declared, 9, CHECKSUM);
        }
    }

    private static void rsdp(CheckContext ctx, LoadedTable t) {
        RawTable raw = t.raw();
        if (raw.size() < 20) {
            ctx.report(RSDP_LENGTH, t, 0, "", "%d bytes cannot hold the 20-byte RSDP", raw.size());
            return;
        }
        checksum(ctx, t, 0, 20, 8, RSDP_CHECKSUM);
        if (raw.byteAt(15) < 2) {
            return;
        }
        if (raw.size() < 36) {
            ctx.report(
                    RSDP_LENGTH,
                    t,
                    20,
                    "RSDP.length",
                    "revision %d needs 36 bytes, only %d present",
                    raw.byteAt(15),
                    raw.size());
            return;
        }
        long declared = u32(raw, 20);
        if (declared < 36) {
            ctx.report(RSDP_LENGTH, t, 20, "RSDP.length", "length field says %d bytes, the RSDP has 36", declared);
        } else if (declared > raw.size()) {
            ctx.report(
                    RSDP_LENGTH,
                    t,
                    20,
                    "RSDP.length",
                    "length field says %d bytes, only %d present",
                    declared,
                    raw.size());
        } else {
            if (declared < raw.size()) {
                ctx.report(
                        TRAILING,
                        t,
                        declared,
                        "",
                        "%d bytes follow the RSDP's declared length of %d",
                        raw.size() - declared,
                        declared);
            }
            checksum(ctx, t, 0, (int) declared, 32, RSDP_EXTENDED_CHECKSUM);
        }
    }

    private static void facs(CheckContext ctx, LoadedTable t) {
        RawTable raw = t.raw();
        if (raw.size() < 8) {
            ctx.report(FACS_LENGTH, t, 0, "", "%d bytes cannot hold the FACS signature and length", raw.size());
            return;
        }
        long declared = u32(raw, 4);
        if (declared < 64) {
            ctx.report(FACS_LENGTH, t, 4, "FACS.length", "length field says %d bytes, less than 64", declared);
        } else {
            lengthAndTrailing(ctx, t, declared);
        }
    }

    /** Reports a length past the data or bytes past the length; true when the length is exactly the data. */
    private static boolean lengthAndTrailing(CheckContext ctx, LoadedTable t, long declared) {
        int size = t.raw().size();
        if (declared > size) {
            Rule rule = t.signature().equals("FACS") ? FACS_LENGTH : LENGTH;
            ctx.report(
                    rule,
                    t,
                    4,
                    "header.length",
                    "truncated: length field says %d bytes, only %d present",
                    declared,
                    size);
            return false;
        }
        if (declared < size) {
            ctx.report(
                    TRAILING,
                    t,
                    declared,
                    "",
                    "%d bytes follow the table's declared length of %d",
                    size - declared,
                    declared);
        }
        return true;
    }

    private static void checksum(CheckContext ctx, LoadedTable t, int from, int to, int at, Rule rule) {
        int sum = t.raw().byteSum(from, to);
        if (sum != 0) {
            int stored = t.raw().byteAt(at);
            ctx.report(
                    rule,
                    t,
                    at,
                    t.signature() + ".checksum",
                    "checksum 0x%02X is wrong: the bytes sum to 0x%02X, it should be 0x%02X",
                    stored,
                    sum,
                    (stored - sum) & 0xFF);
        }
    }

    private static void ascii(CheckContext ctx, LoadedTable t, int offset, int length, String what) {
        for (int i = offset; i < offset + length; i++) {
            int c = t.raw().byteAt(i);
            if (c != 0 && (c < 0x20 || c > 0x7E)) {
                ctx.report(ASCII, t, i, "header", "%s has the non-printable byte 0x%02X at offset %d", what, c, i);
                return;
            }
        }
    }

    private static long u32(RawTable raw, int offset) {
        return raw.byteAt(offset)
                | (long) raw.byteAt(offset + 1) << 8
                | (long) raw.byteAt(offset + 2) << 16
                | (long) raw.byteAt(offset + 3) << 24;
    }
}
