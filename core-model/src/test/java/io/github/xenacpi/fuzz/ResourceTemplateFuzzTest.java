package io.github.xenacpi.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.xenacpi.aml.resource.ResourceTemplate;

/** The resource template decoder on any buffer: it returns entries and findings, never throws. */
class ResourceTemplateFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void decodesAnyTemplate(FuzzedDataProvider data) {
        ResourceTemplate t = ResourceTemplate.decode(data.consumeRemainingAsBytes(), "\\_SB.FUZZ._CRS");
        t.memoryRanges();
        FuzzChecks.wellFormed(t.diagnostics());
    }
}
