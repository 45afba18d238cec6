package io.github.xenacpi.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.AcpiException;
import io.github.xenacpi.acpi.source.FirmwareImage;
import io.github.xenacpi.acpi.source.FirmwareSource;
import io.github.xenacpi.acpi.source.RawTable;
import io.github.xenacpi.acpi.table.load.AcpiTables;
import io.github.xenacpi.platform.builder.AcpidumpTextWriter;
import io.github.xenacpi.platform.preset.Preset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Platform#completeness()} names every loss of content the simulation needs, by table, offset and reason, and
 * nothing else: damaged copies of builder-made platforms. On the code before issue 18 (every error diagnostic a
 * loss) an emptied DSDT, a DSDT made undecodable by a shifted OEM ID, an acpidump whose garbled lines dropped a table
 * and a platform of half an APIC counted as complete or for the wrong reasons, and a wrong checksum alone made a
 * platform incomplete.
 */
class CompletenessTest {

    private static final Preset SUBJECT = Preset.SERVER_RAS;

    @TempDir
    Path dir;

    @Test
    void everyPresetButTheHostileOneIsComplete() {
        for (Preset p : Preset.values()) {
            Completeness c = p.platform().completeness();
            if (p == Preset.HOSTILE) {
                assertThat(c.complete()).as(p.id()).isFalse();
            } else {
                assertThat(c.losses()).as(p.id()).isEmpty();
            }
        }
    }

    @Test
    void aDsdtCutInHalfIsALossAtItsLengthField() {
        Completeness c = damaged("DSDT", b -> Arrays.copyOf(b, b.length / 2)).completeness();
        assertThat(c.losses()).anySatisfy(l -> {
            assertThat(l.table()).isEqualTo("DSDT");
            assertThat(l.offset()).isEqualTo(4);
            assertThat(l.reason()).contains("table cut short");
        });
    }

    @Test
    void anEmptiedDsdtIsALoss() {
        Completeness c = damaged("DSDT", b -> withChecksum(withLength(Arrays.copyOf(b, 36), 36)))
                .completeness();
        assertThat(c.losses()).singleElement().satisfies(l -> {
            assertThat(l.table()).isEqualTo("DSDT");
            assertThat(l.reason()).contains("holds no AML");
        });
    }

    @Test
    void aDsdtWhoseBodyDefinesNoDeviceIsALoss() {
        // Zeroes are valid AML (Zero at module level): the table loads without an error but describes nothing.
        Completeness c = damaged("DSDT", b -> {
                    byte[] z = b.clone();
                    Arrays.fill(z, 36, z.length, (byte) 0);
                    return withChecksum(z);
                })
                .completeness();
        assertThat(c.losses())
                .singleElement()
                .satisfies(l -> assertThat(l.reason()).contains("define no Device"));
    }

    @Test
    void aByteShiftedIntoTheOemIdMakesTheAmlUndecodableAndIsALoss() {
        // One byte inserted in the OEM ID (the length field unchanged, the last byte dropped, the checksum fixed):
        // every AML byte moves by one.
        Completeness c = damaged("DSDT", b -> {
                    byte[] s = new byte[b.length];
                    System.arraycopy(b, 0, s, 0, 10);
                    s[10] = ' ';
                    System.arraycopy(b, 10, s, 11, b.length - 11);
                    return withChecksum(s);
                })
                .completeness();
        assertThat(c.complete()).isFalse();
        assertThat(c.losses())
                .allSatisfy(l -> assertThat(l.table()).isEqualTo("DSDT"))
                .anySatisfy(l -> {
                    assertThat(l.offset()).isGreaterThanOrEqualTo(36);
                    assertThat(l.reason()).startsWith("AML not loaded");
                });
    }

    @Test
    void aWrongChecksumAloneLosesNothing() {
        Completeness c = damaged("APIC", b -> {
                    byte[] x = b.clone();
                    x[9]++;
                    return x;
                })
                .completeness();
        assertThat(c.losses()).isEmpty();
    }

    @Test
    void aSubtableWalkEndedEarlyIsALossAtTheStructure() {
        // The first MADT structure's length byte set to 0: the walk cannot go on past it.
        Platform p = damaged("APIC", b -> {
            byte[] x = b.clone();
            x[44 + 1] = 0;
            return withChecksum(x);
        });
        assertThat(p.completeness().losses()).anySatisfy(l -> {
            assertThat(l.table()).isEqualTo("APIC");
            assertThat(l.offset()).isEqualTo(44 + 1);
        });
    }

    @Test
    void halfAnApicAloneIsCutShortAndLacksADsdt() {
        RawTable apic = table("APIC");
        FirmwareImage image = SUBJECT.image();
        Platform p = new Platform(
                "half-apic",
                AcpiTables.load(new FirmwareImage(
                        image.path(),
                        image.format(),
                        List.of(new RawTable("APIC", 1, Arrays.copyOf(apic.bytes(), apic.size() / 2), apic.origin())),
                        List.of())),
                PlatformDescriptor.DEFAULT);
        assertThat(p.completeness().losses())
                .extracting(Completeness.Loss::reason)
                .anySatisfy(r -> assertThat(r).contains("table cut short"))
                .anySatisfy(r -> assertThat(r).startsWith("no DSDT"));
    }

    @Test
    void anAcpidumpWithGarbledLinesIsALossEvenWhereTheReaderOnlyWarns() throws IOException, AcpiException {
        String text = AcpidumpTextWriter.write(SUBJECT.image().tables());
        List<String> lines = new ArrayList<>(text.lines().toList());
        // Garble the header line of the DSDT: its rows then run on after the previous table's.
        int header = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("DSDT @")) {
                header = i;
            }
        }
        assertThat(header).isNotNegative();
        lines.set(header, "DS#T @ 0x%%%%");
        Path dump = dir.resolve("garbled.txt");
        Files.writeString(dump, String.join("\n", lines) + "\n");
        Platform p = new Platform("garbled", AcpiTables.load(FirmwareSource.open(dump)), PlatformDescriptor.DEFAULT);
        assertThat(p.completeness().complete()).isFalse();
        assertThat(p.completeness().losses())
                .extracting(Completeness.Loss::reason)
                .anySatisfy(r -> assertThat(r).contains("ignored"));
    }

    private static RawTable table(String signature) {
        return SUBJECT.image().tables().stream()
                .filter(t -> t.signature().equals(signature))
                .findFirst()
                .orElseThrow();
    }

    private static Platform damaged(String signature, UnaryOperator<byte[]> damage) {
        FirmwareImage image = SUBJECT.image();
        List<RawTable> tables = new ArrayList<>();
        for (RawTable t : image.tables()) {
            tables.add(
                    t.signature().equals(signature)
                            ? new RawTable(t.signature(), t.instance(), damage.apply(t.bytes()), t.origin())
                            : t);
        }
        return new Platform(
                "damaged",
                AcpiTables.load(new FirmwareImage(image.path(), image.format(), tables, image.diagnostics())),
                PlatformDescriptor.DEFAULT);
    }

    private static byte[] withLength(byte[] b, long length) {
        for (int i = 0; i < 4; i++) {
            b[4 + i] = (byte) (length >>> (8 * i));
        }
        return b;
    }

    static byte[] withChecksum(byte[] b) {
        b[9] = 0;
        int sum = 0;
        for (byte x : b) {
            sum += x;
        }
        b[9] = (byte) -sum;
        return b;
    }
}
