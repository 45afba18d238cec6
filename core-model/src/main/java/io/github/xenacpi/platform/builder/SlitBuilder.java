package io.github.xenacpi.platform.builder;

import io.github.xenacpi.acpi.table.decoder.SlitDecoder;

/** Writes a SLIT from a square distance matrix. */
public final class SlitBuilder implements TableBuilder {
    private final int[][] matrix;

    /** A SLIT whose locality count is the matrix's row count; row i holds the distances from locality i. */
    public SlitBuilder(int[][] matrix) {
        this.matrix = new int[matrix.length][];
        for (int i = 0; i < matrix.length; i++) {
            this.matrix[i] = matrix[i].clone();
        }
    }

    @Override
    public String signature() {
        return "SLIT";
    }

    @Override
    public byte[] build(OemIdentity oem) {
        TableWriter w = TableWriter.withHeader("SLIT", 1, oem)
                .struct(SlitDecoder.BODY)
                .set("localityCount", matrix.length)
                .write();
        for (int[] row : matrix) {
            for (int v : row) {
                w.u8(v);
            }
        }
        return w.finish();
    }
}
