package io.github.xenacpi.xen;

/**
 * The shape of a domain's stage-2 tables for a given IPA size, as Xen's {@code setup_virt_paging} picks it
 * on arm64 with a 4 KiB granule: the level the walk starts at ({@code p2m_root_level = 2 - sl0}) and how many
 * root pages are concatenated ({@code p2m_root_order}).
 *
 * @param ipaBits   the intermediate physical address size in bits
 * @param rootLevel 0 (4 levels) or 1 (3 levels)
 * @param rootOrder log2 of the number of concatenated root table pages
 */
public record StageTwoGeometry(int ipaBits, int rootLevel, int rootOrder) {

    /** Entries in one 4 KiB table page. */
    public static final int ENTRIES = 512;

    /** Granule (page) shift. */
    public static final int PAGE_SHIFT = 12;

    /**
     * The geometry Xen picks for a PA range ({@code setup_virt_paging}'s table: 32, 36, 40, 42, 44 and 48
     * bits; other sizes take the next larger row).
     */
    public static StageTwoGeometry forIpaBits(int bits) {
        if (bits <= 32) {
            return new StageTwoGeometry(32, 1, 0);
        } else if (bits <= 36) {
            return new StageTwoGeometry(36, 1, 0);
        } else if (bits <= 40) {
            return new StageTwoGeometry(40, 1, 1);
        } else if (bits <= 42) {
            return new StageTwoGeometry(42, 1, 3);
        } else if (bits <= 44) {
            return new StageTwoGeometry(44, 0, 0);
        } else if (bits <= 48) {
            return new StageTwoGeometry(48, 0, 0);
        }
        throw new IllegalArgumentException("Xen's arm64 p2m supports at most 48 IPA bits, not " + bits);
    }

    /** Number of concatenated root pages. */
    public int rootPages() {
        return 1 << rootOrder;
    }

    /** The number of guest frames the IPA space holds. */
    public long frames() {
        return 1L << (ipaBits - PAGE_SHIFT);
    }

    /** log2 of the pages one entry covers at a level (level 3: 0, level 2: 9, level 1: 18, level 0: 27). */
    static int orderAt(int level) {
        return 9 * (3 - level);
    }
}
