package io.github.xenacpi.acpi.table.decoder;

import static io.github.xenacpi.acpi.table.TableFixtures.bytes;
import static io.github.xenacpi.acpi.table.TableFixtures.decode;
import static io.github.xenacpi.acpi.table.TableFixtures.fixChecksum;
import static io.github.xenacpi.acpi.table.TableFixtures.patch;
import static io.github.xenacpi.acpi.table.TableFixtures.truncate;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.acpi.table.PpttTable;
import io.github.xenacpi.platform.builder.PpttBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class PpttDecoderTest {

    @Test
    void decodesEveryFieldOfEveryStructureType() {
        PpttBuilder b = new PpttBuilder().revision(3);
        PpttBuilder.Structure l3 = b.cache(0xFF, 8 << 20, null)
                .set("numberOfSets", 8192)
                .set("associativity", 16)
                .set("attributes", 0xA)
                .set("lineSize", 64)
                .set("cacheId", 3);
        PpttBuilder.Structure l2 = b.cache(0x7F, 1 << 20, l3)
                .set("numberOfSets", 1024)
                .set("associativity", 8)
                .set("attributes", 0xA)
                .set("lineSize", 64)
                .set("cacheId", 2);
        PpttBuilder.Structure id = b.id(0x484D5241L)
                .set("level1Id", 0x1122334455667788L)
                .set("level2Id", 7)
                .set("majorRevision", 1)
                .set("minorRevision", 2)
                .set("spinRevision", 3);
        PpttBuilder.Structure pkg = b.processor(1, null, 0, l3, id);
        PpttBuilder.Structure cpu = b.processor(0xA, pkg, 5, l2);
        LoadedTable t = decode(b);

        assertThat(t.diagnostics()).isEmpty();
        assertThat(t.regions()).isEmpty();
        List<PpttTable.Node> n = ((PpttTable) t.table()).nodes();
        int l3At = b.offsetOf(l3);
        assertThat(n)
                .containsExactly(
                        PpttTable.Cache.builder()
                                .offset(l3At)
                                .length(28)
                                .flags(0xFF)
                                .size(8 << 20)
                                .numberOfSets(8192)
                                .associativity(16)
                                .attributes(0xA)
                                .lineSize(64)
                                .cacheId(3)
                                .build(),
                        PpttTable.Cache.builder()
                                .offset(b.offsetOf(l2))
                                .length(28)
                                .flags(0x7F)
                                .nextLevelOfCache(l3At)
                                .size(1 << 20)
                                .numberOfSets(1024)
                                .associativity(8)
                                .attributes(0xA)
                                .lineSize(64)
                                .cacheId(2)
                                .build(),
                        new PpttTable.IdStructure(b.offsetOf(id), 30, 0x484D5241L, 0x1122334455667788L, 7, 1, 2, 3),
                        new PpttTable.ProcessorHierarchy(
                                b.offsetOf(pkg), 28, 1, 0, 0, List.of((long) l3At, (long) b.offsetOf(id))),
                        new PpttTable.ProcessorHierarchy(
                                b.offsetOf(cpu), 24, 0xA, b.offsetOf(pkg), 5, List.of((long) b.offsetOf(l2))));
        PpttTable.ProcessorHierarchy p = (PpttTable.ProcessorHierarchy) n.get(3);
        assertThat(p.isPhysicalPackage()).isTrue();
        assertThat(p.isAcpiProcessorIdValid()).isFalse();
    }

    @Test
    void revisionOneCachesHaveNoCacheId() {
        PpttBuilder b = new PpttBuilder().revision(1);
        PpttBuilder.Structure l1 = b.cache(1, 32 << 10, null);
        b.processor(2, null, 0, l1);
        LoadedTable t = decode(b);

        assertThat(t.diagnostics()).isEmpty();
        assertThat(((PpttTable) t.table()).nodes().get(0))
                .isEqualTo(PpttTable.Cache.builder()
                        .offset(36)
                        .length(24)
                        .flags(1)
                        .size(32 << 10)
                        .build());
    }

    @Test
    void shortCacheInRevisionThreeIsAWarning() {
        PpttBuilder b = new PpttBuilder().revision(1);
        b.cache(1, 32 << 10, null);
        byte[] bytes = fixChecksum(patch(bytes(b), 8, 3, 1));
        LoadedTable t = decode(bytes);

        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.offset()).isEqualTo(37);
            assertThat(d.message()).contains("length 24 in a revision 3 table");
        });
    }

    @Test
    void referencesMustPointAtAStructureOfTheRightType() {
        PpttBuilder b = new PpttBuilder();
        PpttBuilder.Structure l1 = b.cache(1, 1024, null);
        PpttBuilder.Structure cpu = b.processor(0, null, 0, l1);
        PpttBuilder.Structure other = b.processor(0, cpu, 1, l1);
        other.link("parent", l1);
        l1.link("nextLevelOfCache", cpu);
        byte[] bytes = bytes(b);
        bytes = patch(bytes, b.offsetOf(cpu) + 20, b.offsetOf(cpu) + 1, 4);
        LoadedTable t = decode(fixChecksum(bytes));

        assertThat(t.diagnostics())
                .extracting(Diagnostic::offset, Diagnostic::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                (long) b.offsetOf(l1) + 8,
                                "PPTT.structure[0].nextLevelOfCache: reference 0x40 is not a cache structure"),
                        org.assertj.core.groups.Tuple.tuple(
                                (long) b.offsetOf(cpu) + 20,
                                "PPTT.structure[1].privateResources[0]: reference 0x41 is not the start of any structure"),
                        org.assertj.core.groups.Tuple.tuple(
                                (long) b.offsetOf(other) + 8,
                                "PPTT.structure[2].parent: reference 0x24 is not a processor hierarchy node"));
    }

    @Test
    void privateResourceThatIsAProcessorIsAnError() {
        PpttBuilder b = new PpttBuilder();
        PpttBuilder.Structure root = b.processor(1, null, 0);
        b.processor(0, root, 1, root);
        LoadedTable t = decode(b);

        assertThat(t.diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.message())
                        .contains("privateResources[0]: reference 0x24 is a processor hierarchy node"));
    }

    @Test
    void parentAndCacheCyclesAreReportedOnceAndTheWalkEnds() {
        PpttBuilder b = new PpttBuilder();
        PpttBuilder.Structure a = b.processor(0, null, 0);
        PpttBuilder.Structure c = b.processor(0, a, 1);
        a.link("parent", c);
        PpttBuilder.Structure self = b.processor(0, null, 2);
        self.link("parent", self);
        PpttBuilder.Structure l2 = b.cache(0, 1, null);
        PpttBuilder.Structure l3 = b.cache(0, 2, l2);
        l2.link("nextLevelOfCache", l3);
        LoadedTable t = decode(b);

        assertThat(t.diagnostics())
                .extracting(Diagnostic::offset, Diagnostic::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                36L,
                                "PPTT.structure[0]: its parent chain leads back to itself:" + " 0x24 -> 0x38 -> 0x24"),
                        org.assertj.core.groups.Tuple.tuple(
                                76L, "PPTT.structure[2]: its parent chain leads back to itself:" + " 0x4C -> 0x4C"),
                        org.assertj.core.groups.Tuple.tuple(
                                96L,
                                "PPTT.structure[3]: its next-level-of-cache chain leads"
                                        + " back to itself: 0x60 -> 0x7C -> 0x60"));
    }

    @Test
    void privateResourceCountLargerThanTheStructureIsAnError() {
        PpttBuilder b = new PpttBuilder();
        PpttBuilder.Structure l1 = b.cache(0, 1, null);
        PpttBuilder.Structure cpu = b.processor(0, null, 0, l1);
        LoadedTable t = decode(fixChecksum(patch(bytes(b), b.offsetOf(cpu) + 16, 9, 4)));

        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(b.offsetOf(cpu) + 16);
            assertThat(d.message()).contains("9 private resources declared, only 1 fit");
        });
        assertThat(((PpttTable.ProcessorHierarchy)
                                ((PpttTable) t.table()).nodes().get(1))
                        .privateResources())
                .containsExactly((long) b.offsetOf(l1));
    }

    @Test
    void zeroLengthStructureStopsTheWalk() {
        PpttBuilder b = new PpttBuilder();
        b.processor(0, null, 0);
        PpttBuilder.Structure second = b.processor(0, null, 1);
        LoadedTable t = decode(fixChecksum(patch(bytes(b), b.offsetOf(second) + 1, 0, 1)));

        assertThat(((PpttTable) t.table()).nodes()).hasSize(1);
        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(b.offsetOf(second) + 1);
            assertThat(d.message()).contains("length 0 is below the minimum");
        });
    }

    @Test
    void structureShorterThanItsLayoutIsAnError() {
        PpttBuilder b = new PpttBuilder();
        b.id(1);
        LoadedTable t = decode(fixChecksum(patch(bytes(b), 37, 10, 1)));

        assertThat(t.diagnostics())
                .anySatisfy(d ->
                        assertThat(d.message()).contains("length 10 is less than the 30 bytes of PPTT ID structure"));
    }

    @Test
    void truncatedTableNeverThrowsAndUnknownTypesAreSkipped() {
        PpttBuilder b = new PpttBuilder();
        PpttBuilder.Structure l1 = b.cache(0, 1, null);
        b.processor(0, null, 0, l1);
        byte[] full = bytes(b);
        for (int cut = 4; cut < full.length; cut += 3) {
            assertThat(decode(truncate(full, cut)).isDecoded()).isTrue();
        }
        LoadedTable t = decode(fixChecksum(patch(full, 36, 9, 1)));
        assertThat(t.diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.message()).contains("unknown structure type 9"));
        assertThat(((PpttTable) t.table()).nodes().get(0)).isEqualTo(new PpttTable.UnknownNode(36, 9, 28));
    }
}
