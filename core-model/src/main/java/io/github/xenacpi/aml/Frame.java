package io.github.xenacpi.aml;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/** One activation of a method (or of module-level code: a Name's value, a region's operands). */
final class Frame {
    final NamespaceNode scope;
    final AmlValue[] args = new AmlValue[7];
    final AmlValue[] locals = new AmlValue[8];
    final Map<String, NamespaceNode> declared = new HashMap<>();
    final Map<NamespaceNode, AmlValue> values = new IdentityHashMap<>();
    final Map<NamespaceNode, FieldIo.RegionState> regions = new IdentityHashMap<>();
    final Map<NamespaceNode, FieldIo.BufferSlice> slices = new IdentityHashMap<>();
    AmlValue result;
    int offset;

    Frame(NamespaceNode scope) {
        this.scope = scope;
    }
}
