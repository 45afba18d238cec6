package io.github.xenacpi.aml.parse;

import io.github.xenacpi.aml.AmlName;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The distinct NameSegs that parsers of one namespace meet, one String each, with one {@link AmlName} for each
 * segment written alone (no prefix): the nodes of a large namespace and the names in its method bodies share them
 * instead of each making its own, and a namespace lookup by a shared String finds its hash already computed. At
 * most {@link #MAX_KEPT} are kept; past them, each is made afresh as before, so that method bodies naming millions of
 * distinct segments (hostile AML) cannot make an interpreter hold them all. Not thread-safe: one per load or per
 * interpreter.
 */
public final class NameSegments {
    /** Room for 2,048 segments before the first growth: each corpus laptop's nodes bear 420 to 1,513. */
    private static final int INITIAL_SLOTS = 4096;

    /** The most segments kept: 43 times the most any corpus laptop's nodes bear; about 7 MB with their names. */
    static final int MAX_KEPT = 1 << 16;

    /** The four bytes of each segment as a little-endian int; 0 marks a free slot (a NameSeg has no NUL byte). */
    private int[] keys = new int[INITIAL_SLOTS];

    private String[] segments = new String[INITIAL_SLOTS];
    private AmlName[] names = new AmlName[INITIAL_SLOTS];
    private int size;

    /** The segment of four bytes at {@code at}, which the caller has checked are a NameSeg. */
    String segment(byte[] b, int at) {
        int slot = slot(b, at);
        return slot < 0 ? new String(b, at, 4, StandardCharsets.ISO_8859_1) : segments[slot];
    }

    /** The name made of the one segment at {@code at} with no prefix, which the caller has checked is a NameSeg. */
    AmlName name(byte[] b, int at) {
        int slot = slot(b, at);
        if (slot < 0) {
            return new AmlName(false, 0, List.of(new String(b, at, 4, StandardCharsets.ISO_8859_1)));
        }
        AmlName name = names[slot];
        if (name == null) {
            name = new AmlName(false, 0, List.of(segments[slot]));
            names[slot] = name;
        }
        return name;
    }

    /** The slot of the segment at {@code at}, made when new; -1 for a new one past {@link #MAX_KEPT}. */
    private int slot(byte[] b, int at) {
        int key = (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
        int mask = keys.length - 1;
        int i = home(key, mask);
        while (keys[i] != 0) {
            if (keys[i] == key) {
                return i;
            }
            i = (i + 1) & mask;
        }
        if (size == MAX_KEPT) {
            return -1;
        }
        if (2 * (size + 1) > keys.length) {
            grow();
            return slot(b, at);
        }
        keys[i] = key;
        segments[i] = new String(b, at, 4, StandardCharsets.ISO_8859_1);
        size++;
        return i;
    }

    /** A key's first slot: scrambled by an odd multiplier, as segments (capitals, digits) differ in few bits. */
    private static int home(int key, int mask) {
        int h = key * 0x9E3779B1;
        return (h ^ (h >>> 16)) & mask;
    }

    private void grow() {
        int[] oldKeys = keys;
        String[] oldSegments = segments;
        AmlName[] oldNames = names;
        keys = new int[oldKeys.length * 2];
        segments = new String[keys.length];
        names = new AmlName[keys.length];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            int key = oldKeys[j];
            if (key == 0) {
                continue;
            }
            int i = home(key, mask);
            while (keys[i] != 0) {
                i = (i + 1) & mask;
            }
            keys[i] = key;
            segments[i] = oldSegments[j];
            names[i] = oldNames[j];
        }
    }
}
