package io.github.xenacpi.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.TableDecoders;
import java.util.List;

/**
 * Every decoder on any bytes: the input's last byte picks a signature (by index into the sorted signatures), the
 * rest are the table. No exception, no internal decoder error, no finding before the table.
 */
class TableDecoderFuzzTest {

    /** The signatures with a decoder, sorted: the index the last input byte picks from. */
    static final List<String> SIGNATURES = List.copyOf(TableDecoders.standard().signatures());

    @FuzzTest(maxDuration = "2m")
    void decodesAnyTable(FuzzedDataProvider data) {
        String signature = SIGNATURES.get(data.consumeInt(0, SIGNATURES.size() - 1));
        LoadedTable t = TableDecoders.standard().decode(FuzzChecks.raw(signature, data.consumeRemainingAsBytes()));
        FuzzChecks.wellFormed(t.diagnostics());
    }
}
