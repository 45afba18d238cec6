package io.github.xenacpi.site;

import static io.github.xenacpi.site.Markdown.code;
import static io.github.xenacpi.site.Markdown.text;

import io.github.xenacpi.dom0.BootEvent;
import io.github.xenacpi.inspect.InspectJson;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.PlatformDescriptor;
import io.github.xenacpi.platform.SmmuMode;
import io.github.xenacpi.platform.preset.Preset;
import io.github.xenacpi.simulation.Outcome;
import io.github.xenacpi.simulation.OutcomeResult;
import io.github.xenacpi.simulation.Simulation;
import io.github.xenacpi.simulation.SimulationCosts;
import io.github.xenacpi.simulation.SimulationInput;
import io.github.xenacpi.simulation.SimulationResult;
import io.github.xenacpi.strategy.MappingStrategy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The strategies page: each strategy of {@link MappingStrategy#all()} in plain words, and what it does on the
 * acceptance platform {@link Preset#SEED_RFC} as its descriptor asks (and {@code stage2-fault} once more without
 * an SMMU), simulated while the site is built.
 */
final class StrategyPage {

    /** What each strategy is, for a reader who has not followed the 2017 RFC thread; keyed by strategy id. */
    private static final Map<String, String> PLAIN_WORDS = Map.of(
            "bus-notify", """
                    What happens today. Xen maps Dom0's RAM and the ACPI tables themselves, and no device memory.
                    The only requests come from Linux's Xen bus notifier (`xen_platform_notifier` in
                    `drivers/xen/arm-device.c`): when a platform or AMBA device is added, it asks Xen to map the
                    device's MEM resources (`xen_map_device_mmio`). Whatever Linux reaches without adding such a
                    device (PCI configuration space through MCFG, the BERT error log, an AML OperationRegion) stays
                    unmapped; on Xen 4.8 the first access to it aborts Dom0, from Xen 4.9 the fault path of
                    `stage2-fault` maps it.""",
            "xen-premap", """
                    A proposal, never in real Xen. Before Dom0 starts, Xen parses the static ACPI tables it knows
                    (MCFG, BERT, HEST, GTDT, ...) and maps every device-memory range they describe. Xen cannot run
                    AML, so OperationRegions and `_CRS` resources stay unmapped, and a table published after the
                    Xen release is unknown to it. Which tables a release knows is a modelling choice of this
                    project (see [the Dom0 model](dom0-model.html)).""",
            "xen-premap-blacklist", """
                    `xen-premap`, and Xen also removes from Dom0's XSDT every table it does not know (except those
                    Dom0 cannot boot without, such as the DSDT), so Linux never sees them: where Dom0 would have
                    touched a region Xen did not map, it loses the feature the table describes instead.""",
            "acpi-os-ioremap", """
                    Option (a) of the 2017 RFC. Linux's `acpi_os_ioremap`, through which ACPICA and the ACPI
                    drivers map firmware-described memory, first asks Xen to map the range
                    (`XENMEM_add_to_physmap_range`). That covers AML OperationRegions and everything mapped through
                    the ACPI OS layer, and misses drivers that use a plain ioremap: `pci_ecam_create`
                    (`pci_remap_cfgspace`) and `bert_init` (`ioremap_cache`).""",
            "arm64-ioremap", """
                    Option (b) of the 2017 RFC. Every arm64 ioremap flavour asks Xen to map its range first, one
                    hypercall per call, whether or not the pages are mapped already. Every CPU access that goes
                    through an ioremap is then mapped ahead; fixmaps (early console, early table reads) are not
                    ioremaps and stay unhooked.""",
            "stage2-fault", """
                    Option (c) of the 2017 RFC, what Xen adopted in 4.9 (commit `80f9c31670`). When Dom0 touches a
                    page it may access but that is not mapped, the stage-2 data abort goes to Xen, which maps that
                    4 KiB page (`try_map_mmio`) and lets Dom0 retry: one fault per page, nothing lost on the CPU
                    side. Its hole is DMA: a device does not fault into Xen, so when the SMMU shares Dom0's stage-2
                    tables, a device writing a page before the CPU first touched it meets a missing entry. On a Xen
                    older than 4.9 the model backports the fault path, with the 4.16 permission check.""",
            "map-all-permitted", """
                    Our own. At build, Xen maps every frame outside Dom0's RAM that Dom0 is permitted to access,
                    with 1 GiB and 2 MiB block mappings wherever it can. Nothing faults and nothing is missed, by
                    the CPU or by DMA; the price is P2M table memory.""",
            "fault-plus-dma-premap", """
                    Our own. `stage2-fault`, plus Xen maps at build every page the platform names as a DMA target
                    (the descriptor's `dma` scenarios), which closes option (c)'s hole under a shared SMMU.
                    Everything else is still mapped on first touch.""");

    private StrategyPage() {}

    /** The page's Markdown. */
    static String markdown() throws SiteException {
        Platform platform = Preset.SEED_RFC.platform();
        PlatformDescriptor d = platform.descriptor();
        List<MappingStrategy> strategies = MappingStrategy.all();
        Map<MappingStrategy, SimulationResult> results = new LinkedHashMap<>();
        for (MappingStrategy s : strategies) {
            results.put(s, run(platform, s, d.smmu()));
        }
        MappingStrategy fault = MappingStrategy.byId("stage2-fault");
        SimulationResult faultNoSmmu = run(platform, fault, SmmuMode.NONE);

        StringBuilder md = new StringBuilder();
        md.append("# Mapping strategies\n\n");
        md.append("""
                A strategy is one answer to the question: who puts device memory into Dom0's stage-2 tables, and
                when? The tool boots its model of Dom0 Linux once per strategy and reports every access that
                aborts, every DMA that faults, every feature lost, and what the strategy cost. Linux's bus
                notifier runs under every strategy, as it does in real kernels.

                """);
        md.append("This page is generated while the site is built: the descriptions come from the strategies"
                + " themselves (`MappingStrategy.all()`), the outcomes from simulating the acceptance platform "
                + code(platform.name()) + " (see [presets](presets.html)): Xen " + d.xen() + ", Linux " + d.linux()
                + ", SMMU " + code(d.smmu().id()) + ", a DMA engine that writes an OperationRegion's page before"
                + " the CPU first reads it.\n\n");

        md.append("## At a glance\n\n");
        List<List<String>> rows = new ArrayList<>();
        for (MappingStrategy s : strategies) {
            rows.add(summaryRow("[" + code(s.id()) + "](#" + s.id() + ")", results.get(s)));
        }
        rows.add(summaryRow("[" + code(fault.id()) + "](#" + fault.id() + "), SMMU " + code("none"), faultNoSmmu));
        md.append(Markdown.table(
                List.of(
                        "Strategy",
                        "Verdict",
                        "Dom0 aborts",
                        "DMA faults",
                        "Features lost",
                        "Hypercalls",
                        "Stage-2 faults",
                        "Pages mapped",
                        "P2M tables",
                        "Boot time added (est.)"),
                rows));
        md.append("""
                A verdict is FAIL on any Dom0 abort or DMA fault, DEGRADED when a feature is lost, PASS otherwise.
                Aborts, DMA faults and lost features count boot events (one per page touched). Stage-2 faults also
                count the accesses Xen emulates (the GIC). Pages mapped counts the 4 KiB pages of device memory put
                into the P2M, at build and later: `map-all-permitted` maps every permitted frame of the address
                space, so its count is huge; block mappings keep its P2M far smaller than 4 KiB pages would. P2M
                tables is the memory of the stage-2 tables at the end of boot. The boot time is an estimate from
                assumed costs per hypercall, fault and P2M entry (see [the Dom0 model](dom0-model.html#Costs)), not
                a measurement.

                """);

        for (MappingStrategy s : strategies) {
            md.append("## ").append(s.id()).append("\n\n");
            md.append("*").append(text(s.description())).append("*\n\n");
            md.append(plainWords(s.id())).append("\n\n");
            md.append(outcome(results.get(s), "On " + code(platform.name())));
            if (s.equals(fault)) {
                md.append(outcome(
                        faultNoSmmu,
                        "On " + code(platform.name()) + " without an SMMU (" + code("smmu") + " " + code("none")
                                + ")"));
            }
        }

        md.append("""
                ## The newer tables

                The platform has two tables newer than Xen 4.8 that Linux 6.6 maps, and they split as the 2017 RFC
                warned. The APMT's CoreSight PMU page reaches Linux as a platform device
                (`apmt_add_platform_device`), so Linux's bus notifier, which keeps running whatever Xen does, maps
                it under every strategy. The CEDT's CXL 1.1 host bridge RCRB is mapped by `cxl_acpi` itself
                (`cxl_rcrb_to_component`: `ioremap` and `readl`); no platform device carries it, so a Xen 4.8 that
                pre-maps only the tables it knows leaves it out and `xen-premap` aborts on the newer table's region
                (`AcceptanceScenarioTest` in core-model pins it). `xen-premap-blacklist` loses both features
                instead. PCCT extended subspaces (types 3/4, `pcc_chan_reg_init` at `postcore_initcall`) and the
                TPM2 event log (`tpm_read_log_acpi`) are the other direct consumers the model has.
                """);
        return md.toString();
    }

    private static SimulationResult run(Platform platform, MappingStrategy strategy, SmmuMode smmu) {
        PlatformDescriptor d = platform.descriptor();
        return Simulation.run(SimulationInput.of(platform).with(d.xen(), d.linux(), smmu), strategy);
    }

    private static String plainWords(String id) throws SiteException {
        String words = PLAIN_WORDS.get(id);
        if (words == null) {
            throw new SiteException("strategy \"" + id + "\" has no plain-words paragraph: add one to "
                    + StrategyPage.class.getName() + ".PLAIN_WORDS");
        }
        return words.strip().replace('\n', ' ');
    }

    private static List<String> summaryRow(String name, SimulationResult r) {
        SimulationCosts c = r.costs();
        return List.of(
                name,
                "**" + r.verdict() + "**",
                count(r.withResult(OutcomeResult.DOM0_ABORT).size()),
                count(r.withResult(OutcomeResult.DMA_FAULT).size()),
                count(r.withResult(OutcomeResult.FEATURE_LOST).size()),
                count(c.hypercalls()),
                count(c.stage2Faults()),
                count(c.pagesMapped()),
                count(c.p2mTableBytes() / 1024) + " KiB",
                count(c.estimatedMicros()) + " µs");
    }

    private static String outcome(SimulationResult r, String heading) {
        StringBuilder md = new StringBuilder();
        md.append("**").append(heading).append(": ").append(r.verdict()).append(".** ");
        SimulationCosts c = r.costs();
        md.append(String.format(
                Locale.ROOT,
                "%s hypercalls, %s stage-2 faults, %s pages of device memory mapped,"
                        + " %s P2M table pages (%s bytes), about %s µs added to boot.%n%n",
                count(c.hypercalls()),
                count(c.stage2Faults()),
                count(c.pagesMapped()),
                count(c.p2mTablePages()),
                count(c.p2mTableBytes()),
                count(c.estimatedMicros())));
        List<Outcome> aborts = r.withResult(OutcomeResult.DOM0_ABORT);
        List<Outcome> dma = r.withResult(OutcomeResult.DMA_FAULT);
        if (aborts.isEmpty()) {
            md.append(dma.isEmpty() ? "No access aborts Dom0 and no DMA faults.\n\n" : "No access aborts Dom0.\n\n");
        } else {
            md.append("Dom0 aborts:\n\n").append(grouped(aborts));
        }
        if (dma.isEmpty()) {
            md.append(aborts.isEmpty() ? "" : "No DMA faults.\n\n");
        } else {
            md.append("DMA faults:\n\n")
                    .append(Markdown.table(
                            List.of("Device", "Page", "Region kind", "Why"),
                            dma.stream()
                                    .map(o -> List.of(
                                            code(o.event().function()),
                                            code(InspectJson.hex(o.event().base())),
                                            code(o.event().kind().name()),
                                            text(o.reason())))
                                    .toList()));
        }
        List<Outcome> lost = r.withResult(OutcomeResult.FEATURE_LOST);
        if (!lost.isEmpty()) {
            md.append("Features lost:\n\n").append(grouped(lost));
        }
        List<Outcome> denied = r.withResult(OutcomeResult.DENIED);
        if (!denied.isEmpty()) {
            md.append("Map requests Xen refused or cut short:\n\n").append(grouped(denied));
        }
        return md.toString();
    }

    /** Outcomes grouped by region kind, table, kernel function and feature, with the first page and a count. */
    private static String grouped(List<Outcome> outcomes) {
        record Key(String kind, String table, String function, String feature) {}
        Map<Key, List<BootEvent>> groups = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            BootEvent e = o.event();
            groups.computeIfAbsent(
                            new Key(e.kind().name(), e.table(), e.function(), e.feature()), k -> new ArrayList<>())
                    .add(e);
        }
        List<List<String>> rows = new ArrayList<>();
        groups.forEach((k, events) -> rows.add(List.of(
                code(k.kind()),
                k.table().isEmpty() ? "" : code(k.table()),
                code(k.function()),
                text(k.feature()),
                code(InspectJson.hex(events.get(0).base())),
                count(events.size()))));
        return Markdown.table(
                List.of("Region kind", "Table", "Kernel function", "Feature", "First page", "Events"), rows);
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
