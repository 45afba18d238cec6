package io.github.xenacpi.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.table.Dbg2Table;
import io.github.xenacpi.acpi.table.GenericAddress;
import io.github.xenacpi.acpi.table.TableFixtures;
import io.github.xenacpi.acpi.table.decoder.Dbg2Decoder;
import io.github.xenacpi.acpi.table.decoder.IortDecoder;
import io.github.xenacpi.platform.builder.Dbg2Builder;
import io.github.xenacpi.platform.builder.IortBuilder;
import org.junit.jupiter.api.Test;

/** One breaking platform per IORT, SPCR and DBG2 rule; {@link GoodPlatformTest} is the passing one. */
class IortSpcrDbg2RulesTest {

    private static void assertOne(TestPlatform p, Rule rule, long offset) {
        assertThat(p.findings(rule))
                .as(rule.id())
                .singleElement()
                .extracting(Finding::offset)
                .isEqualTo(offset);
    }

    private static long field(io.github.xenacpi.acpi.table.layout.Layout layout, String name) {
        return layout.field(name).offset();
    }

    @Test
    void nodeRevisionAndItsGroups() {
        IortBuilder b = TestPlatform.iort();
        IortBuilder.Node n = b.itsGroup(0).revision(2);
        assertOne(TestPlatform.good().with(b), IortRules.NODE_REVISION, b.offsetOf(n) + 3);
        IortBuilder c = TestPlatform.iort();
        IortBuilder.Node unknown = c.itsGroup(0, 5);
        assertOne(
                TestPlatform.good().with(c),
                IortRules.ITS_REFERENCE,
                c.offsetOf(unknown) + IortDecoder.ITS_GROUP.size() + 4);
        IortBuilder d = TestPlatform.iort();
        IortBuilder.Node first = d.itsGroup(0);
        IortBuilder.Node mapped = d.itsGroup(0).mapping(0, 1, 0, first, 0);
        assertOne(TestPlatform.good().with(d), IortRules.ITS_MAPPINGS, d.offsetOf(mapped) + 8);
    }

    @Test
    void idMappings() {
        IortBuilder b = new IortBuilder();
        IortBuilder.Node its = b.itsGroup(0);
        IortBuilder.Node rc = b.rootComplex(0)
                .set("cacheCoherency", 1)
                .set("memoryAccessFlags", 1)
                .mapping(0, 0xFF, 0, its, 0)
                .mapping(0x80, 0xFF, 0x100, its, 2);
        TestPlatform p = TestPlatform.good().with(b);
        long second = (long) b.offsetOf(rc) + IortDecoder.ROOT_COMPLEX.size() + IortDecoder.ID_MAPPING.size();
        assertOne(p, IortRules.IDMAP_OVERLAP, second);
        assertThat(p.findings(IortRules.IDMAP_OVERLAP).get(0).severity()).isEqualTo(IortRules.IDMAP_OVERLAP.severity());
        assertOne(p, IortRules.IDMAP_FLAGS, second + 16);
    }

