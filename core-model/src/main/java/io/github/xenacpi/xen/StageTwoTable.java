package io.github.xenacpi.xen;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A domain's stage-2 translation tables (Xen's P2M on arm64, 4 KiB granule), modelled as the radix tree of
 * table pages Xen allocates: one root (possibly concatenated pages) at the level {@link StageTwoGeometry}
 * gives, tables allocated on demand, 1 GiB and 2 MiB block entries where the frame numbers and the remaining
 * count allow, as {@code p2m_set_entry} chooses them, blocks split when part of one changes
 * ({@code p2m_split_superpage}), and sub-tables freed when a block replaces them ({@code p2m_free_entry}).
 * Its memory grows with the number of mappings, not their size: mapping 1 TiB in blocks touches a few entries, and a
 * table Xen fills entirely with consecutive 4 KiB entries of one type (a big window mapped page by page) is held as
 * one entry of its parent until part of it changes; it counts as the table pages and entries Xen writes for it.
 * Not thread-safe.
 */
public final class StageTwoTable {
    private static final int KIND_INVALID = 0;
    private static final int KIND_TABLE = 1;
    private static final int KIND_LEAF = 2;
    /**
     * A table entry whose whole subtree is 4 KiB entries of one type mapping consecutive machine frames from the
     * entry's mfn: the tables exist (and are counted) but are only built when part of them changes.
     */
    private static final int KIND_PAGES = 3;

    private static final P2mType[] TYPES = P2mType.values();

    private final StageTwoGeometry geometry;
    private final Node root;
    private long tablePages;
    private long mappedPages;
    private long entriesWritten;
    /**
     * By level, the table the last entry of that level's size went into, and the gfn {@code >>> (order + 9)} that
     * names it: runs of entries (a batch of {@code add_to_physmap_range}, a range mapped in blocks) skip the walk
     * from the root. Forgotten whenever a table is freed.
     */
    private final Node[] lastTables = new Node[4];

    private final long[] lastKeys = new long[4];

    /** Empty tables of the given geometry; the root pages count as allocated. */
    public StageTwoTable(StageTwoGeometry geometry) {
        this.geometry = Objects.requireNonNull(geometry, "geometry");
        this.root = new Node(StageTwoGeometry.ENTRIES << geometry.rootOrder(), geometry.rootLevel());
        this.tablePages = geometry.rootPages();
    }

    public StageTwoGeometry geometry() {
        return geometry;
    }

    /** Table pages allocated, root included ({@code p2m_alloc_page} calls plus the root). */
    public long tablePages() {
        return tablePages;
    }

    /** Bytes of table pages: 4 KiB each. */
    public long tableBytes() {
        return tablePages << StageTwoGeometry.PAGE_SHIFT;
    }

    /** Leaf entries written so far (each a P2M update, whatever its size). */
    public long entriesWritten() {
        return entriesWritten;
    }

    /** Guest frames currently mapped. */
    public long mappedPages() {
        return mappedPages;
    }

    /**
     * Maps {@code count} frames from {@code gfn} to {@code mfn} with a type. With {@code useBlocks}, each
     * chunk takes the largest of 1 GiB, 2 MiB and 4 KiB of which gfn, mfn and the remaining count are all
     * multiples (bulk maps, {@link #blockOrder}); without, every frame gets a 4 KiB entry (lazy faults,
     * {@code dev_mmio}). The work done grows with the number of tables touched at their edges, not with {@code count}.
     */
    public void map(long gfn, long mfn, long count, P2mType type, boolean useBlocks) {
        Objects.requireNonNull(type, "type");
        checkRange(gfn, count);
        if (mfn < 0 || mfn + count < mfn) {
            throw new IllegalArgumentException(String.format("machine frames [0x%X, +0x%X) overflow", mfn, count));
        }
        long g = gfn;
        long m = mfn;
        long left = count;
        while (left > 0) {
            int order = useBlocks ? blockOrder(g, m, left) : 0;
            long step;
            if (order != 0) {
                setLeaf(g, m, order, type);
                step = 1L << order;
            } else {
                step = setPageRun(g, m, useBlocks ? pagesBeforeBlock(g, m, left) : left, type);
            }
            g += step;
            m += step;
            left -= step;
        }
    }

