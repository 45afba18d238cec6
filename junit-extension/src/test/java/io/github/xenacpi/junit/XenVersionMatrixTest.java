package io.github.xenacpi.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.junit.fixtures.VersionMatrixFixture;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class XenVersionMatrixTest {

    @Test
    void runsOncePerXenAndLinuxPairXenMajorWithTheVersionsInjected() {
        EngineExecutionResults results = Kit.run(VersionMatrixFixture.class);

        results.testEvents().assertStatistics(s -> s.succeeded(5).failed(0));
        // xen-premap on the seed: Xen 4.8 with Linux 6.6 aborts on the CXL RCRB (and the OperationRegion);
        // from 4.9 try_map_mmio catches what the pre-map misses.
        assertThat(Kit.published(results, "cell"))
                .containsExactly("4.8/4.10 aborts", "4.8/6.6 aborts", "4.17/4.10 boots", "4.17/6.6 boots");
        assertThat(Kit.published(results, "patch")).containsExactly("4.20.4/6.1");
    }
}
