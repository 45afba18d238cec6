package io.github.xenacpi.acpi.table.decoder;

import io.github.xenacpi.acpi.table.StaoTable;
import io.github.xenacpi.acpi.table.TableDecoder;
import io.github.xenacpi.acpi.table.layout.DecodeContext;
import io.github.xenacpi.acpi.table.layout.Layout;
import io.github.xenacpi.acpi.table.layout.Struct;
import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.ArrayList;
import java.util.List;

/** Decodes STAO: the UART flag and the list of NUL-terminated ACPI namespace paths to hide. */
public final class StaoDecoder implements TableDecoder<StaoTable> {

    /** The fixed body: the UART flag; the name list follows up to the end of the table. */
    public static final Layout BODY = Layout.of("STAO body").u8("ignoreUart").build();

    /** Offset of the first name string. */
    public static final int NAMES = TableHeader.SIZE + 1;

    @Override
    public String signature() {
        return "STAO";
    }

    @Override
    public StaoTable decode(DecodeContext ctx) {
        Struct s = ctx.read(BODY, TableHeader.SIZE, "STAO");
        int uart = s.intValue("ignoreUart");
        if (uart > 1) {
            ctx.warning(TableHeader.SIZE, "STAO: UART flag is %d, expected 0 or 1", uart);
        }
        List<String> names = new ArrayList<>();
        int at = NAMES;
        while (at < ctx.end()) {
            String name = ctx.nulTerminated(at, ctx.end());
            int next = at + name.length() + 1;
            String path = "STAO.name[" + names.size() + "]";
            if (next > ctx.end()) {
                ctx.error(at, "%s: \"%s\" is not NUL-terminated before the end of the table", path, name);
            } else if (name.isEmpty()) {
                ctx.warning(at, "%s: empty name string", path);
            } else if (!name.startsWith("\\")) {
                ctx.warning(at, "%s: \"%s\" is not a full path from the namespace root", path, name);
            }
            if (!name.isEmpty()) {
                names.add(name);
            }
            at = next;
        }
        return new StaoTable(ctx.header(), uart, names);
    }
}
