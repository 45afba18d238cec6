package io.github.xenacpi.differential;

import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Compares one decoded table with iasl's listing of the same bytes: the header fields, and for every region the
 * base (and the length where the listing shows it, see {@link RegionLengthRule}). Collects mismatches (both
 * values printed) and what iasl could not show (unknown signature, node or sub-table types) separately, so that
 * a caller fails on the first and reports the second.
 */
final class IaslComparison {

    /** The outcome for one table. */
    record Result(
            List<String> mismatches, List<String> unknownToIasl, List<RegionKind> comparedKinds, int lengthsCompared) {

        Result {
            mismatches = List.copyOf(mismatches);
            unknownToIasl = List.copyOf(unknownToIasl);
            comparedKinds = List.copyOf(comparedKinds);
        }

        /** How many regions had their base compared. */
        int regionsCompared() {
            return comparedKinds.size();
        }
    }

    /** A header field: its offset in a standard header, iasl's names for it, and our value. */
    private record HeaderField(
            String name, long offset, List<String> iaslNames, boolean text, Function<TableHeader, Object> ours) {}

    private static final List<HeaderField> STANDARD_HEADER = List.of(
            new HeaderField("signature", 0, List.of("Signature"), true, TableHeader::signature),
            new HeaderField("length", 4, List.of("Table Length", "Length"), false, TableHeader::length),
            new HeaderField("revision", 8, List.of("Revision"), false, h -> (long) h.revision()),
            new HeaderField("checksum", 9, List.of("Checksum"), false, h -> (long) h.checksum()),
            new HeaderField("OEM ID", 10, List.of("Oem ID"), true, TableHeader::oemId),
            new HeaderField("OEM table ID", 16, List.of("Oem Table ID"), true, TableHeader::oemTableId),
            new HeaderField("OEM revision", 24, List.of("Oem Revision"), false, TableHeader::oemRevision),
            new HeaderField("creator ID", 28, List.of("Asl Compiler ID"), true, TableHeader::creatorId),
            new HeaderField(
                    "creator revision", 32, List.of("Asl Compiler Revision"), false, TableHeader::creatorRevision));

    /** The same fields as named in the "Original Table Header" of a disassembled definition block. */
    private static final Map<String, String> AML_NAMES = Map.of(
            "signature",
            "Signature",
            "length",
            "Length",
            "revision",
            "Revision",
            "checksum",
            "Checksum",
            "OEM ID",
            "OEM ID",
            "OEM table ID",
            "OEM Table ID",
            "OEM revision",
            "OEM Revision",
            "creator ID",
            "Compiler ID",
            "creator revision",
            "Compiler Version");

    private IaslComparison() {}

    /** Compares the header, the checksum verdict and every region of {@code table} with {@code listing}. */
    static Result compare(LoadedTable table, IaslListing listing) {
        List<String> mismatches = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        listing.unknownSignature()
                .ifPresent(s -> unknown.add(
                        "iasl 20200925 does not know the table signature " + s + " (header compared only)"));
        listing.unknownTypes().forEach(u -> unknown.add("iasl does not know a sub-structure type: " + u));
        if (listing.fields().isEmpty()) {
            compareAmlHeader(table.header(), listing, mismatches);
        } else {
            compareHeader(table, listing, mismatches);
        }
        List<RegionKind> compared = new ArrayList<>();
        int lengths = 0;
        for (DescribedRegion r : table.regions()) {
            Optional<IaslListing.Field> base = baseField(listing, r.offset());
            if (base.isEmpty()) {
                String what = String.format(
                        "%s (%s) at offset 0x%X: iasl shows no field there", r.path(), r.kind(), r.offset());
                if (listing.unknownSignature().isPresent()
                        || !listing.unknownTypes().isEmpty()
                        || !listing.errors().isEmpty()) {
                    unknown.add(what + " (iasl reported: " + listing.problems() + ")");
                } else {
                    mismatches.add(what);
                }
                continue;
            }
            compared.add(r.kind());
            IaslListing.Field field = base.get();
            long iaslBase = field.number().orElseThrow();
            long ecamShift = 0;
            if (r.kind() == RegionKind.ECAM) {
                // pci_mcfg_lookup: the window of bus S starts S MiB above the allocation's (bus 0) base.
                ecamShift = listing.nextInBlock(field, "Start Bus Number")
                                .flatMap(IaslListing.Field::number)
                                .orElse(0L)
                        << 20;
            }
            if (iaslBase + ecamShift != r.base()) {
                mismatches.add(String.format(
                        "%s (%s): base 0x%X, iasl %s at 0x%X (line %d) says 0x%X%s",
                        r.path(),
                        r.kind(),
                        r.base(),
                        field.name(),
                        r.offset(),
                        field.line(),
                        iaslBase + ecamShift,
                        ecamShift != 0 ? String.format(" (0x%X + start bus << 20)", iaslBase) : ""));
            }
            Optional<Long> iaslLength = RegionLengthRule.of(r.kind()).flatMap(rule -> length(rule, field, listing));
            if (iaslLength.isPresent()) {
                lengths++;
                if (iaslLength.get() != r.length()) {
                    mismatches.add(String.format(
                            "%s (%s): length 0x%X, iasl says 0x%X", r.path(), r.kind(), r.length(), iaslLength.get()));
                }
            }
        }
        return new Result(mismatches, unknown, compared, lengths);
    }

