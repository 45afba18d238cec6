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
    void aPathIsTheSameWhicheverNodeIsAskedFirstAndSharesItsParentsUpToTheKeptDepth() {
        Namespace ns = new Namespace();
        NamespaceNode n = ns.root();
        StringBuilder expected = new StringBuilder();
        StringBuilder printed = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            String seg = "S" + (char) ('A' + i % 26) + "_" + (i < 26 ? "_" : "1");
            NamespaceNode child = new NamespaceNode(seg, n, new AmlObject.Scope(), null, false);
            n.addChild(child);
            n = child;
            expected.append(i == 0 ? "\\" : ".").append(seg);
            printed.append(i == 0 ? "\\" : ".").append(i < 26 ? seg.substring(0, 2) : seg);
            if (i == 31) {
                printed.append('|');
            }
        }
        NamespaceNode deepest = n;
        NamespaceNode atKeptDepth = deepest;
        while (atKeptDepth.depth() > 32) {
            atKeptDepth = atKeptDepth.parentOrNull();
        }

        assertThat(deepest.fullPath()).isEqualTo(expected.toString());
        assertThat(atKeptDepth.fullPath()).isEqualTo(expected.substring(0, 1 + 32 * 5 - 1));
        assertThat(atKeptDepth.path()).isEqualTo(printed.substring(0, printed.indexOf("|")));
        assertThat(deepest.path()).isEqualTo(printed.toString().replace("|", ""));
        assertThat(ns.node(atKeptDepth.fullPath())).containsSame(atKeptDepth);
    }

    @Test
    void theWalkCannotBeChangedByItsCaller() {
        List<NamespaceNode> nodes = new Namespace().nodes();
        assertThatThrownBy(() -> nodes.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    }
}
