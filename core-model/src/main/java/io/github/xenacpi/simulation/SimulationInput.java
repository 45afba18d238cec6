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
    public static final NamespaceSurvey NO_NAMESPACE = NamespaceSurvey.builder().build();

    public SimulationInput {
        regions = List.copyOf(regions);
        Objects.requireNonNull(namespace, "namespace");
        ram = List.copyOf(ram);
        dma = List.copyOf(dma);
    }

    /**
     * A builder that starts from a bare dump's values, as {@link PlatformDescriptor#builder()}: no regions, no
     * namespace, no RAM, 48-bit IPA, the newest modelled Xen and Linux, no SMMU, no early console, no DMA, the
     * default cost model, no {@code CONFIG_HAS_ITS}, and no host tables (Xen is assumed to build Dom0).
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link SimulationInput} part by part. */
    public static final class Builder {
        private List<DescribedRegion> regions = List.of();
        private NamespaceSurvey namespace = NO_NAMESPACE;
        private List<MemoryRange> ram = List.of();
        private int ipaBits = 48;
        private XenVersion xen = XenVersion.NEWEST;
        private LinuxVersion linux = LinuxVersion.NEWEST;
        private SmmuMode smmu = SmmuMode.NONE;
        private boolean earlycon;
        private List<DmaScenario> dma = List.of();
        private CostModel costModel = CostModel.DEFAULT;
        private boolean xenHasIts;
        private AcpiTables host;

        private Builder() {}

        private Builder(SimulationInput from) {
            regions = from.regions;
            namespace = from.namespace;
            ram = from.ram;
            ipaBits = from.ipaBits;
            xen = from.xen;
            linux = from.linux;
            smmu = from.smmu;
            earlycon = from.earlycon;
            dma = from.dma;
            costModel = from.costModel;
            xenHasIts = from.xenHasIts;
            host = from.host;
        }

        public Builder regions(List<DescribedRegion> value) {
            regions = value;
            return this;
        }

        public Builder namespace(NamespaceSurvey value) {
            namespace = value;
            return this;
        }

        public Builder ram(List<MemoryRange> value) {
            ram = value;
            return this;
        }

        public Builder ipaBits(int value) {
            ipaBits = value;
            return this;
        }

        public Builder xen(XenVersion value) {
            xen = value;
            return this;
        }

        public Builder linux(LinuxVersion value) {
            linux = value;
            return this;
        }

        public Builder smmu(SmmuMode value) {
            smmu = value;
            return this;
        }

        public Builder earlycon(boolean value) {
            earlycon = value;
            return this;
        }

        public Builder dma(List<DmaScenario> value) {
            dma = value;
            return this;
        }

        public Builder costModel(CostModel value) {
            costModel = value;
            return this;
        }

        public Builder xenHasIts(boolean value) {
            xenHasIts = value;
            return this;
        }

        /** The host's tables, from which Xen decides whether it builds Dom0 ({@code null}: it does). */
        public Builder host(AcpiTables value) {
            host = value;
            return this;
        }

        /** The input set so far. */
        public SimulationInput build() {
            return new SimulationInput(
                    regions, namespace, ram, ipaBits, xen, linux, smmu, earlycon, dma, costModel, xenHasIts, host);
        }
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
        return new Builder(this).xenHasIts(hasIts).build();
    }

    /** The input a platform's descriptor asks for, with the default cost model. */
    public static SimulationInput of(Platform platform) {
        PlatformDescriptor d = platform.descriptor();
        return builder()
                .regions(platform.regions())
                .namespace(platform.survey())
                .ram(platform.ram())
                .ipaBits(d.ipaBits())
                .xen(d.xen())
                .linux(d.linux())
                .smmu(d.smmu())
                .earlycon(d.earlycon())
                .dma(d.dma())
                .xenHasIts(d.xenHasIts())
                .host(platform.tables())
                .build();
    }

    /** The same input under other versions and SMMU mode. */
    public SimulationInput with(XenVersion newXen, LinuxVersion newLinux, SmmuMode newSmmu) {
        return new Builder(this).xen(newXen).linux(newLinux).smmu(newSmmu).build();
    }

    /**
     * Why this input's Xen refuses to build the ACPI hardware domain from the host's tables
     * ({@link HardwareDomainBuild#refusal}), or empty when it builds it (always, for an input without host tables).
     */
    public Optional<HardwareDomainBuild.Refusal> refusal() {
        return host == null ? Optional.empty() : HardwareDomainBuild.refusal(xen, host);
    }
}
