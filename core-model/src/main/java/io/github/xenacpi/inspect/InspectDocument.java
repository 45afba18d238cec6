package io.github.xenacpi.inspect;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.layout.TableHeader;
import io.github.xenacpi.aml.NamespaceCounts;
import io.github.xenacpi.aml.resource.Resource;
import io.github.xenacpi.aml.survey.NamespaceSurvey;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.simulation.Outcome;
import io.github.xenacpi.simulation.SimulationCosts;
import io.github.xenacpi.simulation.SimulationResult;
import io.github.xenacpi.xen.HardwareDomainBuild;
import java.util.List;

/**
 * The {@code xenacpi-inspect/1} document of one platform as typed records, serialised by Jackson through
 * {@link InspectJson}: where the tables came from, every table with its header and decoded fields, every described
 * region, every diagnostic, the namespace as Linux's boot walk sees it and, when simulated, every strategy's
 * outcome per boot event. Addresses and lengths are {@code "0x…"} strings (unsigned 64-bit).
 */
@JsonPropertyOrder({"schema", "source", "tables", "regions", "diagnostics", "namespace", "simulations"})
public record InspectDocument(
        String schema,
        Source source,
        List<Table> tables,
        List<Region> regions,
        List<DiagnosticEntry> diagnostics,
        Namespace namespace,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Simulation> simulations) {

    public InspectDocument {
        tables = List.copyOf(tables);
        regions = List.copyOf(regions);
        diagnostics = List.copyOf(diagnostics);
        simulations = List.copyOf(simulations);
    }

    /** The document of a platform with the simulation of each strategy (none: no {@code simulations} member). */
    public static InspectDocument of(Platform platform, List<SimulationResult> simulations) {
        return new InspectDocument(
                InspectJson.SCHEMA,
                new Source(
                        String.valueOf(platform.tables().image().path()),
                        platform.tables().image().format().name()),
                platform.tables().all().stream().map(Table::of).toList(),
                platform.regions().stream().map(Region::of).toList(),
                platform.diagnostics().stream().map(DiagnosticEntry::of).toList(),
                Namespace.of(platform),
                simulations.stream().map(Simulation::of).toList());
    }

    /** Where the tables were read from: the path given and its format. */
    public record Source(String path, String format) {}

    /**
     * One table: its header fields, whether its checksum holds, and its decoded record without the header
     * ({@code fields}; Optional parts are their value or null, opaque bytes upper-case hex; null, and left out, in
     * a report without the trace).
     */
    @JsonPropertyOrder({
        "signature",
        "instance",
        "length",
        "revision",
        "checksumValid",
        "oemId",
        "oemTableId",
        "oemRevision",
        "creatorId",
        "creatorRevision",
        "fields"
    })
    public record Table(
            String signature,
            int instance,
            long length,
            int revision,
            boolean checksumValid,
            String oemId,
            String oemTableId,
            long oemRevision,
            String creatorId,
            long creatorRevision,

            @JsonInclude(JsonInclude.Include.NON_NULL) @JsonIgnoreProperties({"header"})
            Object fields) {

        /** The same header without the decoded fields (the report leaves them out without the trace). */
        public Table withoutFields() {
            return new Table(
                    signature,
                    instance,
                    length,
                    revision,
                    checksumValid,
                    oemId,
                    oemTableId,
                    oemRevision,
                    creatorId,
                    creatorRevision,
                    null);
        }

        static Table of(LoadedTable t) {
            TableHeader h = t.header();
            return new Table(
                    t.signature(),
                    t.instance(),
                    h.length(),
                    h.revision(),
                    t.checksumValid(),
                    h.oemId(),
                    h.oemTableId(),
                    h.oemRevision(),
                    h.creatorId(),
                    h.creatorRevision(),
                    t.table() == null ? java.util.Map.of() : t.table());
        }
    }

    /** A described region: kind, address space, base and length, the table, instance, field path and offset. */
    @JsonPropertyOrder({"kind", "space", "base", "length", "table", "instance", "path", "offset"})
    public record Region(
            String kind,
            String space,
            String base,
            String length,
            String table,
            int instance,
            String path,
            long offset) {

        static Region of(DescribedRegion r) {
            return new Region(
                    r.kind().name(),
                    r.space().name(),
                    InspectJson.hex(r.base()),
                    InspectJson.hex(r.length()),
                    r.table(),
                    r.instance(),
                    r.path(),
                    r.offset());
        }
    }

    /** A diagnostic of reading, decoding, loading or evaluating: where, how bad (its label), what. */
    @JsonPropertyOrder({"table", "instance", "offset", "severity", "message"})
    public record DiagnosticEntry(String table, int instance, long offset, String severity, String message) {

        static DiagnosticEntry of(Diagnostic d) {
            return new DiagnosticEntry(
                    d.table(), d.instance(), d.offset(), d.severity().label(), d.message());
        }
    }

    /** What the namespace holds and what Linux's boot walk found in it. */
    @JsonPropertyOrder({"objects", "methods", "names", "devices", "operationRegions"})
    public record Namespace(
            int objects,
            int methods,
            int names,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<Device> devices,
            List<OperationRegion> operationRegions) {

        /** {@code devices} is null only in a report without the trace, which leaves them out. */
        public Namespace {
            devices = devices == null ? null : List.copyOf(devices);
            operationRegions = List.copyOf(operationRegions);
        }

        static Namespace of(Platform platform) {
            NamespaceCounts counts = platform.namespace().namespace().counts();
            return new Namespace(
                    counts.objects(),
                    counts.methods(),
                    counts.names(),
                    platform.survey().devices().stream().map(Device::of).toList(),
                    platform.survey().operationRegions().stream()
                            .map(OperationRegion::of)
                            .toList());
        }
    }

    /**
     * A device of the namespace: path, {@code _HID}, {@code _CID}s, {@code _UID}, {@code _STA} (hex), whether Linux
     * enumerates it at boot, and its {@code _CRS} resources (each with its {@code type}, the descriptor's record
     * name).
     */
    @JsonPropertyOrder({"path", "hid", "cids", "uid", "sta", "enumerated", "resources"})
    public record Device(
            String path,
            String hid,
            List<String> cids,
            String uid,
            String sta,
            boolean enumerated,

            @JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
            List<Resource> resources) {

        public Device {
            cids = List.copyOf(cids);
            resources = List.copyOf(resources);
        }

        static Device of(NamespaceSurvey.DeviceInfo d) {
            return new Device(
                    d.path(),
                    d.hid(),
                    d.cids(),
                    d.uid(),
                    InspectJson.hex(d.sta()),
                    d.enumerated(),
                    d.crs() == null ? List.of() : d.crs().resources());
        }
    }

    /** An OperationRegion: path, space, base and length (null when unresolved, with the reason), boot use. */
    @JsonPropertyOrder({"path", "space", "base", "length", "resolved", "reason", "touchedAtBoot"})
    public record OperationRegion(
            String path,
            String space,
            String base,
            String length,
            boolean resolved,
            String reason,
            boolean touchedAtBoot) {

        static OperationRegion of(NamespaceSurvey.RegionInfo r) {
            boolean resolved = r.resolved();
            return new OperationRegion(
                    r.path(),
                    r.space().name(),
                    resolved ? InspectJson.hex(r.base().getAsLong()) : null,
                    resolved ? InspectJson.hex(r.length().getAsLong()) : null,
                    resolved,
                    r.unresolvedReason(),
                    r.touchedAtBoot());
        }
    }

    /** One strategy's simulation: the versions and SMMU mode assumed, the verdict, every event's outcome, costs. */
    @JsonPropertyOrder({"strategy", "xen", "linux", "smmu", "verdict", "notBuilt", "outcomes", "costs"})
    public record Simulation(
            String strategy,
            String xen,
            String linux,
            String smmu,
            String verdict,
            @JsonInclude(JsonInclude.Include.NON_NULL) HardwareDomainBuild.Refusal notBuilt,
            List<Event> outcomes,
            SimulationCosts costs) {

        public Simulation {
            outcomes = List.copyOf(outcomes);
        }

        /**
         * The simulation of one strategy, every boot event with its outcome; with verdict NOT_BUILT, the Xen function
         * that refused the tables and why ({@code notBuilt}), and no outcomes.
         */
        public static Simulation of(SimulationResult r) {
            return new Simulation(
                    r.strategy(),
                    r.xen().toString(),
                    r.linux().toString(),
                    r.smmu().id(),
                    r.verdict().name(),
                    r.notBuilt(),
                    r.outcomes().stream().map(Event::of).toList(),
                    r.costs());
        }
    }

    /** One boot event and its outcome under a strategy (the per-access trace). */
    @JsonPropertyOrder({
        "order",
        "stage",
        "api",
        "function",
        "kind",
        "base",
        "length",
        "source",
        "result",
        "reason",
        "feature"
    })
    public record Event(
            int order,
            String stage,
            String api,
            String function,
            String kind,
            String base,
            String length,
            String source,
            String result,
            String reason,
            String feature) {

        static Event of(Outcome o) {
            var e = o.event();
            return new Event(
                    e.order(),
                    e.stage().name(),
                    e.api().name(),
                    e.function(),
                    e.kind().name(),
                    InspectJson.hex(e.base()),
                    InspectJson.hex(e.length()),
                    e.source(),
                    o.result().name(),
                    o.reason(),
                    e.feature());
        }
    }
}
