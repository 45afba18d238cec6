package io.github.xenacpi.platform.builder.aml;

import io.github.xenacpi.platform.builder.OemIdentity;
import io.github.xenacpi.platform.builder.TableBuilder;
import io.github.xenacpi.platform.builder.TableWriter;
import java.util.function.Consumer;

/**
 * Writes a DSDT or SSDT: the standard header and AML built with a {@link TermListBuilder}, e.g.
 * {@code DefinitionBlockBuilder.dsdt().content(t -> t.scope("\\_SB", sb -> sb.device("DEV0", d -> d.hid("X"))))}.
 */
public final class DefinitionBlockBuilder implements TableBuilder {
    private final String signature;
    private final TermListBuilder root = new TermListBuilder();
    private int revision = 2;

    private DefinitionBlockBuilder(String signature) {
        this.signature = signature;
    }

    /** A DSDT builder, revision 2 (64-bit integers). */
    public static DefinitionBlockBuilder dsdt() {
        return new DefinitionBlockBuilder("DSDT");
    }

    /** An SSDT builder, revision 2 (64-bit integers). */
    public static DefinitionBlockBuilder ssdt() {
        return new DefinitionBlockBuilder("SSDT");
    }

    /** The table revision; below 2 the AML's integers are 32-bit. */
    public DefinitionBlockBuilder revision(int value) {
        this.revision = value;
        return this;
    }

    /** Appends terms at the table's top level (the root scope). */
    public DefinitionBlockBuilder content(Consumer<TermListBuilder> terms) {
        terms.accept(root);
        return this;
    }

    /** The AML after the header. */
    public byte[] aml() {
        return root.toBytes();
    }

    @Override
    public String signature() {
        return signature;
    }

    @Override
    public byte[] build(OemIdentity oem) {
        return TableWriter.withHeader(signature, revision, oem)
                .bytes(root.toBytes())
                .finish();
    }
}
