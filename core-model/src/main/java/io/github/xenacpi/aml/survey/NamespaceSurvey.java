package io.github.xenacpi.aml.survey;

import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.source.RawTable;
import io.github.xenacpi.aml.AmlSource;
import io.github.xenacpi.aml.LoadedNamespace;
import io.github.xenacpi.aml.interp.AmlInterpreter;
import io.github.xenacpi.aml.interp.Budget;
import io.github.xenacpi.aml.interp.BudgetStop;
import io.github.xenacpi.aml.interp.MemoryModel;
import io.github.xenacpi.aml.interp.RegionAccess;
import io.github.xenacpi.aml.resource.MemoryResource;
import io.github.xenacpi.aml.resource.ResourceTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What evaluating a namespace the way Linux does at boot yields: every Device with its identification, status and
 * decoded _CRS; every OperationRegion with its evaluated space, base and length (or why they are unresolved) and
 * whether boot touches it; the ordered OperationRegion accesses Linux makes while it initializes the namespace and
 * enumerates devices (see {@link BootWalk}); the findings; how many boot evaluations a budget limit stopped, and
 * every evaluation of the survey a limit stopped (boot, report-only and OperationRegion operands alike) and every one
 * a run-time error aborted; every method body that does not decode, whether or not boot runs it; and the
 * OperationRegion accesses of run-time events (a Generic Event Device's _EVT when its interrupt fires). Built by
 * {@link #of}.
 */
public record NamespaceSurvey(
        List<DeviceInfo> devices,
        List<RegionInfo> operationRegions,
        List<RegionAccess> bootAccesses,
        List<Diagnostic> diagnostics,
        int budgetHits,
        List<BudgetStop> budgetStops,
        List<Diagnostic> evaluationFailures,
        List<Diagnostic> undecodableMethods,
        List<RegionAccess> eventAccesses) {

    public NamespaceSurvey {
        devices = List.copyOf(devices);
        operationRegions = List.copyOf(operationRegions);
        bootAccesses = List.copyOf(bootAccesses);
        diagnostics = List.copyOf(diagnostics);
        budgetStops = List.copyOf(budgetStops);
        evaluationFailures = List.copyOf(evaluationFailures);
        undecodableMethods = List.copyOf(undecodableMethods);
        eventAccesses = List.copyOf(eventAccesses);
    }

    /** A builder whose lists start empty and whose budget hits start at 0, as a survey of an empty namespace. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link NamespaceSurvey} field by field, each setter named after its component. */
    public static final class Builder {
        private List<DeviceInfo> devices = List.of();
        private List<RegionInfo> operationRegions = List.of();
        private List<RegionAccess> bootAccesses = List.of();
        private List<Diagnostic> diagnostics = List.of();
        private int budgetHits;
        private List<BudgetStop> budgetStops = List.of();
        private List<Diagnostic> evaluationFailures = List.of();
        private List<Diagnostic> undecodableMethods = List.of();
        private List<RegionAccess> eventAccesses = List.of();

        private Builder() {}

        public Builder devices(List<DeviceInfo> value) {
            devices = value;
            return this;
        }

        public Builder operationRegions(List<RegionInfo> value) {
            operationRegions = value;
            return this;
        }

        public Builder bootAccesses(List<RegionAccess> value) {
            bootAccesses = value;
            return this;
        }

        public Builder diagnostics(List<Diagnostic> value) {
            diagnostics = value;
            return this;
        }

        public Builder budgetHits(int value) {
            budgetHits = value;
            return this;
        }

        public Builder budgetStops(List<BudgetStop> value) {
            budgetStops = value;
            return this;
        }

        public Builder evaluationFailures(List<Diagnostic> value) {
            evaluationFailures = value;
            return this;
        }

        public Builder undecodableMethods(List<Diagnostic> value) {
            undecodableMethods = value;
            return this;
        }

        public Builder eventAccesses(List<RegionAccess> value) {
            eventAccesses = value;
            return this;
        }

        /** The NamespaceSurvey set so far. */
        public NamespaceSurvey build() {
            return new NamespaceSurvey(
                    devices,
                    operationRegions,
                    bootAccesses,
                    diagnostics,
                    budgetHits,
                    budgetStops,
                    evaluationFailures,
                    undecodableMethods,
                    eventAccesses);
        }
    }

    /** Surveys a loaded namespace with the default memory model (all reads unknown, 0) and budget. */
    public static NamespaceSurvey of(LoadedNamespace loaded, List<RawTable> tables) {
        return of(loaded, tables, MemoryModel.zero(), Budget.DEFAULT);
    }

    /** Surveys a loaded namespace; {@code tables} are the DSDT and SSDTs it was loaded from. */
    public static NamespaceSurvey of(LoadedNamespace loaded, List<RawTable> tables, MemoryModel memory, Budget budget) {
        return new BootWalk(new AmlInterpreter(loaded, tables, memory, budget)).run();
    }

    /**
     * One Device: path; _HID (a string, an EISA ID decoded as {@code PNP0A08}; null when absent); _CID ids; _UID
     * as text (null when absent); _ADR; the _STA value (0xF when absent) and whether it is known (evaluated without
     * unknown inputs); whether Linux enumerates it (present or functioning, and every ancestor enumerated); its
     * decoded _CRS (null when absent, not evaluated because not enumerated, or failed: {@code crsProblem} says why)
     * and where the _CRS object is defined; {@code conditional} when it was declared inside module-level If, Else or
     * While (the namespace holds it whether or not that branch runs). _STA and the identification objects of devices
     * Linux does not reach at boot are evaluated after the boot walk, for this report only: their accesses are not
     * boot accesses.
     */
    public record DeviceInfo(
            String path,
            String hid,
            List<String> cids,
            String uid,
            OptionalLong adr,
            long sta,
            boolean staKnown,
            boolean enumerated,
            ResourceTemplate crs,
            String crsProblem,
            AmlSource crsSource,
            boolean conditional) {
        public DeviceInfo {
            Objects.requireNonNull(path, "path");
            cids = List.copyOf(cids);
        }

        /** _STA bit 0: present. */
        public boolean present() {
            return (sta & 1) != 0;
        }

        /**
         * A builder for a device Linux enumerates: no identification, _ADR or _CRS, _STA 0xF and known, and not
         * conditional; the path must be set.
         */
        public static Builder builder() {
            return new Builder();
        }

        /** Builds a {@link DeviceInfo} field by field, each setter named after its component. */
        public static final class Builder {
            private String path;
            private String hid;
            private List<String> cids = List.of();
            private String uid;
            private OptionalLong adr = OptionalLong.empty();
            private long sta = 0xF;
            private boolean staKnown = true;
            private boolean enumerated = true;
            private ResourceTemplate crs;
            private String crsProblem;
            private AmlSource crsSource;
            private boolean conditional;

            private Builder() {}

            public Builder path(String value) {
                path = value;
                return this;
            }

            public Builder hid(String value) {
                hid = value;
                return this;
            }

            public Builder cids(List<String> value) {
                cids = value;
                return this;
            }

            public Builder uid(String value) {
                uid = value;
                return this;
            }

            public Builder adr(OptionalLong value) {
                adr = value;
                return this;
            }

            public Builder sta(long value) {
                sta = value;
                return this;
            }

            public Builder staKnown(boolean value) {
                staKnown = value;
                return this;
            }

            public Builder enumerated(boolean value) {
                enumerated = value;
                return this;
            }

            public Builder crs(ResourceTemplate value) {
                crs = value;
                return this;
            }

            public Builder crsProblem(String value) {
                crsProblem = value;
                return this;
            }

            public Builder crsSource(AmlSource value) {
                crsSource = value;
                return this;
            }

            public Builder conditional(boolean value) {
                conditional = value;
                return this;
            }

            /** The DeviceInfo set so far. */
            public DeviceInfo build() {
                return new DeviceInfo(
                        path, hid, cids, uid, adr, sta, staKnown, enumerated, crs, crsProblem, crsSource, conditional);
            }
        }
    }

    /**
     * One OperationRegion: its path, space (raw id too), base and length when resolved, else the reason; where it is
     * defined; whether a boot access touches it; and whether it was declared inside module-level If, Else or While.
     */
    public record RegionInfo(
            String path,
            AddressSpace space,
            int spaceId,
            OptionalLong base,
            OptionalLong length,
            String unresolvedReason,
            AmlSource source,
            boolean touchedAtBoot,
            boolean conditional) {
        public RegionInfo {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(space, "space");
        }

        /** Whether base and length are known. */
        public boolean resolved() {
            return unresolvedReason == null;
        }
    }

    /** A DEVICE_RESOURCE region with the device it belongs to and that device's _HID (null when it has none). */
    public record DeviceResource(DescribedRegion region, String devicePath, String hid) {
        public DeviceResource {
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(devicePath, "devicePath");
        }
    }

    /** The enumerated devices. */
    public List<DeviceInfo> enumeratedDevices() {
        return devices.stream().filter(DeviceInfo::enumerated).toList();
    }

    /**
     * The regions this survey adds to the catalogue: each resolved OperationRegion in SystemMemory, SystemIO or
     * PCI_Config space with a non-zero length (table = the defining table, offset = the OperationRegion opcode),
     * then each memory range of each enumerated device's _CRS.
     */
    public List<DescribedRegion> regions() {
        List<DescribedRegion> out = new ArrayList<>();
        for (RegionInfo r : operationRegions) {
            boolean addressSpace = r.space() == AddressSpace.SYSTEM_MEMORY
                    || r.space() == AddressSpace.SYSTEM_IO
                    || r.space() == AddressSpace.PCI_CONFIG;
            if (!r.resolved() || !addressSpace || r.length().getAsLong() == 0 || r.source() == null) {
                continue;
            }
            out.add(new DescribedRegion(
                    RegionKind.OPERATION_REGION,
                    r.space(),
                    r.base().getAsLong(),
                    r.length().getAsLong(),
                    r.source().table(),
                    r.source().instance(),
                    r.source().offset(),
                    r.path()));
        }
        deviceResources().forEach(d -> out.add(d.region()));
        return out;
    }

    /**
     * Each memory range of each enumerated device's _CRS as a DEVICE_RESOURCE region, path
     * {@code \_SB.UAR0._CRS[n]} (n counts the memory ranges), base as the CPU sees it (the descriptor's base plus
     * its translation offset, as Linux's {@code acpi_dev_resource_address_space} computes it); zero-length ranges
     * are left out.
     */
    public List<DeviceResource> deviceResources() {
        List<DeviceResource> out = new ArrayList<>();
        for (DeviceInfo d : devices) {
            if (!d.enumerated() || d.crs() == null) {
                continue;
            }
            List<MemoryResource> ranges = d.crs().memoryRanges();
            for (int i = 0; i < ranges.size(); i++) {
                MemoryResource m = ranges.get(i);
                if (m.length() == 0) {
                    continue;
                }
                AmlSource src = d.crsSource();
                out.add(new DeviceResource(
                        new DescribedRegion(
                                RegionKind.DEVICE_RESOURCE,
                                AddressSpace.SYSTEM_MEMORY,
                                m.base() + m.translationOffset(),
                                m.length(),
                                src == null ? "" : src.table(),
                                src == null ? 0 : src.instance(),
                                src == null ? -1 : src.offset(),
                                d.path() + "._CRS[" + i + "]"),
                        d.path(),
                        d.hid()));
            }
        }
        return out;
    }
}
