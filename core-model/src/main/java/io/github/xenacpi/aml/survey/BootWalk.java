package io.github.xenacpi.aml.survey;

import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.source.RawTable;
import io.github.xenacpi.aml.AmlObject;
import io.github.xenacpi.aml.AmlSource;
import io.github.xenacpi.aml.AmlValue;
import io.github.xenacpi.aml.Namespace;
import io.github.xenacpi.aml.NamespaceNode;
import io.github.xenacpi.aml.interp.AmlInterpreter;
import io.github.xenacpi.aml.interp.Evaluation;
import io.github.xenacpi.aml.interp.RegionAccess;
import io.github.xenacpi.aml.resource.Resource;
import io.github.xenacpi.aml.resource.ResourceTemplate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Evaluates a namespace in the order Linux does at boot and records what that touches:
 * <ol>
 * <li>the module-level code of each definition block, in load order (ACPICA runs it as it loads the table, in
 * {@code acpi_early_init});</li>
 * <li>\_INI and \_SB._INI ({@code acpi_ns_initialize_devices}: "\_SB._INI ... should be evaluated before any _REG
 * evaluations");</li>
 * <li>_REG (space, 1) of the scope of every OperationRegion in a space with a default handler, space by space
 * (SystemMemory, SystemIO, PCI_Config; {@code acpi_ev_initialize_op_regions} → {@code acpi_ev_execute_reg_methods}
 * for {@code acpi_gbl_default_address_spaces}; its fourth default space, DataTable, has no OperationRegions of its
 * own). ACPICA 20181003 (Linux 4.20) runs only PCI_Config's: the accesses of the SystemMemory and SystemIO runs
 * are marked ({@link RegionAccess#REG_OF_ALWAYS_ACCESSIBLE_SPACE}) for the Dom0 model to drop on newer kernels;</li>
 * <li>depth-first every Device, Processor and ThermalZone with an _INI in its subtree: _STA, and _INI when present
 * ({@code acpi_ns_init_one_device}; \_SB gets its _STA but its _INI ran already); a device neither present nor
 * functioning is skipped with its children, one whose _STA fails is skipped but its children are not;</li>
 * <li>device enumeration ({@code acpi_bus_scan}): depth-first, _STA of each device, then _HID, _UID, _CID and _ADR
 * of those present ({@code acpi_set_pnp_ids}); a device neither present nor functioning hides its children, a
 * functioning one that is not present is not enumerated but its children are looked at;</li>
 * <li>_CRS of every enumerated device, depth-first ({@code acpi_bus_attach} → {@code acpi_create_platform_device}).
 * </li>
 * </ol>
 * Apart from those, what a Generic Event Device's handler touches when its interrupt fires after boot
 * ({@link NamespaceSurvey#eventAccesses}).
 */
final class BootWalk {
    /** The spaces ACPICA installs default handlers for and runs _REG for at namespace initialization. */
    private static final int[] DEFAULT_SPACES = {0x00, 0x01, 0x02};

    private final AmlInterpreter interp;
    private final Namespace ns;
    private final List<RegionAccess> accesses = new ArrayList<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final IdentityHashMap<NamespaceNode, Long> status = new IdentityHashMap<>();
    private final IdentityHashMap<NamespaceNode, Boolean> statusKnown = new IdentityHashMap<>();
    private int budgetHits;

    BootWalk(AmlInterpreter interp) {
        this.interp = interp;
        this.ns = interp.namespace();
    }

    NamespaceSurvey run() {
        List<NamespaceNode> nodes = ns.nodes();
        for (RawTable t : interp.definitionBlocks()) {
            record(interp.runModuleLevelCode(t));
        }
        runRootIni();
        runReg(nodes);
        runIni();
        Set<NamespaceNode> enumerated = new HashSet<>();
        IdentityHashMap<NamespaceNode, Ids> ids = new IdentityHashMap<>();
        enumerate(ns.root(), enumerated, ids);
        IdentityHashMap<NamespaceNode, Crs> crs = new IdentityHashMap<>();
        for (NamespaceNode n : nodes) {
            if (enumerated.contains(n) && isDevice(n)) {
                crs.put(n, crs(n));
            }
        }
        List<RegionAccess> boot = List.copyOf(accesses);
        Set<String> touched = new HashSet<>();
        boot.forEach(a -> touched.add(a.regionPath()));
        List<RegionAccess> events = gedEvents(nodes, enumerated, ids, crs);

        List<NamespaceSurvey.DeviceInfo> devices = new ArrayList<>();
        List<NamespaceSurvey.RegionInfo> regions = new ArrayList<>();
        for (NamespaceNode n : nodes) {
            if (n.object() instanceof AmlObject.Device && n.sourceOrNull() != null) {
                if (!status.containsKey(n)) {
                    // Below a device that is not enumerated: evaluated after boot, for the report only.
                    sta(n);
                }
                Ids id = ids.computeIfAbsent(n, this::ids);
                Crs c = crs.get(n);
                devices.add(NamespaceSurvey.DeviceInfo.builder()
                        .path(n.path())
                        .hid(id.hid)
                        .cids(id.cids)
                        .uid(id.uid)
                        .adr(id.adr)
                        .sta(status.get(n))
                        .staKnown(statusKnown.getOrDefault(n, true))
                        .enumerated(enumerated.contains(n))
                        .crs(c == null ? null : c.template)
                        .crsProblem(c == null ? (enumerated.contains(n) ? null : "not enumerated") : c.problem)
                        .crsSource(c == null ? null : c.source)
                        .conditional(n.conditional())
                        .build());
            } else if (n.object() instanceof AmlObject.OperationRegion) {
                AmlInterpreter.RegionResolution r = interp.region(n);
                regions.add(new NamespaceSurvey.RegionInfo(
                        n.path(),
                        r.space(),
                        r.spaceId(),
                        r.base(),
                        r.length(),
                        r.reason(),
                        n.sourceOrNull(),
                        touched.contains(n.path()),
                        n.conditional()));
            }
        }
        return NamespaceSurvey.builder()
                .devices(devices)
                .operationRegions(regions)
                .bootAccesses(boot)
                .diagnostics(diagnostics)
                .budgetHits(budgetHits)
                .budgetStops(interp.budgetStops())
                .evaluationFailures(interp.evaluationFailures())
                .undecodableMethods(interp.undecodableMethodBodies())
                .eventAccesses(events)
                .build();
    }

    /**
     * What a Generic Event Device's event handler touches when its interrupt fires after boot: Linux's
     * {@code acpi_ged_irq_handler} ({@code drivers/acpi/evged.c}, 4.12 on) evaluates {@code _EVT(gsi)} for an
     * interrupt above 255 or without an {@code _Exx}/{@code _Lxx} method, else that method. One evaluation per
     * enumerated ACPI0013 device, for its first interrupt.
     */
    private List<RegionAccess> gedEvents(
            List<NamespaceNode> nodes,
            Set<NamespaceNode> enumerated,
            Map<NamespaceNode, Ids> ids,
            Map<NamespaceNode, Crs> crs) {
        int from = accesses.size();
        for (NamespaceNode n : nodes) {
            if (!enumerated.contains(n) || !"ACPI0013".equals(ids.computeIfAbsent(n, this::ids).hid)) {
                continue;
            }
            Crs c = crs.get(n);
            Resource.ExtendedInterrupt irq = c == null || c.template == null
                    ? null
                    : c.template.resources().stream()
                            .filter(Resource.ExtendedInterrupt.class::isInstance)
                            .map(Resource.ExtendedInterrupt.class::cast)
                            .filter(i -> !i.interrupts().isEmpty())
                            .findFirst()
                            .orElse(null);
            long gsi = irq == null ? 0 : irq.interrupts().get(0);
            NamespaceNode handler = null;
            if (irq != null && gsi <= 255) {
                boolean edge = (irq.flags() & 0x2) != 0;
                handler = method(n, String.format(Locale.ROOT, "_%c%02X", edge ? 'E' : 'L', gsi));
            }
            if (handler == null) {
                handler = method(n, "_EVT");
            }
            if (handler != null) {
                record(interp.evaluate(
                        handler, handler.segment().equals("_EVT") ? List.of(new AmlValue.Int(gsi)) : List.of()));
            }
        }
        List<RegionAccess> out = List.copyOf(accesses.subList(from, accesses.size()));
        accesses.subList(from, accesses.size()).clear();
        return out;
    }

    // ---- phases -------------------------------------------------------------------------------------------------

    private void runReg(List<NamespaceNode> nodes) {
        for (int space : DEFAULT_SPACES) {
            for (NamespaceNode n : nodes) {
                if (n.object() instanceof AmlObject.OperationRegion r
                        && r.spaceId() == space
                        && n.parentOrNull() != null) {
                    NamespaceNode reg = method(n.parentOrNull(), "_REG");
                    if (reg != null) {
                        Evaluation e =
                                record(interp.evaluate(reg, List.of(new AmlValue.Int(space), new AmlValue.Int(1))));
                        if (space != 0x02) {
                            // Linux 4.20 on never runs these (RegionAccess.REG_OF_ALWAYS_ACCESSIBLE_SPACE): marked
                            // so the Dom0 model can tell them from PCI_Config's.
                            accesses.subList(accesses.size() - e.accesses().size(), accesses.size())
                                    .replaceAll(a -> new RegionAccess(
                                            a.regionPath(),
                                            a.space(),
                                            a.address(),
                                            a.widthBits(),
                                            a.direction(),
                                            a.methodPath() + RegionAccess.REG_OF_ALWAYS_ACCESSIBLE_SPACE,
                                            a.baseResolved()));
                        }
                    }
                }
            }
        }
    }

    private void runRootIni() {
        NamespaceNode rootIni = method(ns.root(), "_INI");
        if (rootIni != null) {
            record(interp.evaluate(rootIni, List.of()));
        }
        NamespaceNode sb = ns.root().childOrNull("_SB_");
        NamespaceNode sbIni = sb == null ? null : method(sb, "_INI");
        if (sbIni != null) {
            record(interp.evaluate(sbIni, List.of()));
        }
    }

    private void runIni() {
        Set<NamespaceNode> hasIni = new HashSet<>();
        for (NamespaceNode n : ns.nodes()) {
            if (n.segment().equals("_INI")
                    && n.object() instanceof AmlObject.Method
                    && n.parentOrNull() != null
                    && isDevice(n.parentOrNull())) {
                for (NamespaceNode p = n.parentOrNull(); p != null; p = p.parentOrNull()) {
                    hasIni.add(p);
                }
            }
        }
        initialize(ns.root(), hasIni);
    }

    /** acpi_ns_init_one_device over the subtree, pre-order. */
    private void initialize(NamespaceNode scope, Set<NamespaceNode> hasIni) {
        for (NamespaceNode n : scope.childrenView()) {
            if (!hasIni.contains(n)) {
                continue;
            }
            if (isDevice(n)) {
                long sta = sta(n);
                if ((sta & 1) == 0) {
                    if ((sta & 8) != 0) {
                        initialize(n, hasIni);
                    }
                    continue;
                }
                NamespaceNode ini = method(n, "_INI");
                if (ini != null
                        && !(n.parentOrNull() == ns.root() && n.segment().equals("_SB_"))) {
                    record(interp.evaluate(ini, List.of()));
                }
            }
            initialize(n, hasIni);
        }
    }

    /** acpi_bus_scan over the subtree, pre-order. */
    private void enumerate(NamespaceNode scope, Set<NamespaceNode> enumerated, Map<NamespaceNode, Ids> ids) {
        for (NamespaceNode n : scope.childrenView()) {
            if (isDevice(n)) {
                // acpi_bus_type_and_status: a thermal zone is taken as present without evaluating its _STA.
                long sta = n.object() instanceof AmlObject.ThermalZone ? 0xF : sta(n);
                if ((sta & 1) == 0 && (sta & 8) == 0) {
                    continue;
                }
                if ((sta & 1) != 0) {
                    enumerated.add(n);
                    if (n.object() instanceof AmlObject.Device) {
                        ids.put(n, ids(n));
                    }
                }
            }
            enumerate(n, enumerated, ids);
        }
    }

    // ---- per-device objects -------------------------------------------------------------------------------------

    /** The identification objects of a device: _HID, _CID, _UID, _ADR (null or empty when absent). */
    private record Ids(String hid, List<String> cids, String uid, OptionalLong adr) {}

    /** A device's _CRS: the decoded template, or why there is none; and where the _CRS is defined. */
    private record Crs(ResourceTemplate template, String problem, AmlSource source) {}

    private long sta(NamespaceNode device) {
        NamespaceNode sta = device.childOrNull("_STA");
        if (sta == null) {
            status.put(device, 0xFL);
            return 0xF;
        }
        Evaluation e = record(interp.evaluate(sta, List.of()));
        // A _STA that fails: acpi_ns_init_one_device skips its _INI and acpi_bus_check_add does not add the
        // device, but both walks go on into its children, as for a device that functions but is not present.
        long v = e.outcome() == Evaluation.Outcome.COMPLETED && e.value() instanceof AmlValue.Int i ? i.value() : 0x8;
        status.put(device, v);
        statusKnown.put(device, e.known());
        return v;
    }

    private Ids ids(NamespaceNode device) {
        String hid = idString(device, "_HID");
        List<String> cids = new ArrayList<>();
        AmlValue cid = value(device, "_CID");
        if (cid instanceof AmlValue.Package p) {
            for (int i = 0; i < p.size(); i++) {
                String s = idText(p.get(i));
                if (s != null) {
                    cids.add(s);
                }
            }
        } else if (cid != null) {
            String s = idText(cid);
            if (s != null) {
                cids.add(s);
            }
        }
        AmlValue uid = value(device, "_UID");
        String uidText = uid instanceof AmlValue.Int i
                ? Long.toUnsignedString(i.value())
                : uid instanceof AmlValue.Str s ? s.value() : null;
        AmlValue adr = value(device, "_ADR");
        return new Ids(
                hid, cids, uidText, adr instanceof AmlValue.Int i ? OptionalLong.of(i.value()) : OptionalLong.empty());
    }

    private String idString(NamespaceNode device, String seg) {
        AmlValue v = value(device, seg);
        return v == null ? null : idText(v);
    }

    private AmlValue value(NamespaceNode device, String seg) {
        NamespaceNode n = device.childOrNull(seg);
        if (n == null) {
            return null;
        }
        return record(interp.evaluate(n, List.of())).value();
    }

    /** A _HID or _CID value as text: a string as is, an integer as the EISA ID it encodes. */
    static String idText(AmlValue v) {
        if (v instanceof AmlValue.Str s) {
            return s.value();
        }
        if (v instanceof AmlValue.Int i) {
            return eisaId(i.value());
        }
        return null;
    }

    /** Decodes a compressed EISA ID (ACPI 6.5 section 6.1.5): 3 letters of 5 bits and 4 hex digits, byte-swapped. */
    static String eisaId(long value) {
        int v = Integer.reverseBytes((int) value);
        char a = (char) (((v >>> 26) & 0x1F) + 0x40);
        char b = (char) (((v >>> 21) & 0x1F) + 0x40);
        char c = (char) (((v >>> 16) & 0x1F) + 0x40);
        return "" + a + b + c + String.format("%04X", v & 0xFFFF);
    }

    private Crs crs(NamespaceNode device) {
        NamespaceNode n = device.childOrNull("_CRS");
        if (n == null) {
            return null;
        }
        Evaluation e = record(interp.evaluate(n, List.of()));
        AmlSource src = n.sourceOrNull();
        if (e.outcome() != Evaluation.Outcome.COMPLETED) {
            return new Crs(null, "_CRS evaluation " + e.outcome().name().toLowerCase(Locale.ROOT), src);
        }
        if (!(e.value() instanceof AmlValue.Buffer b)) {
            return new Crs(
                    null,
                    "_CRS returned "
                            + (e.value() == null ? "nothing" : "a " + e.value().type()),
                    src);
        }
        return new Crs(
                ResourceTemplate.decode(b.bytes(), n.path()),
                e.known()
                        ? null
                        : "_CRS depends on state the model does not have: "
                                + e.unknowns().get(0),
                src);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private static boolean isDevice(NamespaceNode n) {
        AmlObject o = n.object();
        return o instanceof AmlObject.Device || o instanceof AmlObject.Processor || o instanceof AmlObject.ThermalZone;
    }

    private static NamespaceNode method(NamespaceNode scope, String seg) {
        NamespaceNode n = scope.childOrNull(seg);
        return n != null && n.object() instanceof AmlObject.Method ? n : null;
    }

    private Evaluation record(Evaluation e) {
        accesses.addAll(e.accesses());
        diagnostics.addAll(e.diagnostics());
        if (e.outcome() == Evaluation.Outcome.BUDGET_EXCEEDED) {
            budgetHits++;
        }
        return e;
    }
}
