package io.github.xenacpi.aml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The walk of every node is kept between calls and made again once a node is added anywhere. */
class NamespaceNodesTest {

    @Test
    void aNodeAddedBelowAnyScopeIsInTheNextWalk() {
        Namespace ns = new Namespace();
        List<NamespaceNode> first = ns.nodes();
        assertThat(ns.nodes()).isSameAs(first);
        NamespaceNode sb = ns.node("\\_SB").orElseThrow();
        NamespaceNode dev = new NamespaceNode("DEV0", sb, new AmlObject.Device(), null, false);
        sb.addChild(dev);
        List<NamespaceNode> second = ns.nodes();
        assertThat(second).hasSize(first.size() + 1).contains(dev);
        NamespaceNode crs = new NamespaceNode("_CRS", dev, new AmlObject.Name(AmlTerm.integer(1)), null, false);
        dev.addChild(crs);
        assertThat(ns.nodes()).hasSize(first.size() + 2).containsSubsequence(sb, dev, crs);
        assertThat(first).hasSize(second.size() - 1).doesNotContain(dev);
    }

    /** Scopes nested by MultiNamePrefix paths can go tens of thousands deep: walks and paths do not recurse. */
    @Test
    void aNamespaceTensOfThousandsDeepIsWalkedAndItsPathsBuilt() {
        Namespace ns = new Namespace();
        NamespaceNode n = ns.root();
        for (int i = 0; i < 40_000; i++) {
            NamespaceNode child = new NamespaceNode("DEEP", n, new AmlObject.Scope(), null, false);
            n.addChild(child);
            n = child;
        }

        assertThat(ns.nodes()).hasSizeGreaterThan(40_000).endsWith(n);
        assertThat(n.fullPath())
                .hasSize(1 + 40_000 * 5 - 1)
                .endsWith(".DEEP.DEEP")
                .isSameAs(n.fullPath());
        assertThat(n.path()).isEqualTo(n.fullPath());
    }

    @Test
    void theWalkCannotBeChangedByItsCaller() {
        List<NamespaceNode> nodes = new Namespace().nodes();
        assertThatThrownBy(() -> nodes.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    }
}
