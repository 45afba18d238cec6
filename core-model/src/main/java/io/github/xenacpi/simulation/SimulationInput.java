package io.github.xenacpi.simulation;

import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.aml.NamespaceSurvey;
import io.github.xenacpi.platform.DmaScenario;
import io.github.xenacpi.platform.LinuxVersion;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.PlatformDescriptor;
import io.github.xenacpi.platform.SmmuMode;
import io.github.xenacpi.platform.XenVersion;
import java.util.List;
import java.util.Objects;

/**
 * What a simulation runs on: the platform's regions, what its namespace yields at boot, Dom0's RAM ranges
 * (base, length), the IPA size, the Xen
 * and Linux versions, the SMMU mode, whether Linux uses the SPCR early console, the DMA scenarios, and the cost model.
 */
public record SimulationInput(List<DescribedRegion> regions, NamespaceSurvey namespace, List<long[]> ram,
                              int ipaBits, XenVersion xen,
                              LinuxVersion linux, SmmuMode smmu, boolean earlycon, List<DmaScenario> dma,
                              CostModel costModel) {

    /** No namespace: a platform described by static tables alone. */
    public static final NamespaceSurvey NO_NAMESPACE =
            new NamespaceSurvey(List.of(), List.of(), List.of(), List.of(), 0);

    public SimulationInput {
        regions = List.copyOf(regions);
        Objects.requireNonNull(namespace, "namespace");
        ram = ram.stream().map(long[]::clone).toList();
        dma = List.copyOf(dma);
    }

    /** The input a platform's descriptor asks for, with the default cost model. */
    public static SimulationInput of(Platform platform) {
        PlatformDescriptor d = platform.descriptor();
        return new SimulationInput(platform.regions(), platform.survey(),
                platform.ram().stream().map(m -> new long[] {m.base(), m.length()}).toList(), d.ipaBits(), d.xen(),
                d.linux(), d.smmu(), d.earlycon(), d.dma(), CostModel.DEFAULT);
    }

    /** The same input under other versions and SMMU mode. */
    public SimulationInput with(XenVersion newXen, LinuxVersion newLinux, SmmuMode newSmmu) {
        return new SimulationInput(regions, namespace, ram, ipaBits, newXen, newLinux, newSmmu, earlycon, dma,
                costModel);
    }
}
