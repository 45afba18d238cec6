package io.github.xenacpi.aml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ACPI namespace built from definition blocks: a tree of {@link NamespaceNode}s under the root, with the
 * predefined scopes and objects ACPICA creates before loading ({@code \_GPE \_PR \_SB \_SI \_TZ \_GL \_OS \_OSI
 * \_REV}), and the External declarations seen. Lookups follow the ACPI name search rules (ACPI 6.5 section 5.3).
 */
public final class Namespace {
    /** Most Alias hops followed before an alias is reported as a cycle or too long a chain. */
    public static final int MAX_ALIAS_HOPS = 64;

    private final NamespaceNode root = new NamespaceNode("", null, new AmlObject.Scope(), null, false);
    /** The last {@link #nodes} walk, and the namespace's {@link NamespaceNode#additions} when it was made. */
    private List<NamespaceNode> walked;

    private int walkedAt;
    private final Map<String, ExternalDeclaration> externals = new LinkedHashMap<>();
    /** The last segment of each External's path: a name ending otherwise is declared by no External. */
    private final Set<String> externalSegments = new HashSet<>();

    public Namespace() {
        predefine("_GPE", new AmlObject.Scope());
        predefine("_PR_", new AmlObject.Scope());
        predefine("_SB_", new AmlObject.Device());
        predefine("_SI_", new AmlObject.Scope());
        predefine("_TZ_", new AmlObject.Scope());
        predefine("_GL_", new AmlObject.Mutex(0));
        predefine("_OS_", new AmlObject.Name(AmlTerm.string("Microsoft Windows NT")));
        predefine("_OSI", new AmlObject.Method(1, false, 0, 0, 0));
        predefine("_REV", new AmlObject.Name(AmlTerm.integer(2)));
    }

    private void predefine(String seg, AmlObject object) {
        root.addChild(new NamespaceNode(seg, root, object, null, false));
    }

    public NamespaceNode root() {
        return root;
    }

    /** The node at an absolute path such as {@code \_SB.PCI0} or {@code \_SB_.PCI0}. */
    public Optional<NamespaceNode> node(String absolutePath) {
        AmlName name = AmlName.parse(absolutePath);
        if (!name.rooted()) {
            throw new IllegalArgumentException("not an absolute path: " + absolutePath);
        }
        return Optional.ofNullable(exact(root, name));
    }

    /**
     * Resolves a name used in the scope {@code scope}: a single segment without prefix is searched in the scope
     * and then in each enclosing scope up to the root; any other name is taken relative to the scope (or the
     * root). Aliases are not followed.
     */
    public Optional<NamespaceNode> resolve(NamespaceNode scope, AmlName name) {
        return Optional.ofNullable(resolveOrNull(scope, name));
    }

    /**
     * The object an alias finally stands for, following at most {@link #MAX_ALIAS_HOPS} hops; empty when a target
     * does not exist, the chain loops, or it is too long. A node that is not an alias is returned as is.
     */
    public Optional<NamespaceNode> followAlias(NamespaceNode node) {
        if (!(node.object() instanceof AmlObject.Alias)) {
            return Optional.of(node);
        }
        NamespaceNode n = node;
        Set<NamespaceNode> seen = new HashSet<>();
        while (n != null && n.object() instanceof AmlObject.Alias a) {
            if (!seen.add(n) || seen.size() > MAX_ALIAS_HOPS) {
                return Optional.empty();
            }
            NamespaceNode scope = n.parentOrNull();
            n = resolveOrNull(scope, a.target());
        }
        return Optional.ofNullable(n);
    }

    /**
     * Every node except the root, parents before children, in definition order: an unmodifiable list, walked once
     * and kept until a node is added (the loader, the survey, the interpreter's budget and the report each ask).
     */
    public List<NamespaceNode> nodes() {
        if (walked != null && walkedAt == root.additions()) {
            return walked;
        }
        List<NamespaceNode> out = new ArrayList<>(walked == null ? 64 : walked.size() + 16);
        // Depth first by the children's own iterators (no copy of each node's children); iterative, as a hostile
        // table can nest scopes without end.
        Deque<Iterator<NamespaceNode>> stack = new ArrayDeque<>();
        stack.push(root.childrenView().iterator());
        while (!stack.isEmpty()) {
            Iterator<NamespaceNode> children = stack.peek();
            if (!children.hasNext()) {
                stack.pop();
                continue;
            }
            NamespaceNode n = children.next();
            out.add(n);
            if (n.hasChildren()) {
                stack.push(n.childrenView().iterator());
            }
        }
        walked = Collections.unmodifiableList(out);
        walkedAt = root.additions();
        return walked;
    }

