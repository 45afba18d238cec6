package io.github.xenacpi.acpi.table.decoder;

import static io.github.xenacpi.acpi.table.TableFixtures.bytes;
import static io.github.xenacpi.acpi.table.TableFixtures.decode;
import static io.github.xenacpi.acpi.table.TableFixtures.fixChecksum;
import static io.github.xenacpi.acpi.table.TableFixtures.patch;
import static io.github.xenacpi.acpi.table.TableFixtures.truncate;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.Diagnostic;
import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.IortTable;
import io.github.xenacpi.acpi.table.IortTable.IdMapping;
import io.github.xenacpi.acpi.table.IortTable.Interrupt;
import io.github.xenacpi.acpi.table.IortTable.MemoryAccess;
import io.github.xenacpi.acpi.table.IortTable.MemoryRangeDescriptor;
import io.github.xenacpi.acpi.table.LoadedTable;
import io.github.xenacpi.platform.builder.IortBuilder;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class IortDecoderTest {

    private static final int ITS = 48;

    /** One node of every type, all fields set; returns the builder with the nodes in a fixed order. */
    private static IortBuilder everyNodeType() {
        IortBuilder b = new IortBuilder().revision(5);
        IortBuilder.Node its = b.itsGroup(7, 9).set("identifier", 1);
        IortBuilder.Node smmu3 = b.smmuV3(0x2B40_0000L)
                .set("flags", 0x19)
                .set("vatosAddress", 0x2B60_0000L)
                .set("model", 0)
                .set("eventGsiv", 100)
                .set("priGsiv", 101)
                .set("gerrGsiv", 102)
                .set("syncGsiv", 103)
                .set("proximityDomain", 2)
                .set("deviceIdMappingIndex", 0)
                .revision(4)
                .mapping(0, 0, 0x8000, its, 1);
        IortBuilder.Node smmu2 = b.smmuV1V2(0x1500_0000L, 0x10_0000L, 3, 0x61, 0x62)
                .set("flags", 2)
                .contextInterrupt(0x81, 1)
                .contextInterrupt(0x82, 0)
                .pmuInterrupt(0x90, 1)
                .mapping(0, 0xFFFF, 0x1_0000, its, 0);
        b.rootComplex(1)
                .set("cacheCoherency", 1)
                .set("allocationHints", 0xA)
                .set("memoryAccessFlags", 3)
                .set("atsAttribute", 7)
                .set("memoryAddressSizeLimit", 48)
                .set("pasidCapabilities", 20)
                .set("flags", 1)
                .revision(4)
                .mapping(0, 0xFFFF, 0, smmu3, 0);
        b.namedComponent("\\_SB.UFS0")
                .set("flags", 0x3E)
                .set("cacheCoherency", 1)
                .set("allocationHints", 1)
                .set("memoryAccessFlags", 1)
                .set("memoryAddressSizeLimit", 36)
                .mapping(0, 3, 0x100, smmu2, 0);
        b.pmcg(0x2B42_0000L, 0x2B43_0000L, smmu3).revision(1).set("overflowGsiv", 200);
        b.rmr(1).range(0x8000_0000L, 0x1_0000L).range(0x9000_0000L, 0x2_0000L).mapping(0, 0, 0x55, smmu3, 1);
        return b;
    }

    @Test
    void decodesEveryFieldOfEveryNodeType() {
        IortBuilder b = everyNodeType();
        LoadedTable t = decode(b);

        assertThat(t.checksumValid()).isTrue();
        assertThat(t.diagnostics()).isEmpty();
        IortTable iort = (IortTable) t.table();
        assertThat(iort.nodeCount()).isEqualTo(7);
        assertThat(iort.nodeOffset()).isEqualTo(48);
        List<IortTable.Node> n = iort.nodes();
        assertThat(n).hasSize(7);

        IortTable.ItsGroup its = (IortTable.ItsGroup) n.get(0);
        assertThat(its.identifiers()).containsExactly(7L, 9L);
        assertThat(its.common()).isEqualTo(new IortTable.NodeHeader(ITS, 0, 28, 0, 1, 0, 0, List.of()));

        IortTable.SmmuV3 smmu3 = (IortTable.SmmuV3) n.get(1);
        int smmu3At = smmu3.common().offset();
        assertThat(smmu3)
                .isEqualTo(IortTable.SmmuV3.builder()
                        .common(new IortTable.NodeHeader(
                                smmu3At, 4, 88, 4, 0, 1, 68, List.of(new IdMapping(0, 0, 0x8000, ITS, 1))))
                        .baseAddress(0x2B40_0000L)
                        .flags(0x19)
                        .vatosAddress(0x2B60_0000L)
                        .eventGsiv(100)
                        .priGsiv(101)
                        .gerrGsiv(102)
                        .syncGsiv(103)
                        .proximityDomain(2)
                        .build());

        IortTable.SmmuV1V2 smmu2 = (IortTable.SmmuV1V2) n.get(2);
        assertThat(smmu2.baseAddress()).isEqualTo(0x1500_0000L);
        assertThat(smmu2.span()).isEqualTo(0x10_0000L);
        assertThat(smmu2.model()).isEqualTo(3);
        assertThat(smmu2.flags()).isEqualTo(2);
        assertThat(smmu2.globalInterruptOffset()).isEqualTo(60);
        assertThat(smmu2.contextInterruptOffset()).isEqualTo(76);
        assertThat(smmu2.pmuInterruptOffset()).isEqualTo(92);
        assertThat(smmu2.nsgIrpt()).isEqualTo(new Interrupt(0x61, 0));
        assertThat(smmu2.nsgCfgIrpt()).isEqualTo(new Interrupt(0x62, 0));
        assertThat(smmu2.contextInterrupts()).containsExactly(new Interrupt(0x81, 1), new Interrupt(0x82, 0));
        assertThat(smmu2.pmuInterrupts()).containsExactly(new Interrupt(0x90, 1));
        assertThat(smmu2.common().idMappings()).containsExactly(new IdMapping(0, 0xFFFF, 0x1_0000, ITS, 0));

        IortTable.RootComplex rc = (IortTable.RootComplex) n.get(3);
        assertThat(rc).isEqualTo(new IortTable.RootComplex(rc.common(), new MemoryAccess(1, 0xA, 3), 7, 1, 48, 20, 1));
        assertThat(rc.common().revision()).isEqualTo(4);
        assertThat(rc.common().idMappings()).containsExactly(new IdMapping(0, 0xFFFF, 0, smmu3At, 0));

        IortTable.NamedComponent nc = (IortTable.NamedComponent) n.get(4);
        assertThat(nc)
                .isEqualTo(
                        new IortTable.NamedComponent(nc.common(), 0x3E, new MemoryAccess(1, 1, 1), 36, "\\_SB.UFS0"));
        assertThat(nc.common().idMappings())
                .containsExactly(new IdMapping(0, 3, 0x100, smmu2.common().offset(), 0));

        IortTable.Pmcg pmcg = (IortTable.Pmcg) n.get(5);
        assertThat(pmcg).isEqualTo(new IortTable.Pmcg(pmcg.common(), 0x2B42_0000L, 200, smmu3At, 0x2B43_0000L));

        IortTable.ReservedMemoryRange rmr = (IortTable.ReservedMemoryRange) n.get(6);
        assertThat(rmr.flags()).isEqualTo(1);
        assertThat(rmr.rangeOffset()).isEqualTo(28);
        assertThat(rmr.ranges())
                .containsExactly(
                        new MemoryRangeDescriptor(0x8000_0000L, 0x1_0000L),
                        new MemoryRangeDescriptor(0x9000_0000L, 0x2_0000L));
        assertThat(rmr.common().idMappings()).containsExactly(new IdMapping(0, 0, 0x55, smmu3At, 1));
    }

    @Test
    void regionsAreTheSmmuFramesPmcgPagesAndRmrRanges() {
        IortBuilder b = everyNodeType();
        LoadedTable t = decode(b);
        IortTable iort = (IortTable) t.table();
        int smmu3 = iort.nodes().get(1).common().offset();
        int smmu2 = iort.nodes().get(2).common().offset();
        int pmcg = iort.nodes().get(5).common().offset();
        int rmr = iort.nodes().get(6).common().offset();

        assertThat(t.regions())
                .containsExactly(
                        region(RegionKind.SMMU, 0x2B40_0000L, 0, smmu3 + 16, "IORT.node[1].baseAddress"),
                        region(RegionKind.SMMU, 0x2B60_0000L, 64 << 10, smmu3 + 32, "IORT.node[1].vatosAddress"),
                        region(RegionKind.SMMU, 0x1500_0000L, 0x10_0000L, smmu2 + 16, "IORT.node[2].baseAddress"),
                        region(RegionKind.PMCG, 0x2B42_0000L, 0, pmcg + 16, "IORT.node[5].page0BaseAddress"),
                        region(RegionKind.PMCG, 0x2B43_0000L, 0, pmcg + 32, "IORT.node[5].page1BaseAddress"),
                        region(RegionKind.RMR, 0x8000_0000L, 0x1_0000L, rmr + 28, "IORT.node[6].range[0]"),
                        region(RegionKind.RMR, 0x9000_0000L, 0x2_0000L, rmr + 48, "IORT.node[6].range[1]"));
    }

    private static DescribedRegion region(RegionKind kind, long base, long length, long offset, String path) {
        return new DescribedRegion(kind, AddressSpace.SYSTEM_MEMORY, base, length, "IORT", 1, offset, path);
    }

    @Test
    void revisionZeroShortNodesDecodeWithAbsentFieldsAsZero() {
        IortBuilder b = new IortBuilder().revision(0);
        IortBuilder.Node its = b.itsGroup(0);
        IortBuilder.Node smmu = b.smmuV3(0x100_0000L)
                .fixedSize(60)
                .set("eventGsiv", 5)
                .set("gerrGsiv", 6)
                .set("syncGsiv", 7)
                .mapping(0, 0xFF, 0, its, 0);
        b.rootComplex(3).fixedSize(32).set("atsAttribute", 1).mapping(0, 0xFF, 0, smmu, 0);
        b.pmcg(0x200_0000L, 0, smmu).fixedSize(32).set("overflowGsiv", 9);
        LoadedTable t = decode(b);

        assertThat(t.diagnostics()).isEmpty();
        List<IortTable.Node> n = ((IortTable) t.table()).nodes();
        IortTable.SmmuV3 s = (IortTable.SmmuV3) n.get(1);
        assertThat(s.common().length()).isEqualTo(80);
        assertThat(s.syncGsiv()).isEqualTo(7);
        assertThat(s.proximityDomain()).isZero();
        IortTable.RootComplex rc = (IortTable.RootComplex) n.get(2);
        assertThat(rc.atsAttribute()).isEqualTo(1);
        assertThat(rc.pciSegment()).isEqualTo(3);
        assertThat(rc.memoryAddressSizeLimit()).isZero();
        assertThat(rc.common().idMappings())
                .containsExactly(new IdMapping(0, 0xFF, 0, s.common().offset(), 0));
        IortTable.Pmcg p = (IortTable.Pmcg) n.get(3);
        assertThat(p.page1BaseAddress()).isZero();
        assertThat(t.regions())
                .extracting(DescribedRegion::path)
                .containsExactly("IORT.node[1].baseAddress", "IORT.node[3].page0BaseAddress");
    }

    /**
     * A revision 0 PMCG node (DEN0049C) has no page 1: arm_smmu_v3_pmcg_init_resources takes page 1 only "if
     * (node->revision > 0)", whatever the field holds (ground-truth boot own-iort-pmcg, Linux 6.1).
     */
    @Test
    void pmcgPageOneCountsFromNodeRevisionOne() {
        IortBuilder b = new IortBuilder();
        IortBuilder.Node smmu = b.smmuV3(0x100_0000L);
        b.pmcg(0x200_0000L, 0x201_0000L, smmu);
        b.pmcg(0x300_0000L, 0x301_0000L, smmu).revision(1);

        assertThat(decode(b).regions())
                .filteredOn(r -> r.kind() == RegionKind.PMCG)
                .extracting(DescribedRegion::path)
                .containsExactly(
                        "IORT.node[1].page0BaseAddress",
                        "IORT.node[2].page0BaseAddress",
                        "IORT.node[2].page1BaseAddress");
    }

    @Test
    void outputReferenceThatIsNotANodeStartIsAnErrorAtTheField() {
        IortBuilder b = new IortBuilder();
        IortBuilder.Node its = b.itsGroup(0);
        IortBuilder.Node rc = b.rootComplex(0).mappingTo(0, 0xFF, 0, ITS + 4, 0);
        LoadedTable t = decode(b);

        int field = b.offsetOf(rc) + IortDecoder.ROOT_COMPLEX.size() + 12;
        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.offset()).isEqualTo(field);
            assertThat(d.message())
                    .contains("IORT.node[1].idMapping[0].outputReference")
                    .contains("0x34")
                    .contains("not the start of any node");
        });
        assertThat(its).isNotNull();
    }

    @Test
    void nullAndOutOfTableReferencesAreErrors() {
        IortBuilder b = new IortBuilder();
        b.itsGroup(0);
        b.namedComponent("\\_SB.DEV0").mappingTo(0, 0, 0, 0, 1).mappingTo(1, 0, 0, 0xFFFF_FFF0L, 1);
        b.pmcg(0x1000_0000L, 0, null);
        LoadedTable t = decode(b);

        assertThat(t.diagnostics())
                .extracting(Diagnostic::message)
                .anySatisfy(
                        m -> assertThat(m).contains("idMapping[0].outputReference: reference 0x0 is not the start"));
        assertThat(t.diagnostics())
                .extracting(Diagnostic::message)
                .anySatisfy(m ->
                        assertThat(m).contains("idMapping[1].outputReference: reference 0xFFFFFFF0 is not the start"));
        assertThat(t.diagnostics())
                .extracting(Diagnostic::message)
                .anySatisfy(m -> assertThat(m).contains("IORT.node[2].nodeReference: reference 0x0 is not the start"));
    }

    @Test
    void mappingToANodeThatTranslatesNothingIsAnError() {
        IortBuilder b = new IortBuilder();
        IortBuilder.Node nc = b.namedComponent("\\_SB.DEV0");
        b.rootComplex(0).mapping(0, 0xFF, 0, nc, 0);
        LoadedTable t = decode(b);

        assertThat(t.diagnostics())
                .singleElement()
                .satisfies(
                        d -> assertThat(d.message()).contains("node of type 1").contains("ITS group or an SMMU"));
    }

    @Test
    void referenceCycleIsReportedOnceAndTheWalkEnds() {
        IortBuilder b = new IortBuilder();
        IortBuilder.Node a =
                b.smmuV3(0x1000_0000L).set("eventGsiv", 1).set("gerrGsiv", 1).set("syncGsiv", 1);
        IortBuilder.Node c =
                b.smmuV3(0x2000_0000L).set("eventGsiv", 1).set("gerrGsiv", 1).set("syncGsiv", 1);
        IortBuilder.Node d = b.smmuV1V2(0x3000_0000L, 0x1_0000L, 1, 1, 2);
        a.mapping(0, 0xF, 0, c, 0);
        c.mapping(0, 0xF, 0, d, 0);
        d.mapping(0, 0xF, 0, a, 0);
        IortBuilder.Node self =
                b.smmuV3(0x4000_0000L).set("eventGsiv", 1).set("gerrGsiv", 1).set("syncGsiv", 1);
        self.mapping(0, 0xF, 0, self, 0);
        LoadedTable t = decode(b);

        assertThat(t.diagnostics()).hasSize(2);
        assertThat(t.diagnostics().get(0).offset()).isEqualTo(48);
        assertThat(t.diagnostics().get(0).message())
                .contains("IORT.node[0]: ID mappings lead back")
                .contains("node[0]@0x30 -> node[1]@0x")
                .contains("-> node[2]@0x")
                .endsWith("-> node[0]@0x30");
        assertThat(t.diagnostics().get(1).offset()).isEqualTo(b.offsetOf(self));
        String self3 = "node[3]@0x" + Integer.toHexString(b.offsetOf(self)).toUpperCase(Locale.ROOT);
        assertThat(t.diagnostics().get(1).message())
                .contains("IORT.node[3]: ID mappings lead back")
                .contains(self3 + " -> node[3]");
    }

    @Test
    void overlappingInputRangesAreAnErrorAndAOneIdOverlapAWarning() {
        IortBuilder b = new IortBuilder();
        IortBuilder.Node its = b.itsGroup(0);
        IortBuilder.Node rc = b.rootComplex(0)
                .mapping(0x000, 0xFF, 0, its, 0)
                .mapping(0x100, 0xFF, 0x100, its, 0)
                .mapping(0x1FF, 0x10, 0x200, its, 0)
                .mapping(0x080, 0x10, 0x300, its, 0)
                .mapping(0x080, 0x0, 0x400, its, 1);
        LoadedTable t = decode(b);

        int maps = b.offsetOf(rc) + IortDecoder.ROOT_COMPLEX.size();
        assertThat(t.diagnostics()).hasSize(2);
        assertThat(t.diagnostics().get(0)).satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.offset()).isEqualTo(maps + 40);
            assertThat(d.message())
                    .contains("idMapping[2]: input IDs 0x1FF..0x20F overlap idMapping[1]")
                    .contains("by one ID");
        });
        assertThat(t.diagnostics().get(1)).satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.ERROR);
            assertThat(d.offset()).isEqualTo(maps + 60);
            assertThat(d.message()).contains("idMapping[3]: input IDs 0x80..0x90 overlap idMapping[0] (0x0..0xFF)");
        });
    }

    @Test
    void zeroLengthNodeStopsTheWalkWithAnError() {
        IortBuilder b = new IortBuilder();
        b.itsGroup(0);
        IortBuilder.Node second = b.itsGroup(1);
        b.itsGroup(2);
        byte[] bytes = fixChecksum(patch(bytes(b), b.offsetOf(second) + 1, 0, 2));
        LoadedTable t = decode(bytes);

        assertThat(((IortTable) t.table()).nodes()).hasSize(1);
        assertThat(t.diagnostics()).anySatisfy(d -> {
            assertThat(d.offset()).isEqualTo(b.offsetOf(second) + 1);
            assertThat(d.message()).contains("length 0 is below the minimum of 16");
        });
        assertThat(t.diagnostics())
                .anySatisfy(d -> assertThat(d.message()).contains("node count is 3 but 1 nodes were found"));
    }

    @Test
    void nodeOverrunningTheTableIsReportedAndKeptCut() {
        IortBuilder b = new IortBuilder();
        b.itsGroup(0);
        IortBuilder.Node last =
                b.smmuV3(0x1000_0000L).set("eventGsiv", 1).set("gerrGsiv", 1).set("syncGsiv", 1);
        byte[] bytes = fixChecksum(patch(bytes(b), b.offsetOf(last) + 1, 200, 2));
        LoadedTable t = decode(bytes);

        assertThat(t.diagnostics())
                .anySatisfy(d -> assertThat(d.message()).contains("IORT.node[1]: length 200 overruns the list"));
        assertThat(((IortTable) t.table()).nodes().get(1)).isInstanceOf(IortTable.SmmuV3.class);
        assertThat(t.regions()).hasSize(1);
    }

    @Test
    void mappingArrayOutsideTheNodeIsAnErrorAndOnlyWhatFitsIsDecoded() {
        IortBuilder b = new IortBuilder();
        IortBuilder.Node its = b.itsGroup(0);
        IortBuilder.Node rc = b.rootComplex(0).mapping(0, 1, 0, its, 0).mapping(2, 1, 0, its, 0);
        byte[] bytes = fixChecksum(patch(bytes(b), b.offsetOf(rc) + 8, 5, 4));
        LoadedTable t = decode(bytes);

        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(b.offsetOf(rc) + 12);
            assertThat(d.message())
                    .contains("5 ID mappings at node offset 0x28 (100 bytes) lie outside the node"
                            + " of length 80; 2 decoded");
        });
        assertThat(((IortTable) t.table()).nodes().get(1).common().idMappings()).hasSize(2);
    }

    @Test
    void mappingOffsetInsideTheHeaderIsAnError() {
        IortBuilder b = new IortBuilder();
        IortBuilder.Node its = b.itsGroup(0);
        IortBuilder.Node rc = b.rootComplex(0).mapping(0, 1, 0, its, 0);
        LoadedTable t = decode(fixChecksum(patch(bytes(b), b.offsetOf(rc) + 12, 4, 4)));

        assertThat(t.diagnostics())
                .anySatisfy(d -> assertThat(d.message())
                        .contains("1 ID mappings at node offset 0x4")
                        .contains("0 decoded"));
    }

    @Test
    void smmuInterruptArrayOutsideTheNodeIsAnError() {
        IortBuilder b = new IortBuilder();
        IortBuilder.Node s = b.smmuV1V2(0x1500_0000L, 0x1_0000L, 1, 1, 2).contextInterrupt(3, 0);
        LoadedTable t = decode(fixChecksum(patch(bytes(b), b.offsetOf(s) + 48, 0x1000, 4)));

        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(b.offsetOf(s) + 48);
            assertThat(d.message()).contains("contextInterruptOffset 0x1000 with 1 entries of 8 bytes lies outside");
        });
        assertThat(((IortTable.SmmuV1V2) ((IortTable) t.table()).nodes().get(0)).contextInterrupts())
                .isEmpty();
    }

    @Test
    void namedComponentTooShortForANameIsOneError() {
        IortBuilder b = new IortBuilder();
        b.raw(IortTable.NAMED_COMPONENT, 4);
        LoadedTable t = decode(b);

        assertThat(t.diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.message())
                        .contains("has 20 bytes before its ID mappings or end, needs at least 30"));
        assertThat(((IortTable.NamedComponent) ((IortTable) t.table()).nodes().get(0)).objectName())
                .isEmpty();
    }

    @Test
    void itsCountLargerThanTheNodeIsAnError() {
        IortBuilder b = new IortBuilder();
        b.itsGroup(4, 5);
        LoadedTable t = decode(fixChecksum(patch(bytes(b), ITS + 16, 1000, 4)));

        assertThat(t.diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.message()).contains("1000 ITS identifiers declared, only 2 fit"));
        assertThat(((IortTable.ItsGroup) ((IortTable) t.table()).nodes().get(0)).identifiers())
                .containsExactly(4L, 5L);
    }

    @Test
    void namedComponentWithoutNulIsAnError() {
        IortBuilder b = new IortBuilder();
        IortBuilder.Node nc = b.namedComponent("\\_SB.ABC");
        byte[] bytes = bytes(b);
        for (int i = b.offsetOf(nc) + 29; i < bytes.length; i++) {
            bytes[i] = 'X';
        }
        LoadedTable t = decode(fixChecksum(bytes));

        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(b.offsetOf(nc) + 29);
            assertThat(d.message()).contains("not NUL-terminated");
        });
    }

    @Test
    void truncatedTableKeepsWholeNodesAndNeverThrows() {
        IortBuilder b = everyNodeType();
        byte[] full = bytes(b);
        for (int cut = 4; cut < full.length; cut += 7) {
            LoadedTable t = decode(truncate(full, cut));
            assertThat(t.isDecoded()).as("cut at %d", cut).isTrue();
            assertThat(t.diagnostics()).as("cut at %d", cut).isNotEmpty();
        }
        LoadedTable t = decode(truncate(full, 200));
        assertThat(t.diagnostics()).anySatisfy(d -> assertThat(d.message()).contains("overruns the list"));
    }

    @Test
    void nodeOffsetOutsideTheTableIsAnError() {
        IortBuilder b = new IortBuilder();
        b.itsGroup(0);
        LoadedTable t = decode(fixChecksum(patch(bytes(b), 40, 0x1000, 4)));

        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.offset()).isEqualTo(40);
            assertThat(d.message()).contains("node offset 0x1000 lies outside");
        });
        assertThat(((IortTable) t.table()).nodes()).isEmpty();
    }

    @Test
    void rmrInAnOldRevisionIsAWarningAndEmptyRangesAnError() {
        IortBuilder b = new IortBuilder().revision(3);
        b.rmr(0).range(0x8000_0000L, 0);
        LoadedTable t = decode(b);

        assertThat(t.diagnostics())
                .extracting(
                        Diagnostic::severity,
                        d -> d.message().contains("revision 3 table")
                                || d.message().contains("has length 0"))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Severity.WARNING, true),
                        org.assertj.core.groups.Tuple.tuple(Severity.ERROR, true));
    }

    @Test
    void rmrRangeLengthOf2To63OrMoreIsAnErrorAndNoRegion() {
        IortBuilder b = new IortBuilder();
        b.rmr(0).range(0x8000_0000L, 0xFFFF_FFFF_FFFF_FF00L);
        LoadedTable t = decode(b);

        IortTable iort = (IortTable) t.table();
        assertThat(iort.nodes()).hasSize(1);
        assertThat(t.regions()).noneMatch(r -> r.kind() == RegionKind.RMR);
        assertThat(t.diagnostics())
                .extracting(
                        Diagnostic::severity,
                        Diagnostic::offset,
                        d -> d.message()
                                .startsWith("IORT.node[0].range[0]: length 0xFFFFFFFFFFFFFF00 at base 0x80000000 is"
                                        + " 2^63 bytes or more"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Severity.ERROR, 48L + 28, true));
    }

    @Test
    void nonZeroReservedFieldsAreWarnings() {
        IortBuilder b = new IortBuilder();
        b.rmr(0).range(0x8000_0000L, 0x1000);
        byte[] bytes = patch(bytes(b), 44, 1, 4);
        bytes = patch(bytes, 48 + 28 + 16, 2, 4);
        LoadedTable t = decode(fixChecksum(bytes));

        assertThat(t.diagnostics())
                .extracting(Diagnostic::severity, Diagnostic::offset)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Severity.WARNING, 44L),
                        org.assertj.core.groups.Tuple.tuple(Severity.WARNING, 92L));
    }

    @Test
    void identifierInARevisionTwoTableIsAReservedFieldWarning() {
        IortBuilder b = new IortBuilder().revision(2);
        b.itsGroup(0).set("identifier", 5);
        LoadedTable t = decode(b);

        assertThat(t.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.severity()).isEqualTo(Severity.WARNING);
            assertThat(d.offset()).isEqualTo(ITS + 4);
        });
    }

    @Test
    void unknownNodeTypeKeepsItsHeaderAndMappings() {
        IortBuilder b = new IortBuilder();
        IortBuilder.Node its = b.itsGroup(0);
        b.raw(9, 4).mapping(0, 0, 0, its, 1);
        LoadedTable t = decode(b);

        assertThat(t.diagnostics())
                .singleElement()
                .satisfies(d -> assertThat(d.message()).contains("unknown node type 9"));
        IortTable.Node n = ((IortTable) t.table()).nodes().get(1);
        assertThat(n).isInstanceOf(IortTable.UnknownNode.class);
        assertThat(n.common().idMappings()).hasSize(1);
    }

    @Test
    void smmuV3DeviceIdMappingIndexPastItsMappingsIsAnError() {
        IortBuilder b = new IortBuilder();
        IortBuilder.Node its = b.itsGroup(0);
        b.smmuV3(0x1000_0000L).set("deviceIdMappingIndex", 3).mapping(0, 0, 0, its, 1);
        LoadedTable t = decode(b);

        assertThat(t.diagnostics())
                .singleElement()
                .satisfies(d ->
                        assertThat(d.message()).contains("device ID mapping index 3 is past the node's 1 ID mappings"));
    }
}
