package io.github.xenacpi.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.xenacpi.acpi.source.RawTable;
import io.github.xenacpi.aml.LoadedNamespace;
import io.github.xenacpi.aml.interp.Budget;
import io.github.xenacpi.aml.interp.MemoryModel;
import io.github.xenacpi.aml.parse.AmlLoader;
import io.github.xenacpi.aml.survey.NamespaceSurvey;
import io.github.xenacpi.platform.builder.OemIdentity;
import io.github.xenacpi.platform.builder.aml.DefinitionBlockBuilder;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The AML loader and the boot-walk survey on any AML: the input's last byte says whether it is a DSDT or an SSDT,
 * the rest is the AML after a well-formed header. Both must end within a small budget with findings only.
 */
class AmlFuzzTest {

    private static final byte[] HEADER =
            Arrays.copyOf(DefinitionBlockBuilder.dsdt().build(OemIdentity.DEFAULT), 36);
    private static final Budget BUDGET = new Budget(20_000, 16, 128, 1L << 20, Duration.ofSeconds(1));

    @FuzzTest(maxDuration = "2m")
    void loadsAndSurveysAnyAml(FuzzedDataProvider data) {
        String signature = data.consumeBoolean() ? "SSDT" : "DSDT";
        byte[] aml = data.consumeRemainingAsBytes();
        byte[] table = Arrays.copyOf(HEADER, HEADER.length + aml.length);
        System.arraycopy(aml, 0, table, HEADER.length, aml.length);
        System.arraycopy(signature.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, table, 0, 4);
        int length = table.length;
        for (int i = 0; i < 4; i++) {
            table[4 + i] = (byte) (length >>> (8 * i));
        }
        List<RawTable> blocks = List.of(FuzzChecks.raw(signature, table));
        LoadedNamespace loaded = AmlLoader.load(blocks);
        FuzzChecks.wellFormed(loaded.diagnostics());
        FuzzChecks.wellFormed(
                NamespaceSurvey.of(loaded, blocks, MemoryModel.zero(), BUDGET).diagnostics());
    }
}
