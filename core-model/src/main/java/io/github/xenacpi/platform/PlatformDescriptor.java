package io.github.xenacpi.platform;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What ACPI does not say about a platform and a simulation needs: Dom0's RAM (empty: derived from the tables),
 * the IPA size, the Xen and Linux versions, the SMMU mode, whether Linux runs the SPCR early console, the DMA
 * scenarios, values AML reads from memory, whether Xen was built with {@code CONFIG_HAS_ITS} (off by default), and
 * where the Xen, Linux and SMMU settings came from. Read from an optional {@code xenacpi.json} beside the tables by
 * {@link PlatformDescriptorReader}; every field has a default, so a bare acpidump works.
 */
public record PlatformDescriptor(
        List<MemoryRange> ram,
        int ipaBits,
        XenVersion xen,
        LinuxVersion linux,
        SmmuMode smmu,
        boolean earlycon,
        List<DmaScenario> dma,
        Map<Long, Long> amlMemory,
        boolean xenHasIts,
        SettingSources sources) {

    /**
     * The descriptor of a bare dump: the newest modelled Xen and Linux (what someone validating firmware today
     * runs), no SMMU, 48-bit IPA; its settings come from the {@link SettingSource#DEFAULT default}.
     */
    public static final PlatformDescriptor DEFAULT =
            builder().sources(SettingSources.DEFAULTS).build();

    /**
     * The seed era's pair, one setting away: Xen 4.8 and Linux 4.10 (the problem statement's 2017 machines), no
     * SMMU, stated as a descriptor would.
     */
    public static final PlatformDescriptor SEED_ERA =
            builder().xen(XenVersion.V4_8).linux(LinuxVersion.V4_10).build();

    /**
     * Equal when everything a simulation reads is equal: where the settings came from ({@code sources}) is a note
     * for reports, so a preset's descriptor written to {@code xenacpi.json} and read back is the same descriptor.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof PlatformDescriptor d
                && ipaBits == d.ipaBits
                && earlycon == d.earlycon
                && xenHasIts == d.xenHasIts
                && ram.equals(d.ram)
                && xen.equals(d.xen)
                && linux.equals(d.linux)
                && smmu == d.smmu
                && dma.equals(d.dma)
                && amlMemory.equals(d.amlMemory);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ram, ipaBits, xen, linux, smmu, earlycon, dma, amlMemory, xenHasIts);
    }

    /**
     * A builder that starts from a bare dump's values (no RAM of its own, 48-bit IPA, the newest modelled Xen and
     * Linux, no SMMU, no early console, no DMA, no AML memory, no {@code CONFIG_HAS_ITS}) with every setting stated
     * ({@link SettingSources#DESCRIPTOR}), as in a descriptor file or in code.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link PlatformDescriptor} setting by setting. */
    public static final class Builder {
        private List<MemoryRange> ram = List.of();
        private int ipaBits = 48;
        private XenVersion xen = XenVersion.NEWEST;
        private LinuxVersion linux = LinuxVersion.NEWEST;
        private SmmuMode smmu = SmmuMode.NONE;
        private boolean earlycon;
        private List<DmaScenario> dma = List.of();
        private Map<Long, Long> amlMemory = Map.of();
        private boolean xenHasIts;
        private SettingSources sources = SettingSources.DESCRIPTOR;

        private Builder() {}

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

        public Builder amlMemory(Map<Long, Long> value) {
            amlMemory = value;
            return this;
        }

        public Builder xenHasIts(boolean value) {
            xenHasIts = value;
            return this;
        }

        public Builder sources(SettingSources value) {
            sources = value;
            return this;
        }

        /** The descriptor set so far. */
        public PlatformDescriptor build() {
            return new PlatformDescriptor(ram, ipaBits, xen, linux, smmu, earlycon, dma, amlMemory, xenHasIts, sources);
        }
    }

    /** This descriptor with its settings' sources replaced. */
    public PlatformDescriptor withSources(SettingSources newSources) {
        return new PlatformDescriptor(ram, ipaBits, xen, linux, smmu, earlycon, dma, amlMemory, xenHasIts, newSources);
    }

    public PlatformDescriptor {
        ram = List.copyOf(ram);
        Objects.requireNonNull(xen, "xen");
        Objects.requireNonNull(linux, "linux");
        Objects.requireNonNull(smmu, "smmu");
        Objects.requireNonNull(sources, "sources");
        dma = List.copyOf(dma);
        amlMemory = Map.copyOf(amlMemory);
        if (ipaBits < 32 || ipaBits > 48) {
            throw new IllegalArgumentException("ipaBits must lie between 32 and 48, not " + ipaBits);
        }
    }
}
