package io.github.xenacpi.xen;

/**
 * What the stage-2 tables say about one guest frame: the machine frame it maps to, its type, and the level of
 * the entry that maps it (1: 1 GiB block, 2: 2 MiB block, 3: 4 KiB page).
 */
public record StageTwoMapping(long gfn, long mfn, P2mType type, int level) {

    /** Bytes the mapping entry covers. */
    public long entryBytes() {
        return 1L << (StageTwoGeometry.PAGE_SHIFT + StageTwoGeometry.orderAt(level));
    }
}
