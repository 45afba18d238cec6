package io.github.xenacpi.acpi.table.decoder;

import io.github.xenacpi.acpi.table.SlitTable;
import io.github.xenacpi.acpi.table.TableDecoder;
import io.github.xenacpi.acpi.table.layout.DecodeContext;
import io.github.xenacpi.acpi.table.layout.Layout;
import io.github.xenacpi.acpi.table.layout.Struct;
import io.github.xenacpi.acpi.table.layout.TableChecks;
import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes SLIT: the locality count and the count x count matrix, checked to fit the table. A diagonal entry
 * other than 10 and an entry below 10 (reserved values) are warnings.
 */
public final class SlitDecoder implements TableDecoder<SlitTable> {

    /** The locality count after the header; the matrix follows it at offset 44. */
    public static final Layout BODY =
            Layout.of("SLIT body").u64("localityCount").build();

    /** Offset of the matrix. */
    public static final int MATRIX = TableHeader.SIZE + 8;

    @Override
    public String signature() {
        return "SLIT";
    }

    @Override
    public SlitTable decode(DecodeContext ctx) {
        Struct s = ctx.read(BODY, TableHeader.SIZE, "SLIT");
        long count = s.value("localityCount");
        List<Integer> out = new ArrayList<>();
        if (!s.has("localityCount")) {
            return new SlitTable(ctx.header(), 0, out);
        }
        long available = Math.max(0, ctx.end() - MATRIX);
        if (count < 0 || count > 0xFFFF || count * count > available) {
            ctx.error(
                    TableHeader.SIZE,
                    "SLIT: %s localities need a matrix of %s bytes, only %d present",
                    Long.toUnsignedString(count),
                    count < 0 || count > 0xFFFF ? "more than 2^32" : Long.toString(count * count),
                    available);
            return new SlitTable(ctx.header(), count, out);
        }
        int n = (int) count;
        long[] matrix = ctx.array(MATRIX, n * n, 1, "SLIT.matrix");
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                int v = (int) matrix[i * n + j];
                out.add(v);
                long at = MATRIX + (long) i * n + j;
                if (i == j && v != 10) {
                    ctx.warning(at, "SLIT: the distance of locality %d to itself is %d, expected 10", i, v);
                } else if (i != j && v < 10) {
                    ctx.warning(
                            at,
                            "SLIT: distance %d from locality %d to %d is below 10 (values 0-9 are" + " reserved)",
                            v,
                            i,
                            j);
                }
            }
        }
        TableChecks.trailing(ctx, MATRIX + n * n);
        return new SlitTable(ctx.header(), count, out);
    }
}
