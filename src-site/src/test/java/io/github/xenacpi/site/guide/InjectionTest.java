package io.github.xenacpi.site.guide;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.load.AcpiTables;
import io.github.xenacpi.aml.LoadedNamespace;
import io.github.xenacpi.dom0.AccessApi;
import io.github.xenacpi.dom0.Dom0Boot;
import io.github.xenacpi.junit.XenPlatform;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.SmmuMode;
import io.github.xenacpi.platform.XenVersion;
import io.github.xenacpi.simulation.SimulationResult;
import org.junit.jupiter.api.Test;

/** The guide's examples of the injected types and of how method-level attributes refine the class's. */
// tag::injection[]
@XenPlatform(preset = "seed-rfc", xen = "4.17")
class InjectionTest {

    @Test
    void everyTypeTheExtensionInjects(
            Platform platform, AcpiTables tables, LoadedNamespace namespace, Dom0Boot boot, SimulationResult result) {
        assertThat(platform.name()).isEqualTo("seed-rfc");
        assertThat(tables.bySignature("MCFG")).hasSize(1);
        assertThat(namespace.diagnostics()).isEmpty();
        assertThat(boot.events())
                .anyMatch(e -> e.kind() == RegionKind.OPERATION_REGION && e.api() == AccessApi.CPU_TOUCH);
        assertThat(result.strategy()).isEqualTo("stage2-fault");
    }

    @Test
    @XenPlatform(smmu = "none", strategy = "bus-notify")
    void theMethodRefinesTheClass(Platform platform, SimulationResult result) {
        assertThat(platform.descriptor().xen()).isEqualTo(XenVersion.V4_17);
        assertThat(platform.descriptor().smmu()).isEqualTo(SmmuMode.NONE);
        assertThat(result.strategy()).isEqualTo("bus-notify");
    }
}
// end::injection[]
