package io.github.xenacpi.acpi.source;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One table header line of an acpidump text: {@code SIG @ 0xADDRESS}. The name may carry an instance number
 * ({@code SSDT4}, pmtools) that is not used, since instances follow input order; {@code RSD PTR} and
 * {@code RSD } both mean the RSDP. The address is -1 when the line gives none ({@code (nil)}) or one that cannot
 * be read ({@link #addressProblem()} then says why).
 *
 * @param name           the text before {@code " @ "}, trimmed
 * @param signature      the signature it names
 * @param address        the physical address printed, -1 when none
 * @param addressProblem null, or why the address could not be read
 */
record DumpHeader(String name, String signature, long address, String addressProblem) {

    private static final Pattern NAME = Pattern.compile("([A-Za-z0-9_]{4})\\d*");
    private static final Pattern ADDRESS = Pattern.compile("0[xX]([0-9A-Fa-f]{1,16})\\b.*");

    /**
     * The header on the line, or empty when the line is not one: it starts with white space, has no
     * {@code " @ "}, or names no signature.
     */
    static Optional<DumpHeader> parse(String line) {
        if (line.isEmpty() || Character.isWhitespace(line.charAt(0))) {
            return Optional.empty();
        }
        int at = line.indexOf(" @ ");
        if (at <= 0) {
            return Optional.empty();
        }
        String name = line.substring(0, at).trim();
        String signature;
        if (name.equals("RSD PTR") || name.equals("RSD")) {
            signature = TableSignature.RSDP;
        } else {
            Matcher m = NAME.matcher(name);
            if (!m.matches()) {
                return Optional.empty();
            }
            signature = m.group(1);
        }
        String rest = line.substring(at + 3).trim();
        if (rest.toLowerCase(Locale.ROOT).startsWith("(nil)")) {
            return Optional.of(new DumpHeader(name, signature, -1, null));
        }
        Matcher a = ADDRESS.matcher(rest);
        if (!a.matches()) {
            return Optional.of(new DumpHeader(
                    name,
                    signature,
                    -1,
                    "address \"" + shorten(rest) + "\" is not 0x followed by at most 16 hex digits"));
        }
        long address = Long.parseUnsignedLong(a.group(1), 16);
        return Optional.of(new DumpHeader(name, signature, address == 0 ? -1 : address, null));
    }

    static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