    /** Counts of the objects loaded from tables (predefined objects excluded). */
    public NamespaceCounts counts() {
        int devices = 0;
        int methods = 0;
        int names = 0;
        int regions = 0;
        int objects = 0;
        for (NamespaceNode n : nodes()) {
            if (n.source().isEmpty()) {
                continue;
            }
            objects++;
            AmlObject o = n.object();
            if (o instanceof AmlObject.Device) {
                devices++;
            } else if (o instanceof AmlObject.Method) {
                methods++;
            } else if (o instanceof AmlObject.Name) {
                names++;
            } else if (o instanceof AmlObject.OperationRegion) {
                regions++;
            }
        }
        return new NamespaceCounts(devices, methods, names, regions, objects);
    }

    /** The External declarations seen, by absolute path (the first one of each path). */
    public List<ExternalDeclaration> externals() {
        return List.copyOf(externals.values());
    }

    public ExternalDeclaration external(String fullPath) {
        return externals.get(fullPath);
    }

    public void addExternal(ExternalDeclaration e) {
        externals.putIfAbsent(e.path(), e);
        String path = e.path();
        externalSegments.add(path.substring(Math.max(path.lastIndexOf('.'), path.lastIndexOf('\\')) + 1));
    }

    /**
     * Whether some External's path ends in the name's last segment: when not, no path the name could denote is
     * declared External, and its candidate paths need not be built to look them up.
     */
    public boolean mayBeExternal(AmlName name) {
        return externalSegments.contains(name.lastSegment());
    }

    public NamespaceNode resolveOrNull(NamespaceNode scope, AmlName name) {
        if (name.isNull()) {
            return null;
        }
        if (name.searchable()) {
            String seg = name.segments().get(0);
            for (NamespaceNode s = scope; s != null; s = s.parentOrNull()) {
                NamespaceNode hit = s.childOrNull(seg);
                if (hit != null) {
                    return hit;
                }
            }
            return null;
        }
        return exact(scope, name);
    }

    /** The scope a prefixed name starts from, or null when parent prefixes climb above the root. */
    public static NamespaceNode start(NamespaceNode scope, AmlName name, NamespaceNode root) {
        if (name.rooted()) {
            return root;
        }
        NamespaceNode s = scope;
        for (int i = 0; i < name.parentPrefixes() && s != null; i++) {
            s = s.parentOrNull();
        }
        return s;
    }

    private NamespaceNode exact(NamespaceNode scope, AmlName name) {
        NamespaceNode n = start(scope, name, root);
        for (String seg : name.segments()) {
            if (n == null) {
                return null;
            }
            n = n.childOrNull(seg);
        }
        return n;
    }

    /**
     * The absolute 4-character-segment paths a name could denote from a scope, in search order (several for a
     * searchable name, one otherwise, none when its prefixes climb above the root).
     */
    public List<String> candidatePaths(NamespaceNode scope, AmlName name) {
        List<String> out = new ArrayList<>();
        if (name.isNull()) {
            return out;
        }
        if (name.searchable()) {
            for (NamespaceNode s = scope; s != null; s = s.parentOrNull()) {
                out.add(join(s.fullPath(), name.segments()));
            }
            return out;
        }
        NamespaceNode s = start(scope, name, root);
        if (s != null) {
            out.add(join(s.fullPath(), name.segments()));
        }
        return out;
    }

    private static String join(String base, List<String> segs) {
        StringBuilder sb = new StringBuilder(base);
        for (String seg : segs) {
            if (sb.length() > 1) {
                sb.append('.');
            }
            sb.append(seg);
        }
        return sb.toString();
    }
}
