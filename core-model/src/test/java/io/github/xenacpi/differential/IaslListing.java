package io.github.xenacpi.differential;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What ACPICA's {@code iasl -d} made of one table: the field lines of a data table listing
 * ({@code [024h 0036   4]   Field Name : Value}, or {@code [024h 0036 004h]} in newer iasl), the sub-table
 * headers among them, the original header of an AML definition block, and every error, warning and
 * "unknown" line iasl wrote to the listing or its console.
 */
final class IaslListing {

    /** How long one iasl run may take before it is killed and reported. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static final Pattern FIELD =
            Pattern.compile("^\\[([0-9A-Fa-f]+)h ([0-9]+)\\s+([0-9A-Fa-f]+h|[0-9]+)\\]\\s*(.*?)\\s*:\\s?(.*)$");
    private static final Pattern AML_HEADER = Pattern.compile("^\\s*\\*\\s+(Signature|Length|Revision|Checksum"
            + "|OEM ID|OEM Table ID|OEM Revision|Compiler ID|Compiler Version)\\s+(.*)$");
    private static final Pattern CONSOLE_HEADER = Pattern.compile("^ACPI: (\\S{4}) 0x[0-9A-Fa-f]+ ([0-9A-Fa-f]+) "
            + "\\(v([0-9A-Fa-f]+) (.{6}) (.{8}) ([0-9A-Fa-f]+) (.{4}) ([0-9A-Fa-f]+)\\)");
    private static final Pattern UNKNOWN_SIGNATURE = Pattern.compile("Unknown ACPI table signature \\[(.{4})\\]");

    /** One field line: its table offset and byte length, the field name, and the value text as printed. */
    record Field(long offset, int length, String name, String value, int line) {

        /** The value as an unsigned number: the leading hex digits of the value text. */
        Optional<Long> number() {
            Matcher m = Pattern.compile("^([0-9A-Fa-f]+)\\b").matcher(value);
            if (!m.find() || m.group(1).length() > 16) {
                return Optional.empty();
            }
            return Optional.of(Long.parseUnsignedLong(m.group(1), 16));
        }

        /** The value as a quoted string, without quotes and trailing blanks/NULs; the raw text otherwise. */
        String text() {
            if (value.startsWith("\"")) {
                int close = value.indexOf('"', 1);
                String s = close > 0 ? value.substring(1, close) : value.substring(1);
                return s.replaceAll("[\\s\\x00]+$", "");
            }
            return value.trim();
        }

        /** Whether this line opens a sub-structure (a "Subtable Type", "Type" or "Node Type" line). */
        boolean isSubtableHeader() {
            return name.endsWith("Subtable Type") || name.equals("Type") || name.endsWith("Node Type");
        }
    }

    private final List<Field> fields;
    private final Map<String, String> amlHeader;
    private final List<String> errors;
    private final List<String> warnings;
    private final List<String> unknown;
    private final String unknownSignature;
    private final boolean produced;
    private final String console;

    private IaslListing(
            List<Field> fields,
            Map<String, String> amlHeader,
            List<String> errors,
            List<String> warnings,
            List<String> unknown,
            String unknownSignature,
            boolean produced,
            String console) {
        this.fields = List.copyOf(fields);
        this.amlHeader = Map.copyOf(amlHeader);
        this.errors = List.copyOf(errors);
        this.warnings = List.copyOf(warnings);
        this.unknown = List.copyOf(unknown);
        this.unknownSignature = unknownSignature;
        this.produced = produced;
        this.console = console;
    }

