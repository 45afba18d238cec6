package io.github.xenacpi.acpi.table.layout;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The structures of a table that refer to each other by table offset (IORT nodes, PPTT nodes, VIOT nodes): which
 * offsets start a structure, and the references between them, for the "points at a structure" and "no cycle"
 * checks. Every walk is bounded by the number of structures, so a looping table cannot make it loop.
 */
public final class ReferenceGraph {
    private final Map<Long, Integer> indexByOffset = new HashMap<>();
    private final List<Set<Integer>> edges = new ArrayList<>();

    /** A graph whose structures start at these table offsets, in order. */
    public ReferenceGraph(List<Integer> offsets) {
        for (int i = 0; i < offsets.size(); i++) {
            indexByOffset.putIfAbsent((long) offsets.get(i), i);
            edges.add(new LinkedHashSet<>());
        }
    }

    /** The index of the structure starting at {@code offset}, or -1 when none does. */
    public int indexAt(long offset) {
        return indexByOffset.getOrDefault(offset, -1);
    }

    /** Records that structure {@code from} refers to structure {@code to}. */
    public void addEdge(int from, int to) {
        edges.get(from).add(to);
    }

    /**
     * Every cycle of references, each reported once as the list of indices walked from its smallest member back
     * to that member (a structure that refers to itself gives {@code [i, i]}).
     */
    public List<List<Integer>> cycles() {
        List<List<Integer>> out = new ArrayList<>();
        int n = edges.size();
        for (int start = 0; start < n; start++) {
            int[] previous = new int[n];
            Arrays.fill(previous, -2);
            Deque<Integer> queue = new ArrayDeque<>();
            for (int next : edges.get(start)) {
                if (next >= start && previous[next] == -2) {
                    previous[next] = -1;
                    queue.add(next);
                }
            }
            while (!queue.isEmpty() && previous[start] == -2) {
                int at = queue.poll();
                for (int next : edges.get(at)) {
                    if (next >= start && previous[next] == -2) {
                        previous[next] = at;
                        queue.add(next);
                    }
                }
            }
            if (previous[start] != -2) {
                List<Integer> path = new ArrayList<>();
                path.add(start);
                for (int at = previous[start]; at >= 0; at = previous[at]) {
                    path.add(0, at);
                }
                path.add(0, start);
                out.add(path);
            }
        }
        return out;
    }
}
