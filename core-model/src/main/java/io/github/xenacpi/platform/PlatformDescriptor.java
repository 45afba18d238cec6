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
public record PlatformDescriptor(List<MemoryRange> ram, int ipaBits, XenVersion xen, LinuxVersion linux,
                                 SmmuMode smmu, boolean earlycon, List<DmaScenario> dma,
                                 Map<Long, Long> amlMemory, boolean xenHasIts, SettingSources sources) {

    /**
     * The descriptor of a bare dump: the newest modelled Xen and Linux (what someone validating firmware today
     * runs), no SMMU, 48-bit IPA; its settings come from the {@link SettingSource#DEFAULT default}.
     */
    public static final PlatformDescriptor DEFAULT = new PlatformDescriptor(List.of(), 48, XenVersion.NEWEST,
            LinuxVersion.NEWEST, SmmuMode.NONE, false, List.of(), Map.of(), SettingSources.DEFAULTS);

    /**
     * The seed era's pair, one setting away: Xen 4.8 and Linux 4.10 (the problem statement's 2017 machines), no
     * SMMU, stated as a descriptor would.
     */
    public static final PlatformDescriptor SEED_ERA = new PlatformDescriptor(List.of(), 48, XenVersion.V4_8,
            LinuxVersion.V4_10, SmmuMode.NONE, false, List.of(), Map.of());

    /**
     * A descriptor whose Xen, Linux and SMMU settings were all stated (in a descriptor file or in code), for a Xen
     * built without {@code CONFIG_HAS_ITS}, its default.
     */
    public PlatformDescriptor(List<MemoryRange> ram, int ipaBits, XenVersion xen, LinuxVersion linux, SmmuMode smmu,
                              boolean earlycon, List<DmaScenario> dma, Map<Long, Long> amlMemory) {
        this(ram, ipaBits, xen, linux, smmu, earlycon, dma, amlMemory, false, SettingSources.DESCRIPTOR);
    }

    /** A descriptor whose settings were all stated, with Xen's {@code CONFIG_HAS_ITS} as given. */
    public PlatformDescriptor(List<MemoryRange> ram, int ipaBits, XenVersion xen, LinuxVersion linux, SmmuMode smmu,
                              boolean earlycon, List<DmaScenario> dma, Map<Long, Long> amlMemory,
                              boolean xenHasIts) {
        this(ram, ipaBits, xen, linux, smmu, earlycon, dma, amlMemory, xenHasIts, SettingSources.DESCRIPTOR);
    }

    /** A descriptor for a Xen built without {@code CONFIG_HAS_ITS}, with its settings' sources. */
    public PlatformDescriptor(List<MemoryRange> ram, int ipaBits, XenVersion xen, LinuxVersion linux, SmmuMode smmu,
                              boolean earlycon, List<DmaScenario> dma, Map<Long, Long> amlMemory,
                              SettingSources sources) {
        this(ram, ipaBits, xen, linux, smmu, earlycon, dma, amlMemory, false, sources);
    }

    /**
     * Equal when everything a simulation reads is equal: where the settings came from ({@code sources}) is a note
     * for reports, so a preset's descriptor written to {@code xenacpi.json} and read back is the same descriptor.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof PlatformDescriptor d && ipaBits == d.ipaBits && earlycon == d.earlycon
                && xenHasIts == d.xenHasIts && ram.equals(d.ram) && xen.equals(d.xen) && linux.equals(d.linux)
                && smmu == d.smmu && dma.equals(d.dma) && amlMemory.equals(d.amlMemory);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ram, ipaBits, xen, linux, smmu, earlycon, dma, amlMemory, xenHasIts);
    }

    /** This descriptor with its settings' sources replaced. */
    public PlatformDescriptor withSources(SettingSources newSources) {
        return new PlatformDescriptor(ram, ipaBits, xen, linux, smmu, earlycon, dma, amlMemory, xenHasIts,
                newSources);
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
