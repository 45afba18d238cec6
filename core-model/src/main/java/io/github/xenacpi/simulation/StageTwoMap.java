package io.github.xenacpi.simulation;

import io.github.xenacpi.xen.FrameRange;
import io.github.xenacpi.xen.IomemPermissions;
import io.github.xenacpi.xen.StageTwoGeometry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Dom0's stage-2 map as one simulated boot leaves it: the guest-physical ranges Xen mapped 1:1, each with the path
 * that mapped it first (RAM and ACPI tables at build, a strategy's pre-map, a hypercall, a stage-2 fault) and its
 * source, in the order they were mapped. Ranges are kept as ranges, never page lists: a window of a TiB costs what a
 * page does.
 */
public record StageTwoMap(List<Range> ranges) {
    /** An empty map (Dom0 not built). */
    public static final StageTwoMap EMPTY = new StageTwoMap(List.of());

    public StageTwoMap {
        ranges = List.copyOf(ranges);
    }

    /** How a range came into the stage-2 tables. */
    public enum Origin {
        /** Dom0's RAM, at build ({@code allocate_memory}). */
        RAM,
        /** An ACPI table of the root list, at build ({@code acpi_map_other_tables}). */
        ACPI_TABLE,
        /** Mapped at build by the strategy (the pre-map proposals). */
        PREMAP,
        /** XENMEM_add_to_physmap_range ({@code XENMAPSPACE_dev_mmio}) from Dom0. */
        HYPERCALL,
        /** A Dom0 data abort on a permitted page ({@code try_map_mmio}, Xen 4.9 on). */
        FAULT;

        /** The id reports use: {@code acpi-table}, {@code hypercall}, ... */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** One mapped range: guest-physical base and length in bytes, the path and what asked for it. */
    public record Range(long base, long length, Origin origin, String source) {}

    /** Pages mapped by each origin. */
    public Map<Origin, Long> pagesByOrigin() {
        Map<Origin, Long> out = new TreeMap<>();
        for (Range r : ranges) {
            out.merge(r.origin(), r.length() >>> StageTwoGeometry.PAGE_SHIFT, Long::sum);
        }
        return out;
    }

    /** Collects the ranges as the simulation maps them; a frame counts for the first path that mapped it. */
    static final class Builder {
        /** Mapped frames: first frame to last frame (inclusive), disjoint. */
        private final TreeMap<Long, Long> mapped = new TreeMap<>();

        private final List<Range> out = new ArrayList<>();

        /**
         * Frames {@code wanted} mapped by {@code origin}, less the frames mapped already and, when
         * {@code permissions} is given, the frames they deny; nothing for a null range (past the IPA space).
         */
        void add(FrameRange wanted, Origin origin, String source, IomemPermissions permissions) {
            if (wanted == null) {
                return;
            }
            List<long[]> parts = new ArrayList<>();
            parts.add(new long[] {wanted.first(), wanted.last()});
            if (permissions != null) {
                for (FrameRange d : permissions.denied()) {
                    parts = subtract(parts, d.first(), d.last());
                }
            }
            // Only the mapped ranges that can overlap: the one starting at or before the first frame, and those
            // starting up to the last (frames are below 2^52, so their signed order is their unsigned one).
            Long from = mapped.floorKey(wanted.first());
            SortedMap<Long, Long> overlapping =
                    from == null ? mapped.headMap(wanted.last(), true) : mapped.subMap(from, true, wanted.last(), true);
            for (Map.Entry<Long, Long> m : overlapping.entrySet()) {
                parts = subtract(parts, m.getKey(), m.getValue());
            }
            for (long[] p : parts) {
                record(p[0], p[1], origin, source);
            }
        }

        private void record(long first, long last, Origin origin, String source) {
            mapped.put(first, last);
            Range prev = out.isEmpty() ? null : out.get(out.size() - 1);
            long base = first << StageTwoGeometry.PAGE_SHIFT;
            long length = (last - first + 1) << StageTwoGeometry.PAGE_SHIFT;
            if (prev != null
                    && prev.origin() == origin
                    && prev.source().equals(source)
                    && prev.base() + prev.length() == base) {
                out.set(out.size() - 1, new Range(prev.base(), prev.length() + length, origin, source));
            } else {
                out.add(new Range(base, length, origin, source));
            }
        }

        private static List<long[]> subtract(List<long[]> parts, long first, long last) {
            List<long[]> next = new ArrayList<>(parts.size() + 1);
            for (long[] p : parts) {
                if (Long.compareUnsigned(last, p[0]) < 0 || Long.compareUnsigned(first, p[1]) > 0) {
                    next.add(p);
                    continue;
                }
                if (Long.compareUnsigned(first, p[0]) > 0) {
                    next.add(new long[] {p[0], first - 1});
                }
                if (Long.compareUnsigned(last, p[1]) < 0) {
                    next.add(new long[] {last + 1, p[1]});
                }
            }
            return next;
        }

        StageTwoMap build() {
            return new StageTwoMap(out);
        }
    }
}