    private static void compareHeader(LoadedTable table, IaslListing listing, List<String> mismatches) {
        TableHeader h = table.header();
        if (table.signature().equals("RSDP")) {
            compareField(mismatches, "checksum", (long) h.checksum(), listing.at(8, "Checksum"), false);
            compareField(mismatches, "OEM ID", h.oemId(), listing.at(9, "Oem ID"), true);
            compareField(mismatches, "revision", (long) h.revision(), listing.at(15, "Revision"), false);
            return;
        }
        // FACS and the like have no standard header: iasl lists their signature and length only.
        boolean standard = listing.at(9, "Checksum").isPresent();
        for (HeaderField f : STANDARD_HEADER) {
            if (!standard && f.offset() >= 8) {
                continue;
            }
            Optional<IaslListing.Field> theirs =
                    listing.at(f.offset(), f.iaslNames().toArray(String[]::new));
            compareField(mismatches, f.name(), f.ours().apply(h), theirs, f.text());
        }
        listing.at(9, "Checksum")
                .filter(c -> c.value().toLowerCase(Locale.ROOT).contains("incorrect"))
                .filter(c -> table.checksumValid())
                .ifPresent(c -> mismatches.add("checksum: we accept it, iasl says " + c.value()));
    }

    private static void compareAmlHeader(TableHeader h, IaslListing listing, List<String> mismatches) {
        Map<String, String> aml = listing.amlHeader();
        for (HeaderField f : STANDARD_HEADER) {
            String printed = aml.get(AML_NAMES.get(f.name()));
            if (printed == null) {
                continue; // the console's one-line header carries no checksum
            }
            Object ours = f.ours().apply(h);
            Object theirs = f.text() ? IaslListing.amlText(printed) : (Object) IaslListing.amlNumber(printed);
            if (!normalise(ours).equals(normalise(theirs))) {
                mismatches.add(String.format("header %s: ours %s, iasl %s", f.name(), ours, printed));
            }
        }
    }

    private static void compareField(
            List<String> mismatches, String name, Object ours, Optional<IaslListing.Field> theirs, boolean text) {
        if (theirs.isEmpty()) {
            mismatches.add("header " + name + ": iasl lists no such field");
            return;
        }
        IaslListing.Field f = theirs.get();
        Object value = text ? f.text() : f.number().orElse(null);
        if (value == null || !normalise(ours).equals(normalise(value))) {
            mismatches.add(String.format("header %s: ours %s, iasl %s (line %d)", name, ours, f.value(), f.line()));
        }
    }

    /**
     * Strings compare as iasl prints them: bytes outside printable ASCII shown as blanks, trailing blanks
     * dropped; numbers as longs.
     */
    private static Object normalise(Object v) {
        if (v instanceof String s) {
            return s.replaceAll("[^\\x20-\\x7E]", " ").stripTrailing();
        }
        return v instanceof Number n ? n.longValue() : v;
    }

    /** The field holding a region's base: a numeric field of 1 to 8 bytes at that offset, not a banner. */
    private static Optional<IaslListing.Field> baseField(IaslListing listing, long offset) {
        return listing.at(offset).stream()
                .filter(f -> f.length() <= 8
                        && !f.value().startsWith("[")
                        && f.number().isPresent())
                .findFirst();
    }

    private static Optional<Long> length(RegionLengthRule rule, IaslListing.Field base, IaslListing listing) {
        return switch (rule.how()) {
            case FIELD_AFTER -> listing.nextInBlock(base, rule.field()).flatMap(IaslListing.Field::number);
            case FIELD_IN_BLOCK -> listing.inBlock(base, rule.field()).flatMap(IaslListing.Field::number);
            case BUS_RANGE -> {
                Optional<Long> start =
                        listing.nextInBlock(base, "Start Bus Number").flatMap(IaslListing.Field::number);
                Optional<Long> end = listing.nextInBlock(base, "End Bus Number").flatMap(IaslListing.Field::number);
                yield start.isPresent() && end.isPresent()
                        ? Optional.of(end.get() >= start.get() ? (end.get() - start.get() + 1) << 20 : 0L)
                        : Optional.empty();
            }
            case GAS_ACCESS -> gasLength(listing, base.offset() - 4);
        };
    }

    /** The bytes one access of the GAS at {@code gas} touches, as iasl lists its width fields. */
    private static Optional<Long> gasLength(IaslListing listing, long gas) {
        Optional<Long> access = listing.at(gas + 3, "Encoded Access Width").flatMap(IaslListing.Field::number);
        Optional<Long> width = listing.at(gas + 1, "Bit Width").flatMap(IaslListing.Field::number);
        Optional<Long> bitOffset = listing.at(gas + 2, "Bit Offset").flatMap(IaslListing.Field::number);
        if (access.isEmpty() || width.isEmpty()) {
            return Optional.empty();
        }
        long a = access.get();
        if (a >= 1 && a <= 4) {
            return Optional.of(1L << (a - 1));
        }
        return Optional.of(Math.max(1, (bitOffset.orElse(0L) + width.get() + 7) / 8));
    }
}
