package io.github.xenacpi.differential;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The named objects an ASL listing (as {@code iasl -d} writes it) declares outside method bodies: how many Devices,
 * Methods, Names and OperationRegions, and each OperationRegion with its absolute path, space and, where the
 * listing prints them as constants, base and length. Comments and string literals are ignored; brace tracking
 * follows the scopes that Scope, Device, Processor, ThermalZone and PowerResource open, and skips every Method
 * body, since a loaded namespace holds no objects that only exist while a method runs.
 */
final class AslDeclarations {

    /** One OperationRegion of the listing; base and length are empty where iasl printed an expression. */
    record Region(String path, int spaceId, OptionalLong base, OptionalLong length) {}

    /** The counts and regions of one listing. */
    record Result(int devices, int methods, int names, int operationRegions, List<Region> regions) {
        Result {
            regions = List.copyOf(regions);
        }

        /** The sum of two listings' declarations (a DSDT and its SSDTs). */
        Result plus(Result other) {
            List<Region> all = new ArrayList<>(regions);
            all.addAll(other.regions);
            return new Result(
                    devices + other.devices,
                    methods + other.methods,
                    names + other.names,
                    operationRegions + other.operationRegions,
                    all);
        }

        static final Result EMPTY = new Result(0, 0, 0, 0, List.of());
    }

    private static final Pattern KEYWORD = Pattern.compile(
            "(?<![A-Za-z0-9_])(Scope|Device|Processor|ThermalZone|PowerResource|Method|Name|OperationRegion)\\s*\\(");

    private static final Pattern HEX = Pattern.compile("0[xX]([0-9A-Fa-f]+)");

    private static final Pattern DECIMAL = Pattern.compile("[0-9]+");

    /** iasl's keywords for the address spaces (ACPI 6.5 section 19.6.100). */
    private static final Map<String, Integer> SPACES = Map.ofEntries(
            Map.entry("SystemMemory", 0x00),
            Map.entry("SystemIO", 0x01),
            Map.entry("PCI_Config", 0x02),
            Map.entry("EmbeddedControl", 0x03),
            Map.entry("SMBus", 0x04),
            Map.entry("SystemCMOS", 0x05),
            Map.entry("PciBarTarget", 0x06),
            Map.entry("IPMI", 0x07),
            Map.entry("GeneralPurposeIo", 0x08),
            Map.entry("GenericSerialBus", 0x09),
            Map.entry("PCC", 0x0A),
            Map.entry("PlatformRtMechanism", 0x0B),
            Map.entry("FFixedHW", 0x7F));

    private AslDeclarations() {}

