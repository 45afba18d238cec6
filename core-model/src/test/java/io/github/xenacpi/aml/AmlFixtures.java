package io.github.xenacpi.aml;

import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.source.RawTable;
import io.github.xenacpi.acpi.source.SourceFormat;
import io.github.xenacpi.acpi.source.TableOrigin;
import io.github.xenacpi.aml.parse.AmlLoader;
import io.github.xenacpi.platform.builder.OemIdentity;
import io.github.xenacpi.platform.builder.aml.DefinitionBlockBuilder;
import io.github.xenacpi.platform.builder.aml.TermListBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Helpers for loader tests: definition blocks made with the AML writer, loaded together. */
public final class AmlFixtures {

    private AmlFixtures() {}

    public static byte[] dsdt(Consumer<TermListBuilder> content) {
        return DefinitionBlockBuilder.dsdt().content(content).build(OemIdentity.DEFAULT);
    }

    public static byte[] ssdt(Consumer<TermListBuilder> content) {
        return DefinitionBlockBuilder.ssdt().content(content).build(OemIdentity.DEFAULT);
    }

    /** Raw tables named by their signatures, numbered per signature in the order given. */
    public static List<RawTable> raws(byte[]... tables) {
        List<RawTable> out = new ArrayList<>();
        int dsdt = 0;
        int ssdt = 0;
        for (byte[] t : tables) {
            String sig = new String(t, 0, 4, java.nio.charset.StandardCharsets.US_ASCII);
            int instance = sig.equals("DSDT") ? ++dsdt : ++ssdt;
            out.add(new RawTable(sig, instance, t, new TableOrigin(Path.of("test"), SourceFormat.BUILDER, 0, 0, -1)));
        }
        return out;
    }

    public static LoadedNamespace load(byte[]... tables) {
        return AmlLoader.load(raws(tables));
    }

    public static LoadedNamespace loadDsdt(Consumer<TermListBuilder> content) {
        return load(dsdt(content));
    }

    public static NamespaceNode node(LoadedNamespace loaded, String path) {
        return loaded.namespace().node(path).orElseThrow(() -> new AssertionError("no node " + path));
    }

    public static List<Diagnostic> errors(LoadedNamespace loaded) {
        return loaded.diagnostics().stream()
                .filter(d -> d.severity() == Severity.ERROR)
                .toList();
    }

    /** The offset of the first occurrence of {@code needle} in {@code hay}, or -1. */
    public static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    public static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
