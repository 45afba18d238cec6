package io.github.xenacpi.acpi.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.platform.builder.OemIdentity;
import io.github.xenacpi.platform.builder.TableWriter;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table file is read no further than a table can reach (issue 18 point 4): a 200 MiB file named DSDT.dat is not
 * read whole, whether its header declares a small table, a huge one, or nothing; what was left unread is said.
 */
class BoundedTableReadTest {
    private static final long FILE_BYTES = 200L << 20;

    @TempDir
    Path dir;

    /** A sparse file of 200 MiB whose first bytes are {@code head}. */
    private Path file(String name, byte[] head) throws Exception {
        Path f = dir.resolve(name);
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.write(head);
            raf.setLength(FILE_BYTES);
        }
        return f;
    }

    private static byte[] dsdtDeclaring(long length) {
        byte[] t =
                TableWriter.withHeader("DSDT", 2, OemIdentity.DEFAULT).zeros(64).finish();
        t[4] = (byte) length;
        t[5] = (byte) (length >>> 8);
        t[6] = (byte) (length >>> 16);
        t[7] = (byte) (length >>> 24);
        return t;
    }

    @Test
    void aSmallTableInAHugeFileIsReadToItsLengthAndTheRestIsReported() throws Exception {
        FirmwareImage image = FirmwareSource.open(file("DSDT.dat", dsdtDeclaring(100)));

        assertThat(image.tables())
                .singleElement()
                .satisfies(t -> assertThat(t.size()).isLessThanOrEqualTo(100 + BinaryTableReader.MAX_UNDECLARED_BYTES));
        assertThat(image.diagnostics()).anySatisfy(d -> assertThat(d.message()).contains("bytes not read"));
    }

    @Test
    void aHeaderDeclaringTwoHundredMebibytesIsBelievedOnlyToTheTableLimit() throws Exception {
        FirmwareImage image = FirmwareSource.open(file("DSDT.dat", dsdtDeclaring(FILE_BYTES)));

        assertThat(image.tables())
                .singleElement()
                .satisfies(t -> assertThat(t.size()).isEqualTo(BinaryTableReader.MAX_TABLE_BYTES));
        assertThat(image.diagnostics())
                .anySatisfy(d -> assertThat(d.message())
                        .contains("more than the " + BinaryTableReader.MAX_TABLE_BYTES + "-byte limit for one table"));
    }

    @Test
    void aFileWithoutATableHeaderInAFolderIsReadOnlyAsFarAsItsNameNeeds() throws Exception {
        file("DSDT.dat", new byte[] {1, 2, 3, 4});
        Files.write(dir.resolve("FACP.dat"), dsdtDeclaring(100));

        FirmwareImage image = FirmwareSource.open(dir);

        assertThat(image.tables())
                .allSatisfy(t -> assertThat(t.size()).isLessThanOrEqualTo(BinaryTableReader.MAX_UNDECLARED_BYTES));
    }

    @Test
    void aFolderReadsItsTableFilesBoundedToo() throws Exception {
        file("DSDT.dat", dsdtDeclaring(100));
        Files.write(dir.resolve("FACP.dat"), dsdtDeclaring(100));

        FirmwareImage image = FirmwareSource.open(dir);

        assertThat(image.tables())
                .allSatisfy(
                        t -> assertThat(t.size()).isLessThanOrEqualTo(100 + BinaryTableReader.MAX_UNDECLARED_BYTES));
    }

    @Test
    void aTableFileIsReadWholeWhateverItsSize() throws Exception {
        for (int size : new int[] {0, 3, 36, 37, 100, 8191, 8192, 8193, 300_000}) {
            byte[] t = TableWriter.withHeader("SSDT", 2, OemIdentity.DEFAULT)
                    .zeros(Math.max(0, size - 36))
                    .finish();
            byte[] bytes = java.util.Arrays.copyOf(t, size);
            Path f = dir.resolve("SSDT" + size + ".dat");
            Files.write(f, bytes);

            assertThat(BinaryTableReader.read(new TableCollector(f, SourceFormat.BINARY_FILE), f))
                    .as("a file of %d bytes", size)
                    .isEqualTo(bytes);
        }
    }

    @Test
    void aFileWhoseSizeTheFileSystemUnderstatesIsReadOnToItsEnd() throws Exception {
        // Files of /proc say they have no bytes; what they hold is read anyway, as it would be from a pipe.
        Path proc = Path.of("/proc/self/status");
        Assumptions.assumeTrue(Files.isReadable(proc) && Files.size(proc) == 0, "a /proc file system");

        byte[] read = BinaryTableReader.read(new TableCollector(proc, SourceFormat.BINARY_FILE), proc);

        assertThat(new String(read, StandardCharsets.ISO_8859_1)).startsWith("Name:");
        assertThat(read.length).isBetween(100, BinaryTableReader.MAX_UNDECLARED_BYTES);
    }
}
