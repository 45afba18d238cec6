package io.github.xenacpi.acpi.table;

import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.List;

/**
 * The CXL Early Discovery Table (CXL 3.1 section 9.18.1): CXL host bridge structures with their component
 * register blocks and CXL fixed memory windows with their interleave targets.
 */
public record CedtTable(TableHeader header, List<Structure> structures) implements AcpiTable {

    public CedtTable {
        structures = List.copyOf(structures);
    }

    /** One CEDT structure. */
    public sealed interface Structure permits HostBridge, FixedMemoryWindow, Other {}

    /**
     * CXL Host Bridge Structure (type 0): the host bridge's _UID, its CXL version (0: RCRB of CXL 1.1, 1: CHBCR
     * of CXL 2.0 and later) and the register block's base and length.
     */
    public record HostBridge(long uid, long cxlVersion, long base, long length) implements Structure {}

    /**
     * CXL Fixed Memory Window Structure (type 1): a host physical address window, its interleave ways (encoded)
     * and arithmetic, granularity (encoded), restrictions, QoS throttling group and the _UIDs of the host
     * bridges it interleaves across.
     */
    public record FixedMemoryWindow(
            long baseHpa,
            long windowSize,
            int encodedWays,
            int arithmetic,
            long encodedGranularity,
            int restrictions,
            int qtgId,
            List<Long> targets)
            implements Structure {

        public FixedMemoryWindow {
            targets = List.copyOf(targets);
        }
    }

    /** A structure of another type (CXIMS, RDPAS, CSDS) or an unknown one, kept by position only. */
    public record Other(int type, int offset, int length) implements Structure {}
}
