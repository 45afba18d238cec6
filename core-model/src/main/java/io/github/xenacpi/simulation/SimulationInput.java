package io.github.xenacpi.simulation;

import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.table.load.AcpiTables;
import io.github.xenacpi.aml.survey.NamespaceSurvey;
import io.github.xenacpi.platform.DmaScenario;
import io.github.xenacpi.platform.LinuxVersion;
import io.github.xenacpi.platform.MemoryRange;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.PlatformDescriptor;
import io.github.xenacpi.platform.SmmuMode;
import io.github.xenacpi.platform.XenVersion;
import io.github.xenacpi.xen.HardwareDomainBuild;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a simulation runs on: the platform's regions, what its namespace yields at boot, Dom0's RAM ranges, the IPA
 * size, the Xen and Linux versions, the SMMU mode, whether Linux uses the SPCR early console, the DMA scenarios, the
 * cost model, whether Xen has {@code CONFIG_HAS_ITS}, and the host's tables from which Xen decides whether it builds
 * an ACPI Dom0 at all ({@link #refusal()}; {@code null} for an input made by hand, which assumes Xen builds it).
 */
public record SimulationInput(
        List<DescribedRegion> regions,
        NamespaceSurvey namespace,
        List<MemoryRange> ram,
        int ipaBits,
        XenVersion xen,
        LinuxVersion linux,
        SmmuMode smmu,
        boolean earlycon,
        List<DmaScenario> dma,
        CostModel costModel,
        boolean xenHasIts,
        AcpiTables host) {

    /** No namespace: a platform described by static tables alone. */
    public static final NamespaceSurvey NO_NAMESPACE =
            new NamespaceSurvey(List.of(), List.of(), List.of(), List.of(), 0);

    public SimulationInput {
        regions = List.copyOf(regions);
        Objects.requireNonNull(namespace, "namespace");
        ram = List.copyOf(ram);
        dma = List.copyOf(dma);
    }

    /** An input made by hand (no host tables: Xen is assumed to build Dom0). */
    public SimulationInput(
            List<DescribedRegion> regions,
            NamespaceSurvey namespace,
            List<MemoryRange> ram,
            int ipaBits,
            XenVersion xen,
            LinuxVersion linux,
            SmmuMode smmu,
            boolean earlycon,
            List<DmaScenario> dma,
            CostModel costModel,
            boolean xenHasIts) {
        this(regions, namespace, ram, ipaBits, xen, linux, smmu, earlycon, dma, costModel, xenHasIts, null);
    }

    /** An input for a Xen built without {@code CONFIG_HAS_ITS}, its default. */
    public SimulationInput(
            List<DescribedRegion> regions,
            NamespaceSurvey namespace,
            List<MemoryRange> ram,
            int ipaBits,
            XenVersion xen,
            LinuxVersion linux,
            SmmuMode smmu,
            boolean earlycon,
            List<DmaScenario> dma,
            CostModel costModel) {
        this(regions, namespace, ram, ipaBits, xen, linux, smmu, earlycon, dma, costModel, false);
    }

    /**
     * The DMA a run plays: the descriptor's scenarios and, under a shared SMMU, one boot-time DMA per IORT RMR
     * range. An RMR is the table's own statement that a stream keeps doing DMA to that range from before the OS
     * runs (IORT E.b/E.d; Linux {@code iort_node_get_rmr_info}, 6.0): with the SMMU walking Dom0's P2M, the range
     * must be mapped before the SMMU is enabled, which no CPU touch can do.
     */
    public List<DmaScenario> dmaWithReservedRanges() {
        if (smmu != SmmuMode.SHARED) {
            return dma;
        }
        List<DmaScenario> out = new java.util.ArrayList<>(dma);
        for (DescribedRegion r : regions) {
            if (r.kind() == io.github.xenacpi.acpi.region.RegionKind.RMR && r.isDeviceMemory()) {
                out.add(new DmaScenario("IORT RMR stream (" + r.path() + ")", r.kind(), r.base(), true));
            }
        }
        return List.copyOf(out);
    }

    /** The same input for a Xen built with or without {@code CONFIG_HAS_ITS}. */
    public SimulationInput withXenIts(boolean hasIts) {
        return new SimulationInput(
                regions, namespace, ram, ipaBits, xen, linux, smmu, earlycon, dma, costModel, hasIts, host);
    }

    /** The input a platform's descriptor asks for, with the default cost model. */
    public static SimulationInput of(Platform platform) {
        PlatformDescriptor d = platform.descriptor();
        return new SimulationInput(
                platform.regions(),
                platform.survey(),
                platform.ram(),
                d.ipaBits(),
                d.xen(),
                d.linux(),
                d.smmu(),
                d.earlycon(),
                d.dma(),
                CostModel.DEFAULT,
                d.xenHasIts(),
                platform.tables());
    }

    /** The same input under other versions and SMMU mode. */
    public SimulationInput with(XenVersion newXen, LinuxVersion newLinux, SmmuMode newSmmu) {
        return new SimulationInput(
                regions, namespace, ram, ipaBits, newXen, newLinux, newSmmu, earlycon, dma, costModel, xenHasIts, host);
    }

    /**
     * Why this input's Xen refuses to build the ACPI hardware domain from the host's tables
     * ({@link HardwareDomainBuild#refusal}), or empty when it builds it (always, for an input without host tables).
     */
    public Optional<HardwareDomainBuild.Refusal> refusal() {
        return host == null ? Optional.empty() : HardwareDomainBuild.refusal(xen, host);
    }
}
