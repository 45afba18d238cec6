package io.github.xenacpi.platform;

import io.github.xenacpi.platform.LinuxVersion;
import io.github.xenacpi.platform.SmmuMode;
import io.github.xenacpi.platform.XenVersion;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What ACPI does not say about a platform and a simulation needs: Dom0's RAM (empty: derived from the tables),
 * the IPA size, the Xen and Linux versions, the SMMU mode, whether Linux runs the SPCR early console, the DMA
 * scenarios, values AML reads from memory, and whether Xen was built with {@code CONFIG_HAS_ITS} (off by default). Read from an optional {@code xenacpi.json} beside the tables by
 * {@link PlatformDescriptorReader}; every field has a default, so a bare acpidump works.
 */
public record PlatformDescriptor(List<MemoryRange> ram, int ipaBits, XenVersion xen, LinuxVersion linux,
                                 SmmuMode smmu, boolean earlycon, List<DmaScenario> dma,
                                 Map<Long, Long> amlMemory, boolean xenHasIts) {

    /** The descriptor of a bare dump: the problem statement's Xen 4.8 and Linux 4.10, no SMMU, 48-bit IPA. */
    public static final PlatformDescriptor DEFAULT = new PlatformDescriptor(List.of(), 48, XenVersion.V4_8,
            LinuxVersion.V4_10, SmmuMode.NONE, false, List.of(), Map.of());

    /** A descriptor for a Xen built without {@code CONFIG_HAS_ITS}, its default. */
    public PlatformDescriptor(List<MemoryRange> ram, int ipaBits, XenVersion xen, LinuxVersion linux, SmmuMode smmu,
                              boolean earlycon, List<DmaScenario> dma, Map<Long, Long> amlMemory) {
        this(ram, ipaBits, xen, linux, smmu, earlycon, dma, amlMemory, false);
    }

    public PlatformDescriptor {
        ram = List.copyOf(ram);
        Objects.requireNonNull(xen, "xen");
        Objects.requireNonNull(linux, "linux");
        Objects.requireNonNull(smmu, "smmu");
        dma = List.copyOf(dma);
        amlMemory = Map.copyOf(amlMemory);
        if (ipaBits < 32 || ipaBits > 48) {
            throw new IllegalArgumentException("ipaBits must lie between 32 and 48, not " + ipaBits);
        }
    }
}
