package io.github.xenacpi.aml;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One node of the ACPI namespace: its 4-character name segment, parent, object, where it was defined (absent for
 * the predefined objects), whether it was declared inside module-level If/Else/While (so it exists only if that
 * code runs), and its children in definition order. Read-only outside the loader.
 */
public final class NamespaceNode {
    /** The deepest node whose path is built from its parent's, kept: the corpus laptops' nodes are at most 8 deep. */
    private static final int KEPT_PATH_DEPTH = 32;

    private final String segment;
    private final NamespaceNode parent;
    private final AmlObject object;
    private final AmlSource source;
    private final boolean conditional;
    /** The children by segment, in definition order; null until the first (most nodes have none). */
    private Map<String, NamespaceNode> children;

    private final int depth;
    /** The paths as iasl prints them and with 4-character segments, built on first use (a node never moves). */
    private String path;

    private String fullPath;
    /** Shared by every node of one namespace: how many times a child was added anywhere in it. */
    private final int[] additions;

    public NamespaceNode(
            String segment, NamespaceNode parent, AmlObject object, AmlSource source, boolean conditional) {
        this.segment = Objects.requireNonNull(segment, "segment");
        this.parent = parent;
        this.object = Objects.requireNonNull(object, "object");
        this.source = source;
        this.conditional = conditional;
        this.depth = parent == null ? 0 : parent.depth + 1;
        this.additions = parent == null ? new int[1] : parent.additions;
    }

    /** The 4-character name segment with its padding underscores; empty for the root. */
    public String segment() {
        return segment;
    }

    public Optional<NamespaceNode> parent() {
        return Optional.ofNullable(parent);
    }

    public AmlObject object() {
        return object;
    }

    public ObjectType type() {
        return object.type();
    }

    /** Where the object was defined; empty for the root and the predefined objects. */
    public Optional<AmlSource> source() {
        return Optional.ofNullable(source);
    }

    /** Whether the object was declared inside module-level If, Else or While. */
    public boolean conditional() {
        return conditional;
    }

    /** The children in definition order. */
    public List<NamespaceNode> children() {
        return children == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(children.values()));
    }

    /** The child with the given segment (padded with underscores if shorter than 4 characters). */
    public Optional<NamespaceNode> child(String seg) {
        return Optional.ofNullable(childOrNull(AmlName.padSegment(seg)));
    }

    /** The absolute path as iasl prints it, e.g. {@code \_SB.PCI0.PRT0}; {@code \} for the root. */
    public String path() {
        String p = path;
        if (p == null) {
            p = buildPath(false);
            path = p;
        }
        return p;
    }

    /** The absolute path with 4-character segments, e.g. {@code \_SB_.PCI0}. */
    public String fullPath() {
        String p = fullPath;
        if (p == null) {
            p = buildPath(true);
            fullPath = p;
        }
        return p;
    }

    /** Number of segments from the root (0 for the root). */
    public int depth() {
        return depth;
    }

    /** The children in definition order, as a live read-only view (no copy), for walks inside this package. */
    public Collection<NamespaceNode> childrenView() {
        return children == null ? List.of() : Collections.unmodifiableCollection(children.values());
    }

    /** Whether the node has children. */
    boolean hasChildren() {
        return children != null;
    }

    public NamespaceNode childOrNull(String paddedSeg) {
        return children == null ? null : children.get(paddedSeg);
    }

    public NamespaceNode parentOrNull() {
        return parent;
    }

    public AmlSource sourceOrNull() {
        return source;
    }

    public void addChild(NamespaceNode child) {
        if (children == null) {
            children = new LinkedHashMap<>(8);
        }
        children.put(child.segment, child);
        additions[0]++;
    }

    /** How many children were added anywhere in this node's namespace: a walk of it is current while this holds. */
    int additions() {
        return additions[0];
    }

    /**
     * Built from the parent's path, which is built (and kept) first: the paths of a device's objects share their
     * device's. A node deeper than {@link #KEPT_PATH_DEPTH} builds its own by walking up instead, not by recursion,
     * and keeps no ancestor's: a hostile table can nest a namespace tens of thousands deep, whose every ancestor's
     * path kept would fill the heap.
     */
    private String buildPath(boolean padded) {
        if (parent == null) {
            return "\\";
        }
        String seg = padded ? segment : AmlName.printSegment(segment);
        if (parent.parent == null) {
            return "\\" + seg;
        }
        if (depth <= KEPT_PATH_DEPTH) {
            return (padded ? parent.fullPath() : parent.path()) + "." + seg;
        }
        List<String> segs = new ArrayList<>();
        for (NamespaceNode n = this; n.parent != null; n = n.parent) {
            segs.add(padded ? n.segment : AmlName.printSegment(n.segment));
        }
        Collections.reverse(segs);
        return "\\" + String.join(".", segs);
    }

    @Override
    public String toString() {
        return path() + " (" + type() + ")";
    }
}
