package io.github.xenacpi.aml;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A NameString as written in AML (ACPI 6.5 section 20.2.2): an optional root prefix ({@code \}), a number of
 * parent prefixes ({@code ^}) and zero or more 4-character name segments (zero for the NullName).
 */
public record AmlName(boolean rooted, int parentPrefixes, List<String> segments) {

    public AmlName {
        segments = List.copyOf(segments);
        if (rooted && parentPrefixes > 0) {
            throw new IllegalArgumentException("a name cannot have both root and parent prefixes");
        }
        if (parentPrefixes < 0) {
            throw new IllegalArgumentException("negative parent prefix count");
        }
        for (int i = 0; i < segments.size(); i++) {
            if (!isNameSeg(segments.get(i))) {
                throw new IllegalArgumentException("not a 4-character NameSeg: '" + segments.get(i) + "'");
            }
        }
    }

    /**
     * Parses ASL-style text such as {@code \_SB.PCI0}, {@code ^^FOO} or {@code _HID}; segments shorter than four
     * characters are padded with underscores as iasl does.
     */
    public static AmlName parse(String text) {
        Objects.requireNonNull(text, "text");
        int i = 0;
        boolean root = false;
        int parents = 0;
        if (text.startsWith("\\")) {
            root = true;
            i = 1;
        } else {
            while (i < text.length() && text.charAt(i) == '^') {
                parents++;
                i++;
            }
        }
        String rest = text.substring(i);
        List<String> segs = new ArrayList<>();
        if (!rest.isEmpty()) {
            for (String part : rest.split("\\.", -1)) {
                segs.add(padSegment(part));
            }
        }
        return new AmlName(root, parents, segs);
    }

    /** A name of one segment, relative to the current scope (subject to the ACPI search rules). */
    public static AmlName of(String segment) {
        return new AmlName(false, 0, List.of(padSegment(segment)));
    }

    /** Whether the ACPI search rules apply (ACPI 6.5 section 5.3): a single segment with no prefix. */
    public boolean searchable() {
        return !rooted && parentPrefixes == 0 && segments.size() == 1;
    }

    /** Whether this is the NullName (no prefix and no segment). */
    public boolean isNull() {
        return !rooted && parentPrefixes == 0 && segments.isEmpty();
    }

    /** The last segment, or the empty string for a name without segments. */
    public String lastSegment() {
        return segments.isEmpty() ? "" : segments.get(segments.size() - 1);
    }

    /** The name as iasl prints it: {@code \_SB.PCI0}, trailing underscores of each segment dropped. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (rooted) {
            sb.append('\\');
        }
        sb.append("^".repeat(parentPrefixes));
        for (int i = 0; i < segments.size(); i++) {
            if (i > 0) {
                sb.append('.');
            }
            sb.append(printSegment(segments.get(i)));
        }
        return sb.toString();
    }

    /** A segment as iasl prints it: trailing underscores dropped, but never to nothing. */
    public static String printSegment(String seg) {
        int end = seg.length();
        while (end > 1 && seg.charAt(end - 1) == '_') {
            end--;
        }
        return seg.substring(0, end);
    }

    /** Pads a segment of 1 to 4 characters with underscores; rejects anything else. */
    static String padSegment(String part) {
        if (part.isEmpty() || part.length() > 4) {
            throw new IllegalArgumentException("name segment must have 1 to 4 characters: '" + part + "'");
        }
        return (part + "___").substring(0, 4);
    }

    /** Whether {@code s} is a NameSeg: a lead character A-Z or '_', then three of A-Z, 0-9, '_'. */
    public static boolean isNameSeg(String s) {
        if (s.length() != 4 || !isLeadChar(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < 4; i++) {
            if (!isNameChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    public static boolean isLeadChar(int c) {
        return (c >= 'A' && c <= 'Z') || c == '_';
    }

    public static boolean isNameChar(int c) {
        return isLeadChar(c) || (c >= '0' && c <= '9');
    }
}
