package io.github.xenacpi.aml.interp;

import io.github.xenacpi.aml.AmlName;
import io.github.xenacpi.aml.AmlValue;
import io.github.xenacpi.aml.NamespaceNode;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * One activation of a method (or of module-level code: a Name's value, a region's operands). The maps of objects
 * declared inside the method are empty and read-only until {@link #declaring} makes them writable: most methods
 * declare nothing, and the interpreter makes a frame per call.
 */
final class Frame {
    final NamespaceNode scope;
    final AmlValue[] args = new AmlValue[7];
    final AmlValue[] locals = new AmlValue[8];
    Map<String, NamespaceNode> declared = Map.of();
    Map<NamespaceNode, AmlValue> values = Map.of();
    Map<NamespaceNode, RegionState> regions = Map.of();
    Map<NamespaceNode, BufferSlice> slices = Map.of();
    AmlValue result;
    int offset;

    Frame(NamespaceNode scope) {
        this.scope = scope;
    }

    /**
     * Makes the maps of declared objects writable, before the frame's first declaration. The fields stay typed
     * {@code Map}: until then they hold the shared empty {@code Map.of()}, so a frame that declares nothing
     * allocates no map.
     */
    @SuppressWarnings("IdentityHashMapUsage")
    void declaring() {
        if (declared.isEmpty()) {
            declared = new HashMap<>();
            values = new IdentityHashMap<>();
            regions = new IdentityHashMap<>();
            slices = new IdentityHashMap<>();
        }
    }

    /** The object the method declared under a single-segment, searchable name; null when none. */
    NamespaceNode declared(AmlName name) {
        return declared.isEmpty() || !name.searchable() ? null : declared.get(name.lastSegment());
    }

    /** Where a frame runs, for messages: its scope's path, or module-level code without a frame. */
    static String where(Frame f) {
        return f == null ? "module-level code" : f.scope.path();
    }
}
