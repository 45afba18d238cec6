package io.github.xenacpi.conformance;

import static io.github.xenacpi.acpi.Severity.ERROR;
import static io.github.xenacpi.acpi.Severity.WARNING;
import static io.github.xenacpi.conformance.Profile.XEN_DOM0;

import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.table.load.AcpiTables;
import io.github.xenacpi.dom0.BootEvent;
import io.github.xenacpi.platform.XenVersion;
import io.github.xenacpi.simulation.Outcome;
import io.github.xenacpi.simulation.OutcomeResult;
import io.github.xenacpi.simulation.SimulationResult;
import io.github.xenacpi.xen.HardwareDomainBuild;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What goes wrong for a Xen Dom0 while it boots, judged on a simulation rather than on the tables: every outcome
 * that is not fine (an abort, a DMA fault, a refused mapping, a hidden table) becomes a finding naming the
 * region, the kernel function, the feature at stake, the strategy and the Xen and Linux versions.
 */
public final class XenDom0Rules implements RuleSet {

    private static final String ARM_TRAPS = "Xen xen/arch/arm/traps.c do_trap_stage2_abort_guest";

    static final Rule ACCESS_ABORTS = xen(
            "XEN.DOM0.ACCESS_ABORTS",
            ERROR,
            "Dom0's accesses to device memory are mapped",
            "An access to a range missing from Dom0's stage-2 tables that Xen does not map on the fault is"
                    + " injected back as a data abort: the kernel oopses in the function that touched it.",
            ARM_TRAPS + "; Linux arch/arm64/mm/fault.c do_mem_abort");
    static final Rule DMA_FAULT = xen(
            "XEN.DOM0.DMA_FAULT",
            ERROR,
            "Device DMA targets are mapped in the SMMU",
            "The SMMU translates device DMA through Dom0's P2M; a page missing there faults the transaction and"
                    + " the device stops working (or the firmware buffer it feeds is lost).",
            "Xen xen/drivers/passthrough/arm/smmu-v3.c; IORT RMR nodes (Arm DEN0049E section 3.1.3.7)");
    static final Rule MAP_DENIED = xen(
            "XEN.DOM0.MAP_DENIED",
            WARNING,
            "Dom0's map requests are served whole",
            "XENMEM_add_to_physmap_range refuses frames outside Dom0's iomem permissions and truncates the page"
                    + " count to 16 bits: the pages left out abort later or leave the driver without its registers.",
            "Xen xen/arch/arm/mm.c xenmem_add_to_physmap_one; Linux drivers/xen/xlate_mmu.c");
    static final Rule FEATURE_LOST = xen(
            "XEN.DOM0.FEATURE_LOST",
            WARNING,
            "No table Dom0 needs is hidden from it",
            "Xen rebuilds Dom0's XSDT and leaves out tables it does not know (or deliberately hides): the feature"
                    + " they describe is gone for Dom0 and so for every guest.",
            "Xen xen/arch/arm/acpi/domain_build.c acpi_create_xsdt");

    static final Rule NOT_BUILT = xen(
            "XEN.DOM0.NOT_BUILT",
            ERROR,
            "Xen builds the ACPI hardware domain",
            "Before 4.15 Xen disables ACPI for a FADT older than 6.0 and fails the Dom0 build without an SPCR: on"
                    + " such a Xen the platform does not boot Dom0 at all, whatever the mapping strategy.",
            "Xen xen/arch/arm/acpi/boot.c acpi_parse_fadt; xen/arch/arm/acpi/domain_build.c acpi_iomem_deny_access"
                    + " (861f0c1109, 0ff2c7e5b4, 4.15)");

    private static final Map<OutcomeResult, Rule> BY_RESULT = Map.of(
            OutcomeResult.DOM0_ABORT, ACCESS_ABORTS,
            OutcomeResult.DMA_FAULT, DMA_FAULT,
            OutcomeResult.DENIED, MAP_DENIED,
            OutcomeResult.FEATURE_LOST, FEATURE_LOST);

    private static Rule xen(String id, Severity severity, String title, String rationale, String reference) {
        return Rule.of(id, severity, title, rationale, reference).in(XEN_DOM0);
    }

    /** The tables alone say nothing about a Dom0 boot: these rules judge simulations, see {@link #findings}. */
    @Override
    public void check(CheckContext ctx) {
        // Applied per simulation by findings(); a table check has nothing to add.
    }

    /**
     * The finding of a Xen release that refuses to build the ACPI hardware domain on these host tables
     * ({@link HardwareDomainBuild#refusal}), or none.
     */
    public static List<Finding> buildFindings(XenVersion xen, AcpiTables host) {
        return HardwareDomainBuild.refusal(xen, host)
                .map(r -> new Finding(
                        NOT_BUILT.id(),
                        NOT_BUILT.severity(),
                        r.function().equals("acpi_iomem_deny_access") ? "SPCR" : "FACP",
                        1,
                        -1L,
                        "Xen " + xen + " does not build Dom0: " + r.function() + ": " + r.reason(),
                        r.function()))
                .stream()
                .toList();
    }

    /** The rule an outcome breaks, if any. */
    public static Optional<Rule> ruleFor(OutcomeResult result) {
        return Optional.ofNullable(BY_RESULT.get(result));
    }

    /**
     * One finding per outcome of the simulation that is not fine. {@code regions} are the platform's described
     * regions: a finding points at the table field that described the range (its offset and path) when one
     * matches the event's source.
     */
    public static List<Finding> findings(SimulationResult simulation, List<DescribedRegion> regions) {
        List<Finding> out = new ArrayList<>();
        for (Outcome o : simulation.outcomes()) {
            Rule rule = BY_RESULT.get(o.result());
            if (rule == null) {
                continue;
            }
            BootEvent e = o.event();
            // A boot event's source is "SIG path" for a table field, or the bare AML path.
            Optional<DescribedRegion> described = regions.stream()
                    .filter(r -> e.source().equals(r.table() + " " + r.path())
                            || e.source().equals(r.path()))
                    .findFirst();
            int instance =
                    described.map(DescribedRegion::instance).orElse(e.table().isEmpty() ? 0 : 1);
            long offset = described.map(DescribedRegion::offset).orElse(-1L);
            String message = String.format(
                    Locale.ROOT,
                    "%s %s 0x%X+0x%X (%s) via %s in %s, for %s: %s [strategy %s, Xen %s, Linux %s, SMMU %s]",
                    o.result().id(),
                    e.kind(),
                    e.base(),
                    e.length(),
                    e.source().isEmpty() ? "no source" : e.source(),
                    e.kernelApi() == null || e.kernelApi().isEmpty() ? e.api().name() : e.kernelApi(),
                    e.function(),
                    e.feature(),
                    o.reason(),
                    simulation.strategy(),
                    simulation.xen(),
                    simulation.linux(),
                    simulation.smmu().id());
            String table = described.map(DescribedRegion::table).orElse(e.table());
            String path = described.map(DescribedRegion::path).orElse(e.source());
            out.add(new Finding(rule.id(), rule.severity(), table, instance, offset, message, path));
        }
        return List.copyOf(out);
    }
}
