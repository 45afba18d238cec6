package io.github.xenacpi.aml.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.xenacpi.platform.builder.aml.ResourceTemplateBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every static {@code Name (_CRS, ResourceTemplate () {...})} of the corpus DSDTs and SSDTs decodes without a
 * diagnostic and rebuilds to the same bytes. Runs in the corpus profile; skipped when the corpus is absent.
 */
@Tag("corpus")
class ResourceTemplateCorpusTest {

    private static final byte[] NAME_CRS_BUFFER = {0x08, '_', 'C', 'R', 'S', 0x11};

    @Test
    void everyStaticCrsTemplateDecodesCleanlyAndRebuildsIdentically() throws IOException {
        Path corpus = Path.of(System.getProperty("xenacpi.corpus", "../shared/corpus"));
        assumeTrue(Files.isDirectory(corpus), "no corpus at " + corpus);
        List<Path> tables;
        try (Stream<Path> files = Files.walk(corpus)) {
            tables = files.filter(Files::isRegularFile)
                    .filter(p -> {
                        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                        return name.startsWith("dsdt") || name.startsWith("ssdt");
                    })
                    .sorted()
                    .toList();
        }
        List<String> problems = new ArrayList<>();
        int templates = 0;
        for (Path table : tables) {
            byte[] aml = Files.readAllBytes(table);
            for (int[] range : crsBuffers(aml)) {
                byte[] template = Arrays.copyOfRange(aml, range[0], range[1]);
                String owner = table + "@0x" + Integer.toHexString(range[0]);
                ResourceTemplate t = ResourceTemplate.decode(template, owner);
                templates++;
                t.diagnostics().forEach(d -> problems.add(d.toString()));
                ResourceTemplateBuilder again = new ResourceTemplateBuilder();
                t.resources().forEach(again::add);
                if (t.diagnostics().isEmpty() && !Arrays.equals(again.build(), template)) {
                    problems.add(owner + ": rebuilt bytes differ");
                }
            }
        }
        System.out.printf("resource templates: %d static _CRS buffers in %d tables%n", templates, tables.size());
        assertThat(problems).isEmpty();
    }

    /** [start, end) of the data of every {@code Name (_CRS, Buffer (size) {...})} whose framing fits the file. */
    private static List<int[]> crsBuffers(byte[] aml) {
        List<int[]> out = new ArrayList<>();
        for (int i = 36; i + NAME_CRS_BUFFER.length + 2 < aml.length; i++) {
            if (!Arrays.equals(aml, i, i + NAME_CRS_BUFFER.length, NAME_CRS_BUFFER, 0, NAME_CRS_BUFFER.length)) {
                continue;
            }
            int at = i + NAME_CRS_BUFFER.length;
            int lead = aml[at] & 0xFF;
            int extra = lead >> 6;
            if (at + extra >= aml.length) {
                continue;
            }
            int length = extra == 0 ? lead & 0x3F : lead & 0x0F;
            for (int k = 0; k < extra; k++) {
                length |= (aml[at + 1 + k] & 0xFF) << (4 + 8 * k);
            }
            int sizeAt = at + 1 + extra;
            int sizeOp = aml[sizeAt] & 0xFF;
            int data = sizeAt
                    + switch (sizeOp) {
                        case 0x0A -> 2;
                        case 0x0B -> 3;
                        case 0x0C -> 5;
                        default -> 1;
                    };
            int end = at + length;
            if (end <= aml.length && data <= end) {
                out.add(new int[] {data, end});
            }
        }
        return out;
    }
}