    /** Parses one listing. */
    static Result parse(String asl) {
        String code = withoutCommentsAndStrings(asl);
        int devices = 0;
        int methods = 0;
        int names = 0;
        int regions = 0;
        List<Region> found = new ArrayList<>();
        Deque<String> scopes = new ArrayDeque<>();
        String scope = "\\";
        String pendingScope = null;
        boolean pendingMethod = false;
        Matcher keyword = KEYWORD.matcher(code);
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '{') {
                if (pendingMethod) {
                    i = matchingBrace(code, i) + 1;
                    pendingMethod = false;
                    continue;
                }
                scopes.push(scope);
                if (pendingScope != null) {
                    scope = pendingScope;
                    pendingScope = null;
                }
                i++;
                continue;
            }
            if (c == '}') {
                scope = scopes.isEmpty() ? "\\" : scopes.pop();
                i++;
                continue;
            }
            if (!keyword.find(i)) {
                break;
            }
            int next = nextBrace(code, i);
            if (next >= 0 && next < keyword.start()) {
                i = next;
                continue;
            }
            int open = keyword.end() - 1;
            int close = matchingParen(code, open);
            List<String> args = splitArguments(code.substring(open + 1, close));
            String name = args.isEmpty() ? "" : args.get(0);
            switch (keyword.group(1)) {
                case "Scope", "Processor", "ThermalZone", "PowerResource" -> pendingScope = resolve(scope, name);
                case "Device" -> {
                    devices++;
                    pendingScope = resolve(scope, name);
                }
                case "Method" -> {
                    methods++;
                    pendingMethod = true;
                }
                case "Name" -> names++;
                case "OperationRegion" -> {
                    regions++;
                    found.add(region(resolve(scope, name), args));
                }
                default -> throw new IllegalStateException(keyword.group(1));
            }
            i = close + 1;
        }
        return new Result(devices, methods, names, regions, found);
    }

    private static Region region(String path, List<String> args) {
        int space = args.size() > 1 ? space(args.get(1)) : -1;
        return new Region(
                path,
                space,
                args.size() > 2 ? constant(args.get(2)) : OptionalLong.empty(),
                args.size() > 3 ? constant(args.get(3)) : OptionalLong.empty());
    }

    private static int space(String s) {
        Integer id = SPACES.get(s);
        if (id != null) {
            return id;
        }
        OptionalLong v = constant(s);
        return v.isPresent() ? (int) v.getAsLong() : -1;
    }

    /** A literal as iasl prints one: hex, decimal, Zero or One; anything else is an expression. */
    static OptionalLong constant(String s) {
        String t = s.strip();
        if (t.equals("Zero")) {
            return OptionalLong.of(0);
        }
        if (t.equals("One")) {
            return OptionalLong.of(1);
        }
        Matcher hex = HEX.matcher(t);
        if (hex.matches() && hex.group(1).length() <= 16) {
            return OptionalLong.of(Long.parseUnsignedLong(hex.group(1), 16));
        }
        if (DECIMAL.matcher(t).matches() && t.length() <= 18) {
            return OptionalLong.of(Long.parseLong(t));
        }
        return OptionalLong.empty();
    }

    /**
     * The absolute path of {@code name} declared in {@code scope}, each segment padded to four characters with
     * underscores: {@code \} makes it absolute, each {@code ^} climbs one level.
     */
    static String resolve(String scope, String name) {
        String n = name.strip();
        List<String> segments = new ArrayList<>();
        if (n.startsWith("\\")) {
            n = n.substring(1);
        } else {
            segments.addAll(segments(scope));
            while (n.startsWith("^")) {
                n = n.substring(1);
                if (!segments.isEmpty()) {
                    segments.remove(segments.size() - 1);
                }
            }
        }
        segments.addAll(segments(n));
        return "\\" + String.join(".", segments);
    }

    /** An absolute path with four-character segments, for comparison with a loaded namespace's paths. */
    static String normalise(String absolutePath) {
        return resolve("\\", absolutePath.startsWith("\\") ? absolutePath : "\\" + absolutePath);
    }

    private static List<String> segments(String path) {
        String p = path.startsWith("\\") ? path.substring(1) : path;
        List<String> out = new ArrayList<>();
        for (String s : p.split("\\.", -1)) {
            if (!s.isEmpty()) {
                StringBuilder b = new StringBuilder(s.toUpperCase(Locale.ROOT));
                while (b.length() < 4) {
                    b.append('_');
                }
                out.add(b.toString());
            }
        }
        return out;
    }

    private static int nextBrace(String code, int from) {
        for (int j = from; j < code.length(); j++) {
            char c = code.charAt(j);
            if (c == '{' || c == '}') {
                return j;
            }
        }
        return -1;
    }

    private static int matchingBrace(String code, int open) {
        int depth = 0;
        for (int j = open; j < code.length(); j++) {
            char c = code.charAt(j);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return j;
            }
        }
        return code.length() - 1;
    }

    private static int matchingParen(String code, int open) {
        int depth = 0;
        for (int j = open; j < code.length(); j++) {
            char c = code.charAt(j);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return j;
            }
        }
        return code.length() - 1;
    }

    private static List<String> splitArguments(String list) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int j = 0; j < list.length(); j++) {
            char c = list.charAt(j);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(list.substring(start, j).strip());
                start = j + 1;
            }
        }
        out.add(list.substring(start).strip());
        return out;
    }

    /** The listing with comments removed and each string literal's contents dropped (the quotes stay). */
    static String withoutCommentsAndStrings(String asl) {
        StringBuilder out = new StringBuilder(asl.length());
        int i = 0;
        while (i < asl.length()) {
            char c = asl.charAt(i);
            if (c == '/' && i + 1 < asl.length() && asl.charAt(i + 1) == '/') {
                int end = asl.indexOf('\n', i);
                i = end < 0 ? asl.length() : end;
            } else if (c == '/' && i + 1 < asl.length() && asl.charAt(i + 1) == '*') {
                int end = asl.indexOf("*/", i + 2);
                i = end < 0 ? asl.length() : end + 2;
                out.append(' ');
            } else if (c == '"') {
                int j = i + 1;
                while (j < asl.length() && asl.charAt(j) != '"') {
                    j += asl.charAt(j) == '\\' ? 2 : 1;
                }
                out.append("\"\"");
                i = Math.min(j + 1, asl.length());
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
