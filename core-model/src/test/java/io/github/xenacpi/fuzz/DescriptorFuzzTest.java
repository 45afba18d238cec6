package io.github.xenacpi.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.xenacpi.platform.PlatformDescriptor;
import io.github.xenacpi.platform.PlatformDescriptorReader;
import io.github.xenacpi.platform.PlatformException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The descriptor reader on any text: it gives a descriptor, which written back and read again is the same, or a
 * {@link PlatformException} whose message names the file and speaks no Java.
 */
class DescriptorFuzzTest {

    private static final Path FILE;

    static {
        try {
            FILE = Files.createTempDirectory("xenacpi-descriptor-fuzz").resolve(PlatformDescriptorReader.FILE_NAME);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final Pattern JAVA_WORD = Pattern.compile("[\\w.<>]*(?:java\\.|Exception)[\\w.<>]*");

    /** What a message quotes from the user: JSON strings (keys), the parser's 'tokens', and JSONPaths of keys. */
    private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'");

    private static final Pattern JSON_PATH = Pattern.compile("\\$(?:\\.[A-Za-z_][A-Za-z0-9_]*|\\[[^\\]]*\\])*");

    /**
     * Whether a message names Java: with what it quotes from the user taken out (the user's keys, values and tokens
     * may say anything), a word holding {@code java.} or {@code Exception} that the user's text does not hold either,
     * as written or with its JSON escapes read.
     */
    static boolean speaksJava(String message, String input) {
        String own =
                JSON_PATH.matcher(QUOTED.matcher(message).replaceAll("\"\"")).replaceAll("\\$");
        String unescaped = unescaped(input);
        Matcher m = JAVA_WORD.matcher(own);
        while (m.find()) {
            if (!input.contains(m.group()) && !unescaped.contains(m.group())) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern ESCAPE = Pattern.compile("\\\\(?:u([0-9A-Fa-f]{4})|(.))");

    /** The text with its JSON backslash escapes (four-digit unicode ones too) read as JSON reads them. */
    private static String unescaped(String text) {
        return ESCAPE.matcher(text)
                .replaceAll(r -> Matcher.quoteReplacement(
                        r.group(1) != null ? String.valueOf((char) Integer.parseInt(r.group(1), 16)) : r.group(2)));
    }

    @FuzzTest(maxDuration = "3m")
    void readsAnyDescriptorText(FuzzedDataProvider data) throws IOException {
        String text = data.consumeRemainingAsString();
        Files.write(FILE, text.getBytes(StandardCharsets.UTF_8));
        PlatformDescriptor d;
        try {
            d = PlatformDescriptorReader.read(FILE);
        } catch (PlatformException e) {
            String m = e.getMessage();
            if (!m.startsWith(FILE.toString())
                    || speaksJava(m.substring(FILE.toString().length()), text)) {
                throw new IllegalStateException("a descriptor error that names no file or speaks Java: " + m);
            }
            return;
        }
        Files.writeString(FILE, PlatformDescriptorReader.json(d));
        try {
            if (!PlatformDescriptorReader.read(FILE).equals(d)) {
                throw new IllegalStateException("a descriptor does not read back equal: " + d);
            }
        } catch (PlatformException e) {
            throw new IllegalStateException("a descriptor written does not read back: " + e.getMessage(), e);
        }
    }
}