    /** Removes every mapping of the frames {@code [gfn, gfn + count)}, splitting blocks that straddle it. */
    public void unmap(long gfn, long count) {
        checkRange(gfn, count);
        long g = gfn;
        long end = gfn + count;
        while (g < end) {
            g = unmapFrom(g, end);
        }
    }

    /** What maps a guest frame, if anything. */
    public Optional<StageTwoMapping> lookup(long gfn) {
        if (gfn < 0 || gfn >= geometry.frames()) {
            return Optional.empty();
        }
        Node node = root;
        int level = geometry.rootLevel();
        while (true) {
            int i = node.index(gfn);
            long e = node.entries[i];
            switch (kind(e)) {
                case KIND_LEAF -> {
                    long base = gfn & ~((1L << StageTwoGeometry.orderAt(level)) - 1);
                    return Optional.of(new StageTwoMapping(gfn, mfn(e) + (gfn - base), type(e), level));
                }
                case KIND_PAGES -> {
                    long base = gfn & ~((1L << StageTwoGeometry.orderAt(level)) - 1);
                    return Optional.of(new StageTwoMapping(gfn, mfn(e) + (gfn - base), type(e), 3));
                }
                case KIND_TABLE -> {
                    node = node.children[i];
                    level++;
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
    }

    /** Whether a guest frame is mapped. */
    public boolean isMapped(long gfn) {
        return lookup(gfn).isPresent();
    }

    /**
     * {@code p2m_set_entry} (xen/arch/arm/mmu/p2m.c; the same since 4.8/4.9): {@code mask = mfn | gfn | nr}, a
     * 1 GiB then 2 MiB block only when the mask has none of its low bits set (Xen's own comment there leaves a
     * count not aligned to a superpage as future work): gfn, mfn and the remaining count must all be multiples of it.
     */
    private static int blockOrder(long gfn, long mfn, long left) {
        long mask = gfn | mfn | left;
        for (int level = 1; level < 3; level++) {
            int order = StageTwoGeometry.orderAt(level);
            if ((mask & ((1L << order) - 1)) == 0) {
                return order;
            }
        }
        return 0;
    }

    /**
     * How many 4 KiB entries {@link #map} with blocks writes from {@code gfn} before {@link #blockOrder} can
     * choose a block again (all of {@code left} when it never can): the first step {@code k < left} at which
     * gfn + k, mfn + k and left - k are all multiples of a block.
     */
    private static long pagesBeforeBlock(long gfn, long mfn, long left) {
        long run = left;
        for (int level = 1; level < 3; level++) {
            long mask = (1L << StageTwoGeometry.orderAt(level)) - 1;
            if (((gfn - mfn) & mask) == 0 && ((gfn + left) & mask) == 0) {
                run = Math.min(run, -gfn & mask);
            }
        }
        return run;
    }

    /**
     * 4 KiB entries for {@code count > 0} frames from {@code gfn}, or fewer; the number written. A table that the
     * run fills whole becomes one {@link #KIND_PAGES} entry of its parent (the largest such, at most the root's).
     */
    private long setPageRun(long gfn, long mfn, long count, P2mType type) {
        for (int level = geometry.rootLevel(); level < 3; level++) {
            long span = 1L << StageTwoGeometry.orderAt(level);
            if ((gfn & (span - 1)) == 0 && count >= span) {
                setWholeTable(gfn, mfn, level, type);
                return span;
            }
        }
        return setPages(gfn, mfn, count, type);
    }

    /**
     * Writes the entry of {@code level} holding {@code gfn} as a table full of 4 KiB entries: what Xen ends with
     * after writing every page under it one by one, whatever was there (blocks split, tables allocated).
     */
    private void setWholeTable(long gfn, long mfn, int level, P2mType type) {
        Node node = root;
        for (int l = geometry.rootLevel(); l < level; l++) {
            int i = node.index(gfn);
            node = descend(node, i, l, node.entries[i]);
        }
        int i = node.index(gfn);
        release(node, i, level);
        node.entries[i] = pages(mfn, type);
        long span = 1L << StageTwoGeometry.orderAt(level);
        mappedPages += span;
        entriesWritten += span;
        tablePages += tablesUnder(level);
    }

    /** Table pages below one entry of {@code level} whose subtree is full of 4 KiB entries: 1, 513 or 262,657. */
    private static long tablesUnder(int level) {
        long tables = 0;
        for (int l = level; l < 3; l++) {
            tables = tables * StageTwoGeometry.ENTRIES + 1;
        }
        return tables;
    }

    private void setLeaf(long gfn, long mfn, int order, P2mType type) {
        int target = 3 - order / 9;
        long key = gfn >>> (order + 9);
        Node cached = lastTables[target];
        if (cached != null && lastKeys[target] == key) {
            write(cached, gfn, mfn, order, type, target, key);
            return;
        }
        Node node = root;
        for (int level = geometry.rootLevel(); ; level++) {
            if (level == target) {
                write(node, gfn, mfn, order, type, target, key);
                return;
            }
            int i = node.index(gfn);
            node = descend(node, i, level, node.entries[i]);
        }
    }

    /**
     * 4 KiB entries for {@code gfn} onwards, at most {@code count}, up to the end of the last-level table that holds
     * {@code gfn} (each exactly as {@link #setLeaf} of order 0 writes it, in one loop); the number written. None of
     * them but the first can be a block's start, since only the first is 512-page aligned.
     */
    private long setPages(long gfn, long mfn, long count, P2mType type) {
        setLeaf(gfn, mfn, 0, type);
        int n = (int) Math.min(count, StageTwoGeometry.ENTRIES - (gfn & (StageTwoGeometry.ENTRIES - 1)));
        Node table = lastTables[3];
        int first = table.index(gfn);
        long[] entries = table.entries;
        long typeBits = leaf(0, type);
        int replaced = 0;
        for (int j = 1; j < n; j++) {
            long e = entries[first + j];
            if (kind(e) == KIND_LEAF) {
                replaced++;
            }
            entries[first + j] = ((mfn + j) << 8) | typeBits;
        }
        mappedPages += n - 1 - replaced;
        entriesWritten += n - 1;
        return n;
    }

    private void write(Node node, long gfn, long mfn, int order, P2mType type, int level, long key) {
        int i = node.index(gfn);
        release(node, i, level);
        node.entries[i] = leaf(mfn, type);
        mappedPages += 1L << order;
        entriesWritten++;
        lastTables[level] = node;
        lastKeys[level] = key;
    }

    /** Unmaps from {@code gfn} as far as one entry reaches; returns the next frame to handle. */
    private long unmapFrom(long gfn, long end) {
        Node node = root;
        for (int level = geometry.rootLevel(); ; level++) {
            int order = StageTwoGeometry.orderAt(level);
            long span = 1L << order;
            long base = gfn & ~(span - 1);
            int i = node.index(gfn);
            long e = node.entries[i];
            if (kind(e) == KIND_INVALID) {
                return Math.min(end, base + span);
            }
            if (base == gfn && base + span <= end) {
                release(node, i, level);
                return base + span;
            }
            node = descend(node, i, level, e);
        }
    }

    /** The child table under entry {@code i}, allocating it or splitting a block into it as Xen does. */
    private Node descend(Node node, int i, int level, long e) {
        if (kind(e) == KIND_TABLE) {
            return node.children[i];
        }
        Node child = new Node(StageTwoGeometry.ENTRIES, level + 1);
        if (kind(e) == KIND_PAGES) {
            // The tables below were counted when the run was written; build the next one now that it changes.
            long step = 1L << StageTwoGeometry.orderAt(level + 1);
            for (int j = 0; j < StageTwoGeometry.ENTRIES; j++) {
                child.entries[j] = level + 1 == 3 ? leaf(mfn(e) + j, type(e)) : pages(mfn(e) + j * step, type(e));
            }
        } else {
            tablePages++;
        }
        if (kind(e) == KIND_LEAF) {
            // p2m_split_superpage: the block becomes a table of 512 entries of the next level, same type.
            long step = 1L << StageTwoGeometry.orderAt(level + 1);
            for (int j = 0; j < StageTwoGeometry.ENTRIES; j++) {
                child.entries[j] = leaf(mfn(e) + j * step, type(e));
            }
        }
        if (node.children == null) {
            node.children = new Node[node.entries.length];
        }
        node.children[i] = child;
        node.entries[i] = KIND_TABLE;
        return child;
    }

    /** Clears entry {@code i}, freeing the tables below it and forgetting the pages it mapped. */
    private void release(Node node, int i, int level) {
        long e = node.entries[i];
        if (kind(e) == KIND_LEAF) {
            mappedPages -= 1L << StageTwoGeometry.orderAt(level);
        } else if (kind(e) == KIND_PAGES) {
            mappedPages -= 1L << StageTwoGeometry.orderAt(level);
            tablePages -= tablesUnder(level);
        } else if (kind(e) == KIND_TABLE) {
            freeSubtree(node.children[i], level + 1);
            node.children[i] = null;
            Arrays.fill(lastTables, null);
        }
        node.entries[i] = KIND_INVALID;
    }

    private void freeSubtree(Node table, int level) {
        tablePages--;
        for (int j = 0; j < table.entries.length; j++) {
            long e = table.entries[j];
            if (kind(e) == KIND_LEAF) {
                mappedPages -= 1L << StageTwoGeometry.orderAt(level);
            } else if (kind(e) == KIND_PAGES) {
                mappedPages -= 1L << StageTwoGeometry.orderAt(level);
                tablePages -= tablesUnder(level);
            } else if (kind(e) == KIND_TABLE) {
                freeSubtree(table.children[j], level + 1);
            }
        }
    }

    private void checkRange(long gfn, long count) {
        if (gfn < 0 || count < 0 || gfn + count > geometry.frames() || gfn + count < gfn) {
            throw new IllegalArgumentException(String.format(
                    "frames [0x%X, +0x%X) lie outside the %d-bit IPA space", gfn, count, geometry.ipaBits()));
        }
    }

    private static long leaf(long mfn, P2mType type) {
        return (mfn << 8) | typeBits(type) | KIND_LEAF;
    }

    private static long pages(long mfn, P2mType type) {
        return (mfn << 8) | typeBits(type) | KIND_PAGES;
    }

    /**
     * Bits 7:2 of an entry: the type's index in {@link #TYPES}, which {@link #type} decodes. Entries live only in
     * this table's memory, so the index never outlives the enum it came from.
     */
    @SuppressWarnings("EnumOrdinal")
    private static long typeBits(P2mType type) {
        return (long) type.ordinal() << 2;
    }

    private static int kind(long e) {
        return (int) (e & 3);
    }

    private static long mfn(long e) {
        return e >>> 8;
    }

    private static P2mType type(long e) {
        return TYPES[(int) ((e >>> 2) & 0x3F)];
    }

    /**
     * One table page (or the concatenated root): its entries and, for table entries, the child tables (allocated
     * with the first one: a table of block entries has none).
     */
    private static final class Node {
        final long[] entries;
        Node[] children;
        final int shift;
        final int mask;

        Node(int size, int level) {
            this.entries = new long[size];
            this.shift = StageTwoGeometry.orderAt(level);
            this.mask = size - 1;
        }

        int index(long gfn) {
            return (int) ((gfn >>> shift) & mask);
        }
    }
}
