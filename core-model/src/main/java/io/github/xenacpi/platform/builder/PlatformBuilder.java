package io.github.xenacpi.platform.builder;

import io.github.xenacpi.acpi.source.TableSignature;
import io.github.xenacpi.acpi.table.FadtPointer;
import io.github.xenacpi.acpi.table.decoder.RsdpDecoder;
import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Assembles tables made in code into a whole platform, laid out in a synthetic physical address space from
 * {@link #BASE_ADDRESS}: the RSDP (revision 2) first, then a generated XSDT, then every added table in add
 * order, each at a 16-byte aligned address (the FACS at a 64-byte aligned one, as ACPI 6.5 section 5.2.10
 * requires). The XSDT lists every added table except the DSDT, the FACS and any root table, in add order; the
 * first FACP added through {@link #add(TableBuilder)} gets its DSDT, X_DSDT, FIRMWARE_CTRL and X_FIRMWARE_CTRL
 * fields pointed at the first DSDT and FACS (32- and 64-bit fields alike, as edk2-based firmware writes them and
 * FWTS expects), and its checksum fixed. Tables added with {@link #addRaw(byte[])} keep their bytes exactly.
 */
public final class PlatformBuilder {

    /** Physical address of the first table (the RSDP, or the first added table without one). */
    public static final long BASE_ADDRESS = 0x8000_0000L;

    static final int TABLE_ALIGNMENT = 16;
    static final int RSDP_LENGTH = 36;
    static final int FACS_ALIGNMENT = 64;

    @SuppressWarnings("ArrayRecordComponent") // the builder's own list entry, never compared
    private record Entry(TableBuilder builder, byte[] raw) {}

    private final List<Entry> entries = new ArrayList<>();
    private OemIdentity oem = OemIdentity.DEFAULT;
    private boolean rootPointer = true;

    private PlatformBuilder() {}

    /** An empty platform with the default OEM identity. */
    public static PlatformBuilder create() {
        return new PlatformBuilder();
    }

    /** The identity written into every generated and built table. */
    public PlatformBuilder oem(OemIdentity identity) {
        this.oem = Objects.requireNonNull(identity, "identity");
        return this;
    }

    /** Adds a table made by a builder. */
    public PlatformBuilder add(TableBuilder builder) {
        entries.add(new Entry(Objects.requireNonNull(builder, "builder"), null));
        return this;
    }

    /** Adds bytes exactly as given (damaged or hostile tables included); they are never patched. */
    public PlatformBuilder addRaw(byte[] bytes) {
        entries.add(new Entry(null, bytes.clone()));
        return this;
    }

    /** Leaves out the RSDP and the XSDT, as a sysfs-based dump does. */
    public PlatformBuilder withoutRootPointer() {
        this.rootPointer = false;
        return this;
    }

    /** Builds every table, lays them out and generates the root tables. */
    public BuiltPlatform build() {
        List<byte[]> bytes = new ArrayList<>();
        List<String> signatures = new ArrayList<>();
        for (Entry e : entries) {
            byte[] b = e.builder() != null ? e.builder().build(oem) : e.raw();
            bytes.add(b);
            signatures.add(signatureOf(b));
        }
        int listed =
                (int) signatures.stream().filter(PlatformBuilder::listedInXsdt).count();
        long next = BASE_ADDRESS;
        long rsdpAddress = next;
        long xsdtAddress = 0;
        if (rootPointer) {
            xsdtAddress = align(rsdpAddress + RSDP_LENGTH, TABLE_ALIGNMENT);
            next = xsdtAddress + TableHeader.SIZE + 8L * listed;
        }
        long[] addresses = new long[bytes.size()];
        for (int i = 0; i < bytes.size(); i++) {
            next = align(next, signatures.get(i).equals("FACS") ? FACS_ALIGNMENT : TABLE_ALIGNMENT);
            addresses[i] = next;
            next += bytes.get(i).length;
        }
        patchFadt(bytes, signatures, addresses);
        BuiltPlatform.Placement placement = new BuiltPlatform.Placement();
        if (rootPointer) {
            placement.add(TableSignature.RSDP, rsdp(xsdtAddress), rsdpAddress);
            placement.add("XSDT", xsdt(signatures, addresses), xsdtAddress);
        }
        for (int i = 0; i < bytes.size(); i++) {
            placement.add(signatures.get(i), bytes.get(i), addresses[i]);
        }
        return placement.build();
    }

    private void patchFadt(List<byte[]> bytes, List<String> signatures, long[] addresses) {
        int fadt = firstBuilt("FACP", signatures);
        if (fadt < 0) {
            return;
        }
        byte[] b = bytes.get(fadt);
        int dsdt = signatures.indexOf("DSDT");
        int facs = signatures.indexOf("FACS");
        if (dsdt >= 0) {
            FadtPointers.patch(b, FadtPointer.DSDT, addresses[dsdt]);
        }
        if (facs >= 0) {
            FadtPointers.patch(b, FadtPointer.FACS, addresses[facs]);
        }
        TableWriter.fixChecksum(b);
    }

    private int firstBuilt(String signature, List<String> signatures) {
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).builder() != null && signatures.get(i).equals(signature)) {
                return i;
            }
        }
        return -1;
    }

    private byte[] xsdt(List<String> signatures, long[] addresses) {
        TableWriter xsdt = TableWriter.withHeader("XSDT", 1, oem);
        for (int i = 0; i < addresses.length; i++) {
            if (listedInXsdt(signatures.get(i))) {
                xsdt.u64(addresses[i]);
            }
        }
        return xsdt.finish();
    }

    private byte[] rsdp(long xsdtAddress) {
        byte[] b = TableWriter.headerless()
                .struct(RsdpDecoder.LAYOUT)
                .set("signature", "RSD PTR ")
                .set("oemId", oem.oemId())
                .set("revision", 2)
                .set("length", RSDP_LENGTH)
                .set("xsdtAddress", xsdtAddress)
                .write()
                .toBytes();
        b[8] = TableWriter.checksum(b, 0, 20);
        b[32] = TableWriter.checksum(b, 0, RSDP_LENGTH);
        return b;
    }

    /** Whether the XSDT lists a table of this signature: all but the DSDT, the FACS and the root tables. */
    static boolean listedInXsdt(String signature) {
        return !List.of("DSDT", "FACS", TableSignature.RSDP, "XSDT", "RSDT").contains(signature);
    }

    static String signatureOf(byte[] b) {
        return TableSignature.of(b)
                .orElseGet(() -> b.length >= 4
                        ? new String(b, 0, 4, StandardCharsets.ISO_8859_1).replaceAll("[^\\x20-\\x7E]", "?")
                        : "????");
    }

    private static long align(long value, int alignment) {
        return (value + alignment - 1) & -alignment;
    }
}