    @Test
    void outputReferences() {
        IortBuilder b = TestPlatform.iort();
        IortBuilder.Node nc = b.namedComponent("\\_SB.DMA0").mappingTo(0, 0, 0, 0x9999, 1);
        TestPlatform p = TestPlatform.good().with(b);
        long field = (long) b.offsetOf(nc) + IortDecoder.NAMED_COMPONENT.size() + 12 + 12;
        assertThat(p.findings(IortRules.IDMAP_OUTPUT)).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("not the offset of any node");
            assertThat(f.offset()).isEqualTo(field);
        });
        assertThat(p.run()).noneMatch(f -> f.ruleId().equals("IORT.DECODE"));
        IortBuilder c = TestPlatform.iort();
        IortBuilder.Node other = c.namedComponent("\\_SB.DMA1");
        c.namedComponent("\\_SB.DMA0").mapping(0, 0, 0, other, 1);
        assertThat(TestPlatform.good().with(c).findings(IortRules.IDMAP_OUTPUT))
                .singleElement()
                .satisfies(f -> assertThat(f.message()).contains("type 1"));
    }

    @Test
    void memoryAccessProperties() {
        IortBuilder b = TestPlatform.iort();
        IortBuilder.Node cca = b.rootComplex(2).set("cacheCoherency", 2);
        assertOne(
                TestPlatform.good().with(b),
                IortRules.CCA,
                b.offsetOf(cca) + field(IortDecoder.ROOT_COMPLEX, "cacheCoherency"));
        IortBuilder c = TestPlatform.iort();
        IortBuilder.Node nc = c.namedComponent("\\_SB.DMA0").set("cacheCoherency", 1);
        assertOne(
                TestPlatform.good().with(c),
                IortRules.MEMORY_ATTRIBUTES,
                c.offsetOf(nc) + field(IortDecoder.NAMED_COMPONENT, "cacheCoherency"));
        IortBuilder d = TestPlatform.iort();
        IortBuilder.Node flags = d.namedComponent("\\_SB.DMA0").set("flags", 1);
        assertOne(
                TestPlatform.good().with(d),
                IortRules.NAMED_COMPONENT_FLAGS,
                d.offsetOf(flags) + field(IortDecoder.NAMED_COMPONENT, "flags"));
        IortBuilder e = TestPlatform.iort();
        IortBuilder.Node rc = e.rootComplex(0).set("flags", 2);
        assertOne(
                TestPlatform.good().with(e),
                IortRules.ROOT_COMPLEX_FLAGS,
                e.offsetOf(rc) + field(IortDecoder.ROOT_COMPLEX, "flags"));
    }

    @Test
    void smmus() {
        IortBuilder b = TestPlatform.iort();
        IortBuilder.Node v2 = b.smmuV1V2(0x2B00_0000L, 0x1_0000L, 6, 40, 41);
        assertOne(
                TestPlatform.good().with(b),
                IortRules.SMMU_MODEL,
                b.offsetOf(v2) + field(IortDecoder.SMMU_V1_V2, "model"));
        IortBuilder c = TestPlatform.iort();
        IortBuilder.Node v3 = c.smmuV3(0x2B80_0000L).set("model", 3);
        assertOne(
                TestPlatform.good().with(c),
                IortRules.SMMU_V3_MODEL,
                c.offsetOf(v3) + field(IortDecoder.SMMU_V3, "model"));
        IortBuilder d = TestPlatform.iort();
        IortBuilder.Node zero = d.smmuV3(0);
        assertOne(
                TestPlatform.good().with(d),
                IortRules.SMMU_BASE,
                d.offsetOf(zero) + field(IortDecoder.SMMU_V3, "baseAddress"));
    }

    @Test
    void spcrInterfaceAndBase() {
        assertOne(TestPlatform.good().with(TestPlatform.spcr().set("interfaceType", 7)), SpcrRules.INTERFACE_TYPE, 36);
        assertOne(
                TestPlatform.good().with(TestPlatform.spcr().baseAddress(GenericAddress.memory(0, 32))),
                SpcrRules.BASE_ZERO,
                44);
        assertOne(
                TestPlatform.good().with(TestPlatform.spcr().baseAddress(new GenericAddress(2, 32, 0, 3, 0x10))),
                SpcrRules.BASE_SPACE,
                40);
        assertOne(
                TestPlatform.good()
                        .with(TestPlatform.spcr().baseAddress(new GenericAddress(0, 32, 0, 0, TestPlatform.UART_BASE))),
                SpcrRules.ACCESS_SIZE,
                43);
        assertOne(
                TestPlatform.good().with(TestPlatform.spcr().baseAddress(GenericAddress.memory(0x0A00_0000L, 32))),
                SpcrRules.DBG2_MATCH,
                44);
        assertThat(TestPlatform.good()
                        .without("DBG2")
                        .with(TestPlatform.spcr().baseAddress(GenericAddress.memory(0x0A00_0000L, 32)))
                        .findings(SpcrRules.DBG2_MATCH))
                .isEmpty();
    }

    @Test
    void spcrSerialSettings() {
        assertOne(
                TestPlatform.good().with(TestPlatform.spcr().set("interruptType", 0x28)), SpcrRules.INTERRUPT_TYPE, 52);
        assertOne(TestPlatform.good().with(TestPlatform.spcr().set("configuredBaudRate", 5)), SpcrRules.BAUD_RATE, 58);
        assertOne(TestPlatform.good().with(TestPlatform.spcr().set("parity", 1)), SpcrRules.PARITY, 59);
        assertOne(TestPlatform.good().with(TestPlatform.spcr().set("stopBits", 2)), SpcrRules.STOP_BITS, 60);
        assertOne(TestPlatform.good().with(TestPlatform.spcr().set("flowControl", 8)), SpcrRules.FLOW_CONTROL, 61);
        assertOne(TestPlatform.good().with(TestPlatform.spcr().set("terminalType", 4)), SpcrRules.TERMINAL_TYPE, 62);
        assertOne(TestPlatform.good().with(TestPlatform.spcr().set("pciDeviceId", 0x1234)), SpcrRules.PCI_IDS, 64);
        assertOne(
                TestPlatform.good()
                        .with(TestPlatform.spcr().set("interruptType", 9).set("irq", 8)),
                SpcrRules.PC_AT_IRQ,
                53);
        assertThat(TestPlatform.good()
                        .with(TestPlatform.spcr().set("interruptType", 9).set("irq", 4))
                        .findings(SpcrRules.PC_AT_IRQ))
                .isEmpty();
        assertOne(TestPlatform.good().with(TestPlatform.spcr().set("language", 1)), SpcrRules.LANGUAGE, 63);
        assertOne(TestPlatform.good().with(TestPlatform.spcr().set("pciFlags", 2)), SpcrRules.PCI_FLAGS, 71);
    }

    @Test
    void dbg2Devices() {
        long dev = Dbg2Decoder.FIXED_END;
        byte[] rev = TableFixtures.fixChecksum(
                TableFixtures.patch(TestPlatform.good().bytes("DBG2"), (int) dev, 1, 1));
        TestPlatform p = TestPlatform.good().with(rev);
        assertOne(p, Dbg2Rules.DEVICE_REVISION, dev);
        assertThat(p.run()).noneMatch(f -> f.ruleId().equals("DBG2.DECODE"));
        assertOne(dbg2(0x9000, 0, Dbg2Builder.memory(TestPlatform.UART_BASE, 0x1000)), Dbg2Rules.PORT_TYPE, dev + 12);
        assertOne(
                dbg2(Dbg2Table.PORT_SERIAL, 7, Dbg2Builder.memory(TestPlatform.UART_BASE, 0x1000)),
                Dbg2Rules.PORT_SUBTYPE,
                dev + 14);
        assertOne(
                dbg2(Dbg2Table.PORT_USB, 2, Dbg2Builder.memory(TestPlatform.UART_BASE, 0x1000)),
                Dbg2Rules.PORT_SUBTYPE,
                dev + 14);
        assertOne(
                dbg2(Dbg2Table.PORT_SERIAL, 0x0E, Dbg2Builder.memory(0, 0x1000)),
                Dbg2Rules.REGISTER_ADDRESS,
                dev + Dbg2Decoder.DEVICE.size() + 4);
        assertOne(
                dbg2(
                        Dbg2Table.PORT_SERIAL,
                        0x0E,
                        new Dbg2Table.Register(new GenericAddress(0, 0, 0, 3, TestPlatform.UART_BASE), 0x1000)),
                Dbg2Rules.REGISTER_WIDTH,
                dev + Dbg2Decoder.DEVICE.size() + 1);
    }

    private static TestPlatform dbg2(int type, int subtype, Dbg2Table.Register register) {
        return TestPlatform.good().with(new Dbg2Builder().device(type, subtype, "\\_SB.COM0", new byte[0], register));
    }
}
