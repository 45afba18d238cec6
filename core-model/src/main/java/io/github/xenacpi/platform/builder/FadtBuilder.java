package io.github.xenacpi.platform.builder;

import io.github.xenacpi.acpi.table.FadtTable;
import io.github.xenacpi.acpi.table.GenericAddress;
import io.github.xenacpi.acpi.table.decoder.FadtDecoder;
import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a FADT of any revision (default 6, ACPI 6.5), cut to that revision's length. Any field of
 * {@link FadtDecoder#LAYOUT} can be set by name; {@link #hardwareReducedArm(boolean)} gives the usual ARM64 setup.
 */
public final class FadtBuilder implements TableBuilder {
    private final Map<String, Object> values = new LinkedHashMap<>();
    private int revision = 6;
    private int minorVersion = 5;
    private Integer length;

    public FadtBuilder revision(int value) {
        this.revision = value;
        return this;
    }

    /** The FADT minor version written (revision 6 with minor 5 is ACPI 6.5). */
    public FadtBuilder minorVersion(int value) {
        this.minorVersion = value;
        return this;
    }

    /** Writes this many bytes instead of the revision's length (for short or odd FADTs). */
    public FadtBuilder length(int value) {
        this.length = value;
        return this;
    }

    /** Sets a numeric field of {@link FadtDecoder#LAYOUT}. */
    public FadtBuilder set(String field, long value) {
        FadtDecoder.LAYOUT.field(field);
        values.put(field, value);
        return this;
    }

    /** Sets a Generic Address field of {@link FadtDecoder#LAYOUT}. */
    public FadtBuilder set(String field, GenericAddress value) {
        FadtDecoder.LAYOUT.field(field);
        values.put(field, value);
        return this;
    }

    /** HW_REDUCED_ACPI with PSCI, called through HVC when {@code hvc} (as Xen writes for Dom0) or else SMC. */
    public FadtBuilder hardwareReducedArm(boolean hvc) {
        set("flags", FadtTable.HW_REDUCED_ACPI);
        return set("armBootArch", FadtTable.PSCI_COMPLIANT | (hvc ? FadtTable.PSCI_USE_HVC : 0));
    }

    @Override
    public String signature() {
        return "FACP";
    }

    @Override
    public byte[] build(OemIdentity oem) {
        TableWriter.StructWriter body = TableWriter.headerless().struct(FadtDecoder.LAYOUT);
        body.set("minorVersion", minorVersion);
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (e.getValue() instanceof GenericAddress g) {
                body.set(e.getKey(), g);
            } else {
                body.set(e.getKey(), (Long) e.getValue());
            }
        }
        byte[] all = body.write().toBytes();
        int total = length != null ? length : FadtDecoder.lengthOfRevision(revision);
        return TableWriter.withHeader("FACP", revision, oem)
                .bytes(Arrays.copyOf(all, Math.max(0, total - TableHeader.SIZE)))
                .finish();
    }
}
