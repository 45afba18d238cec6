package io.github.xenacpi.platform.builder;

import io.github.xenacpi.acpi.source.RawTable;
import io.github.xenacpi.acpi.source.TableSignature;
import java.util.HexFormat;
import java.util.List;

/** Small builder-made tables and platforms for the input-layer and load-order tests. */
public final class TestPlatforms {

    /** Length of an ACPI 6.5 FADT. */
    public static final int FADT_LENGTH = 276;

    private TestPlatforms() {}

    /** A table builder that writes fixed bytes (so that the platform builder treats them as built). */
    public static TableBuilder fixed(byte[] bytes) {
        byte[] copy = bytes.clone();
        return new TableBuilder() {
            @Override
            public String signature() {
                return TableSignature.of(copy).orElse("????");
            }

            @Override
            public byte[] build(OemIdentity oem) {
                return copy.clone();
            }
        };
    }

    /** A standard table of the signature with {@code body} bytes after the header, each {@code seed + i}. */
    public static byte[] table(String signature, int body, int seed) {
        byte[] b = new byte[body];
        for (int i = 0; i < body; i++) {
            b[i] = (byte) (seed + i);
        }
        return TableWriter.withHeader(signature, 2, OemIdentity.DEFAULT)
                .bytes(b)
                .finish();
    }

    /** A FADT of ACPI 6.5 length with zero fields, for the platform builder to point at the DSDT and FACS. */
    public static byte[] fadt() {
        return TableWriter.withHeader("FACP", 6, OemIdentity.DEFAULT)
                .zeros(FADT_LENGTH - 36)
                .finish();
    }

    /** A 64-byte FACS (no standard header, no checksum). */
    public static byte[] facs() {
        return TableWriter.headerless().ascii("FACS", 4).u32(64).zeros(56).toBytes();
    }

    /**
     * FACP, DSDT, FACS, an MCFG, then {@code ssdts} SSDTs with distinct bytes, then an APIC: a platform with
     * every kind of table the loader treats specially.
     */
    public static PlatformBuilder typical(int ssdts) {
        PlatformBuilder p = PlatformBuilder.create()
                .add(fixed(fadt()))
                .add(fixed(table("DSDT", 200, 0x40)))
                .add(fixed(facs()))
                .add(new McfgBuilder().allocation(0x4000_0000L, 0, 0, 0xFF));
        for (int i = 1; i <= ssdts; i++) {
            p.add(fixed(table("SSDT", 20 + i, i)));
        }
        return p.add(fixed(table("APIC", 44, 0x80)));
    }

    /** Signature, instance and bytes of each table: what must survive any round trip (origins differ). */
    public static List<String> contents(List<RawTable> tables) {
        return tables.stream()
                .map(t -> t.label() + ":" + HexFormat.of().formatHex(t.bytes()))
                .toList();
    }
}
