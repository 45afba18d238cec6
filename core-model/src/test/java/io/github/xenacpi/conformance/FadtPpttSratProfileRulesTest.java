package io.github.xenacpi.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.table.FadtTable;
import io.github.xenacpi.acpi.table.GenericAddress;
import io.github.xenacpi.acpi.table.SratTable;
import io.github.xenacpi.acpi.table.decoder.PpttDecoder;
import io.github.xenacpi.acpi.table.decoder.SratDecoder;
import io.github.xenacpi.platform.builder.Dbg2Builder;
import io.github.xenacpi.platform.builder.PpttBuilder;
import io.github.xenacpi.platform.builder.SratBuilder;
import org.junit.jupiter.api.Test;

/** One breaking platform per FADT, PPTT, SRAT, SBBR and Linux arm64 rule; the reference platform passes all. */
class FadtPpttSratProfileRulesTest {

    private static void assertOne(TestPlatform p, Rule rule, long offset) {
        assertThat(p.findings(rule))
                .as(rule.id())
                .singleElement()
                .extracting(Finding::offset)
                .isEqualTo(offset);
    }

    private static final long FLAGS = FadtRules.field("flags");
    private static final long ARM = FadtRules.field("armBootArch");

    @Test
    void fadtPmProfileAndResetRegister() {
        assertOne(TestPlatform.good().with(TestPlatform.fadt().set("preferredPmProfile", 9)), FadtRules.PM_PROFILE, 45);
        long reset = FadtRules.field("resetRegister");
        long sup = FadtTable.HW_REDUCED_ACPI | FadtTable.RESET_REG_SUP;
        TestPlatform p = TestPlatform.good()
                .with(TestPlatform.fadt()
                        .set("flags", sup)
                        .set("resetRegister", new GenericAddress(3, 16, 1, 1, 0x10)));
        assertOne(p, FadtRules.RESET_SPACE, reset);
        assertOne(p, FadtRules.RESET_WIDTH, reset + 1);
        assertOne(p, FadtRules.RESET_OFFSET, reset + 2);
        TestPlatform unsupported = TestPlatform.good()
                .with(TestPlatform.fadt().set("resetRegister", new GenericAddress(3, 16, 1, 1, 0x10)));
        assertThat(unsupported.findings(FadtRules.RESET_WIDTH)).isEmpty();
    }

    @Test
    void fadtHardwareReducedLegacyFields() {
        TestPlatform p = TestPlatform.good()
                .with(TestPlatform.fadt().set("smiCommand", 0xB2).set("pm1aEventBlock", 0x400));
        assertThat(p.findings(FadtRules.REDUCED_FIELDS))
                .extracting(Finding::offset)
                .containsExactly(FadtRules.field("smiCommand"), FadtRules.field("pm1aEventBlock"));
        assertThat(p.run()).noneMatch(f -> f.ruleId().equals("FADT.DECODE"));
    }

    @Test
    void fadtArmFlagsInRevision50() {
        assertOne(
                TestPlatform.good().with(TestPlatform.fadt().revision(5).minorVersion(0)), FadtRules.ARM_FLAGS_50, ARM);
        assertThat(TestPlatform.good()
                        .with(TestPlatform.fadt().revision(5).minorVersion(0))
                        .findings(LinuxArm64Rules.FADT_REVISION))
                .isEmpty();
    }

