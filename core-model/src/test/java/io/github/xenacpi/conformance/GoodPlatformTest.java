package io.github.xenacpi.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The reference platform passes every rule of every profile: the passing case of each rule test. */
class GoodPlatformTest {

    @Test
    void referencePlatformBreaksNoRule() {
        List<Finding> findings = TestPlatform.good().run();
        assertThat(findings).allSatisfy(f -> assertThat(f.ruleId()).isEqualTo(SbbrRules.RECOMMENDED.id()));
    }

    @Test
    void orderIsMissingTablesFirstThenLoadOrderAndOffset() {
        List<Finding> findings = TestPlatform.good().without("GTDT").run();
        assertThat(findings).isEqualTo(TestPlatform.good().without("GTDT").run());
        assertThat(findings.get(0).instance()).isZero();
        assertThat(findings)
                .extracting(Finding::ruleId)
                .contains(LinuxArm64Rules.GTDT_REQUIRED.id(), SbbrRules.GTDT.id());
    }

    @Test
    void findingsOfOneTableComeByOffset() {
        List<Finding> findings = ConformanceCheck.run(TestPlatform.good()
                .with(new io.github.xenacpi.platform.builder.McfgBuilder()
                        .allocation(0x4000_0000L, 0, 4, 7)
                        .allocation(0x4008_0000L, 1, 0, 1)
                        .allocation(0, 2, 0, 1))
                .tables());
        assertThat(findings).extracting(Finding::offset).containsExactly(60L, 76L);
        assertThat(findings)
                .extracting(Finding::ruleId)
                .containsExactly(McfgRules.ALIGNMENT.id(), McfgRules.BASE_ZERO.id());
    }

    @Test
    void acpiProfileAloneRunsNoProfileRule() {
        List<Finding> findings = ConformanceCheck.run(
                TestPlatform.good().without("GTDT").without("FACP").tables());
        assertThat(findings).isEmpty();
    }
}