    /** Whether an {@code iasl} executable answers on the PATH. */
    static boolean available() {
        try {
            Process p =
                    new ProcessBuilder("iasl", "-v").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Disassembles one table file: copies it into a fresh temporary folder (iasl writes the listing beside its
     * input), runs {@code iasl -d} there with {@link #TIMEOUT}, parses the listing and removes the folder.
     */
    static IaslListing disassemble(Path tableFile) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("xenacpi-iasl");
        try {
            Path input = dir.resolve("table.dat");
            Files.copy(tableFile, input);
            Path log = dir.resolve("console.txt");
            Process p = new ProcessBuilder("iasl", "-d", input.getFileName().toString())
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            boolean finished = p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (!finished) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            String console = Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
            Path dsl = dir.resolve("table.dsl");
            String listing = Files.exists(dsl) ? Files.readString(dsl, StandardCharsets.ISO_8859_1) : "";
            IaslListing parsed = parse(listing, console);
            if (!finished) {
                return parsed.withError("iasl did not finish within " + TIMEOUT.toSeconds() + " s");
            }
            if (p.exitValue() != 0) {
                return parsed.withError("iasl exited with status " + p.exitValue());
            }
            return parsed;
        } finally {
            deleteTree(dir);
        }
    }

    /** Parses a listing and the console text iasl printed while writing it. */
    static IaslListing parse(String listing, String console) {
        List<Field> fields = new ArrayList<>();
        Map<String, String> aml = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        String unknownSignature = null;
        String[] lines = listing.split("\\R", -1);
        boolean inAmlHeader = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher f = FIELD.matcher(line);
            if (f.matches()) {
                String len = f.group(3);
                int length = len.endsWith("h")
                        ? Integer.parseInt(len.substring(0, len.length() - 1), 16)
                        : Integer.parseInt(len);
                Field field = new Field(
                        Long.parseLong(f.group(1), 16),
                        length,
                        f.group(4),
                        f.group(5).trim(),
                        i + 1);
                fields.add(field);
                if (field.value().contains("[Unknown Subtable Type]")) {
                    unknown.add("line " + (i + 1) + ": " + field.name() + " " + field.value());
                }
                continue;
            }
            if (line.contains("Original Table Header:")) {
                inAmlHeader = true;
                continue;
            }
            if (inAmlHeader) {
                Matcher h = AML_HEADER.matcher(line);
                if (h.matches()) {
                    aml.put(h.group(1), h.group(2).trim());
                    continue;
                }
                inAmlHeader = !line.contains("*/");
            }
            classify(line, i + 1, errors, warnings, unknown);
            Matcher u = UNKNOWN_SIGNATURE.matcher(line);
            if (u.find()) {
                unknownSignature = u.group(1);
            }
        }
        for (String line : console.split("\\R", -1)) {
            Matcher u = UNKNOWN_SIGNATURE.matcher(line);
            if (u.find()) {
                unknownSignature = u.group(1);
            }
            if (line.contains("does not contain a valid ACPI table")
                    || line.contains("is too long for file")
                    || line.startsWith("ACPI Error")
                    || line.contains("Could not")
                    || line.contains("Error ")) {
                errors.add("console: " + line.trim());
            } else if (line.startsWith("ACPI Warning")) {
                warnings.add("console: " + line.trim());
            }
        }
        if (aml.isEmpty()) {
            consoleHeader(console, aml);
        }
        boolean produced = !fields.isEmpty() || !aml.isEmpty();
        return new IaslListing(fields, aml, errors, warnings, unknown, unknownSignature, produced, console);
    }

    private static void classify(
            String line, int number, List<String> errors, List<String> warnings, List<String> unknown) {
        String t = line.trim();
        String where = "line " + number + ": " + t;
        if (t.contains("Unknown ACPI table signature")) {
            return;
        }
        if (t.startsWith("**** Unknown") || (t.startsWith("Unknown ") && t.contains("type"))) {
            unknown.add(where);
        } else if ((t.startsWith("****") && !t.startsWith("**** Unknown ACPI table signature"))
                || t.startsWith("Invalid ")
                || t.contains("ACPI Error")
                || t.startsWith("// ACPI Error")) {
            errors.add(where);
        } else if (t.startsWith("// ACPI Warning") || t.startsWith("ACPI Warning")) {
            warnings.add(where);
        }
    }

    /** The header iasl prints on its console before disassembling ("ACPI: DSDT 0x... (v02 ...)"). */
    private static void consoleHeader(String console, Map<String, String> aml) {
        for (String line : console.split("\\R", -1)) {
            Matcher m = CONSOLE_HEADER.matcher(line);
            if (m.find()) {
                aml.put("Signature", "\"" + m.group(1) + "\"");
                aml.put("Length", "0x" + m.group(2));
                aml.put("Revision", "0x" + m.group(3));
                aml.put("OEM ID", "\"" + m.group(4) + "\"");
                aml.put("OEM Table ID", "\"" + m.group(5) + "\"");
                aml.put("OEM Revision", "0x" + m.group(6));
                aml.put("Compiler ID", "\"" + m.group(7) + "\"");
                aml.put("Compiler Version", "0x" + m.group(8));
                return;
            }
        }
    }

    private IaslListing withError(String error) {
        List<String> e = new ArrayList<>(errors);
        e.add(error);
        return new IaslListing(fields, amlHeader, e, warnings, unknown, unknownSignature, produced, console);
    }

    /** Every field line in listing order. */
    List<Field> fields() {
        return fields;
    }

    /** The field lines at a table offset, in listing order (a GAS banner and its Space ID share one). */
    List<Field> at(long offset) {
        return fields.stream().filter(f -> f.offset() == offset).toList();
    }

    /** The field at an offset whose name is one of {@code names} (compared case-insensitively). */
    Optional<Field> at(long offset, String... names) {
        return at(offset).stream()
                .filter(f -> {
                    for (String n : names) {
                        if (f.name().equalsIgnoreCase(n)) {
                            return true;
                        }
                    }
                    return false;
                })
                .findFirst();
    }

    /** The first field named {@code name} after {@code from}, before the next sub-structure header. */
    Optional<Field> nextInBlock(Field from, String name) {
        return block(from).stream()
                .filter(f -> f.line() > from.line() && f.name().equalsIgnoreCase(name))
                .findFirst();
    }

    /** The first field named {@code name} in the sub-structure holding {@code from}. */
    Optional<Field> inBlock(Field from, String name) {
        return block(from).stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The fields of the sub-structure holding {@code field}: from its header line to the next header. */
    List<Field> block(Field field) {
        int index = fields.indexOf(field);
        int start = index;
        while (start > 0 && !fields.get(start).isSubtableHeader()) {
            start--;
        }
        int end = index + 1;
        while (end < fields.size() && !fields.get(end).isSubtableHeader()) {
            end++;
        }
        return fields.subList(start, end);
    }

    /**
     * The "Original Table Header" of an AML definition block (or the console's one-line header when iasl
     * stopped before writing it): Signature, Length, Revision, Checksum, OEM ID, OEM Table ID, OEM Revision,
     * Compiler ID, Compiler Version, values as printed.
     */
    Map<String, String> amlHeader() {
        return amlHeader;
    }

    /** Error lines of the listing and the console. */
    List<String> errors() {
        return errors;
    }

    List<String> warnings() {
        return warnings;
    }

    /** Lines where iasl met a sub-table or node type it does not know. */
    List<String> unknownTypes() {
        return unknown;
    }

    /** The signature iasl called unknown ("Unknown ACPI table signature"), if it did. */
    Optional<String> unknownSignature() {
        return Optional.ofNullable(unknownSignature);
    }

    /** Whether iasl produced anything to compare with: field lines or a definition block header. */
    boolean produced() {
        return produced;
    }

    /** What iasl printed on its console. */
    String console() {
        return console;
    }

    /** A short account of the problems iasl reported, for messages. */
    String problems() {
        List<String> all = new ArrayList<>(errors);
        all.addAll(unknown);
        return all.isEmpty() ? "none" : String.join("; ", all);
    }

    /** A numeric AML header value printed as {@code 0x0005FC8F (392335)} or {@code 0x02}. */
    static long amlNumber(String printed) {
        String hex = printed.trim().toLowerCase(Locale.ROOT);
        int space = hex.indexOf(' ');
        hex = space > 0 ? hex.substring(0, space) : hex;
        return Long.parseUnsignedLong(hex.startsWith("0x") ? hex.substring(2) : hex, 16);
    }

    /** A string AML header value printed with quotes, without quotes and trailing blanks. */
    static String amlText(String printed) {
        String s = printed.trim();
        if (s.startsWith("\"") && s.lastIndexOf('"') > 0) {
            s = s.substring(1, s.lastIndexOf('"'));
        }
        return s.replaceAll("[\\s\\x00]+$", "");
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