    @Test
    void ppttFlagsAndCpus() {
        PpttBuilder b = TestPlatform.pptt();
        PpttBuilder.Structure odd = b.processor(0x20, null, 9);
        assertOne(
                TestPlatform.good().with(b),
                PpttRules.PROCESSOR_FLAGS,
                b.offsetOf(odd) + PpttDecoder.PROCESSOR.field("flags").offset());
        PpttBuilder c = TestPlatform.pptt();
        PpttBuilder.Structure cache = c.cache(0x100, 0x8000, null).set("attributes", 0x20);
        TestPlatform p = TestPlatform.good().with(c);
        assertOne(
                p,
                PpttRules.CACHE_FLAGS,
                c.offsetOf(cache) + PpttDecoder.CACHE.field("flags").offset());
        assertOne(
                p,
                PpttRules.CACHE_ATTRIBUTES,
                c.offsetOf(cache) + PpttDecoder.CACHE.field("attributes").offset());
        PpttBuilder d = new PpttBuilder();
        d.processor(0xA, d.processor(1, null, 0), 0);
        assertThat(TestPlatform.good().with(d).findings(PpttRules.MADT_CPU))
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("UID 1"));
    }

    @Test
    void sratAgainstMadt() {
        long first = SratDecoder.STRUCTURES;
        assertOne(
                TestPlatform.good().with(new SratBuilder().add(new SratTable.Gicc(0, 7, 1, 0))),
                SratRules.GICC_UID,
                first + SratDecoder.GICC.field("acpiProcessorUid").offset());
        assertOne(
                TestPlatform.good().with(new SratBuilder().add(new SratTable.GicIts(0, 9))),
                SratRules.ITS_ID,
                first + SratDecoder.GIC_ITS.field("itsId").offset());
        SratBuilder overlap = new SratBuilder()
                .add(new SratTable.Memory(0, 0x8000_0000L, 0x4000_0000L, 1))
                .add(new SratTable.Memory(1, 0xA000_0000L, 0x4000_0000L, 1));
        assertOne(
                TestPlatform.good().with(overlap),
                SratRules.MEMORY_OVERLAP,
                first
                        + SratDecoder.MEMORY.size()
                        + SratDecoder.MEMORY.field("base").offset());
    }

    @Test
    void sbbrMandatoryTablesDependOnTheVersion() {
        TestPlatform noMcfgNoPptt = TestPlatform.good().without("MCFG").without("PPTT");
        assertThat(noMcfgNoPptt.findings(SbbrRules.MCFG, Profile.SBBR_1_0)).isEmpty();
        assertThat(noMcfgNoPptt.findings(SbbrRules.MCFG_CONDITIONAL, Profile.SBBR_1_0))
                .singleElement()
                .satisfies(f -> assertThat(f.table()).isEqualTo("MCFG"));
        assertThat(noMcfgNoPptt.findings(SbbrRules.MCFG, Profile.SBBR_1_1)).hasSize(1);
        assertThat(noMcfgNoPptt.findings(SbbrRules.PPTT, Profile.SBBR_1_1)).isEmpty();
        assertThat(noMcfgNoPptt.findings(SbbrRules.PPTT, Profile.SBBR_1_2))
                .singleElement()
                .satisfies(f -> assertThat(f.offset()).isEqualTo(-1));
        String[] sigs = {"XSDT", "FACP", "DSDT", "APIC", "GTDT", "DBG2", "SPCR"};
        Rule[] rules = {
            SbbrRules.XSDT,
            SbbrRules.FADT,
            SbbrRules.DSDT,
            SbbrRules.MADT,
            SbbrRules.GTDT,
            SbbrRules.DBG2,
            SbbrRules.SPCR
        };
        for (int i = 0; i < sigs.length; i++) {
            String sig = sigs[i];
            assertThat(TestPlatform.good().without(sig).findings(rules[i], Profile.SBBR_1_0))
                    .as(sig)
                    .singleElement()
                    .satisfies(f -> assertThat(f.table()).isEqualTo(sig));
            assertThat(TestPlatform.good().findings(rules[i], Profile.SBBR_1_0)).isEmpty();
        }
        assertThat(TestPlatform.good().without("IORT").findings(SbbrRules.IORT_CONDITIONAL, Profile.SBBR_1_2))
                .hasSize(1);
        assertThat(TestPlatform.good().findings(SbbrRules.RECOMMENDED, Profile.SBBR_1_2))
                .hasSize(13)
                .noneMatch(f -> f.table().equals("SRAT"));
    }

    @Test
    void sbbrFadtSpcrDbg2() {
        assertOne(
                TestPlatform.good().with(TestPlatform.fadt().revision(5).minorVersion(1)), SbbrRules.FADT_REVISION, 8);
        assertOne(TestPlatform.good().with(TestPlatform.fadt().set("flags", 0)), SbbrRules.FADT_HW_REDUCED, FLAGS);
        assertOne(
                TestPlatform.good().with(TestPlatform.fadt().set("sciInterrupt", 5)),
                SbbrRules.FADT_SCI,
                FadtRules.field("sciInterrupt"));
        assertOne(TestPlatform.good().with(TestPlatform.fadt().set("armBootArch", 0)), SbbrRules.FADT_PSCI, ARM);
        assertOne(TestPlatform.good().with(TestPlatform.spcr().revision(1)), SbbrRules.SPCR_REVISION, 8);
        assertOne(TestPlatform.good().with(TestPlatform.spcr().set("interruptType", 0)), SbbrRules.SPCR_GSIV, 52);
        assertOne(
                TestPlatform.good().with(TestPlatform.spcr().set("interfaceType", 0x13)), SbbrRules.SPCR_INTERFACE, 36);
        assertOne(
                TestPlatform.good()
                        .with(new Dbg2Builder()
                                .device(
                                        0x8000,
                                        0x13,
                                        "\\_SB.COM0",
                                        new byte[0],
                                        Dbg2Builder.memory(TestPlatform.UART_BASE, 0x1000))),
                SbbrRules.DBG2_UART,
                -1);
    }

    @Test
    void linuxGate() {
        assertOne(
                TestPlatform.good()
                        .with(TestPlatform.fadt().revision(5).minorVersion(0).set("armBootArch", 0)),
                LinuxArm64Rules.FADT_REVISION,
                8);
        assertThat(TestPlatform.good()
                        .with(TestPlatform.fadt().revision(5).minorVersion(1))
                        .findings(LinuxArm64Rules.FADT_REVISION))
                .isEmpty();
        assertOne(
                TestPlatform.good().with(TestPlatform.fadt().set("flags", 0)), LinuxArm64Rules.FADT_HW_REDUCED, FLAGS);
        assertOne(TestPlatform.good().with(TestPlatform.fadt().set("armBootArch", 0)), LinuxArm64Rules.FADT_PSCI, ARM);
        assertThat(TestPlatform.good().without("FACP").findings(LinuxArm64Rules.FADT_REQUIRED, Profile.LINUX_ARM64))
                .hasSize(1);
        assertThat(TestPlatform.good().without("APIC").findings(LinuxArm64Rules.MADT_REQUIRED, Profile.LINUX_ARM64))
                .hasSize(1);
        assertThat(TestPlatform.good().without("GTDT").findings(LinuxArm64Rules.GTDT_REQUIRED, Profile.LINUX_ARM64))
                .hasSize(1);
        assertThat(TestPlatform.good().without("DSDT").findings(LinuxArm64Rules.DSDT_REQUIRED, Profile.LINUX_ARM64))
                .hasSize(1);
        assertThat(TestPlatform.good().without("SPCR").findings(LinuxArm64Rules.DOCUMENTED, Profile.LINUX_ARM64))
                .singleElement()
                .satisfies(f -> assertThat(f.table()).isEqualTo("SPCR"));
        assertThat(TestPlatform.good().without("SPCR").findings(LinuxArm64Rules.DOCUMENTED, Profile.SBBR_1_2))
                .isEmpty();
    }
}
