package io.github.xenacpi.acpi.table;

import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.source.RawTable;
import io.github.xenacpi.acpi.table.layout.DecodeContext;
import io.github.xenacpi.acpi.table.layout.TableFraming;
import io.github.xenacpi.acpi.table.layout.TableHeader;
import io.github.xenacpi.acpi.table.layout.TableHeaderReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * The decoders of every signature this project knows, and the common work done for every table before its
 * decoder runs: the header, the length field against the bytes present, and the checksum. Stateless and
 * thread-safe.
 */
public final class TableDecoders {

    /**
     * The standard decoders: one per signature, in {@code acpi.table.decoder}, registered in
     * {@code META-INF/services/io.github.xenacpi.acpi.table.TableDecoder} (core-model's resources). They are found
     * through the {@link ServiceLoader} of this class's own class loader, so that this package, which the records
     * and the loader share, needs no import of the decoders that build on it.
     */
    private static final TableDecoders STANDARD = new TableDecoders(standardDecoders());

    private final Map<String, TableDecoder<?>> bySignature;

    private TableDecoders(List<TableDecoder<?>> decoders) {
        Map<String, TableDecoder<?>> map = new HashMap<>();
        for (TableDecoder<?> d : decoders) {
            if (map.put(d.signature(), d) != null) {
                throw new IllegalStateException("two decoders for " + d.signature());
            }
        }
        this.bySignature = Map.copyOf(map);
    }

    private static List<TableDecoder<?>> standardDecoders() {
        List<TableDecoder<?>> out = new ArrayList<>();
        for (TableDecoder<?> d : ServiceLoader.load(TableDecoder.class, TableDecoders.class.getClassLoader())) {
            out.add(d);
        }
        if (out.isEmpty()) {
            throw new IllegalStateException(
                    "no table decoder registered in META-INF/services/" + TableDecoder.class.getName());
        }
        return out;
    }

    /** Every decoder of this project. */
    public static TableDecoders standard() {
        return STANDARD;
    }

    /** The signatures that have a decoder, sorted. */
    public Set<String> signatures() {
        return new TreeSet<>(bySignature.keySet());
    }

    /** Whether a decoder exists for the signature. */
    public boolean knows(String signature) {
        return bySignature.containsKey(signature);
    }

    /** Decodes one table; never throws on bad bytes. */
    public LoadedTable decode(RawTable raw) {
        TableDecoder<?> decoder = bySignature.get(raw.signature());
        TableHeaderReader.Result framed = TableHeaderReader.read(raw, framing(decoder));
        DecodeContext context = new DecodeContext(raw, framed.header(), framed.end());
        framed.diagnostics().forEach(context::add);
        AcpiTable table;
        if (decoder == null) {
            table = new UnknownTable(framed.header());
        } else {
            table = runDecoder(decoder, context, framed.header());
        }
        return new LoadedTable(raw, framed.checksumValid(), table, context.regions(), context.diagnostics());
    }

    /**
     * The diagnostics of a table's framing alone (header, length field, checksum): the ones {@link #decode}
     * reports before the table's decoder runs.
     */
    public List<Diagnostic> framingDiagnostics(RawTable raw) {
        return TableHeaderReader.read(raw, framing(bySignature.get(raw.signature())))
                .diagnostics();
    }

    private static TableFraming framing(TableDecoder<?> decoder) {
        return decoder instanceof FramedDecoder f ? f.framing() : TableFraming.STANDARD;
    }

    private static AcpiTable runDecoder(TableDecoder<?> decoder, DecodeContext context, TableHeader header) {
        try {
            return decoder.decode(context);
        } catch (RuntimeException e) {
            // A decoder bug must not cost the user the rest of the platform: report it where it happened.
            context.error(
                    -1,
                    "internal error in the %s decoder (%s: %s); only the header is kept",
                    decoder.signature(),
                    e.getClass().getSimpleName(),
                    e.getMessage());
            return new UnknownTable(header);
        }
    }

    /** Map view for tests and documentation. */
    Map<String, TableDecoder<?>> decoders() {
        return new HashMap<>(bySignature);
    }
}
