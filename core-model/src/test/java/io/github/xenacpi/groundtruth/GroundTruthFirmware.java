package io.github.xenacpi.groundtruth;

import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.table.ApeiInstruction;
import io.github.xenacpi.acpi.table.CedtTable;
import io.github.xenacpi.acpi.table.GenericAddress;
import io.github.xenacpi.acpi.table.GtdtTable;
import io.github.xenacpi.acpi.table.PcctTable;
import io.github.xenacpi.aml.AmlTerm;
import io.github.xenacpi.platform.builder.BertBuilder;
import io.github.xenacpi.platform.builder.CedtBuilder;
import io.github.xenacpi.platform.builder.Dbg2Builder;
import io.github.xenacpi.platform.builder.EinjBuilder;
import io.github.xenacpi.platform.builder.ErstBuilder;
import io.github.xenacpi.platform.builder.GtdtBuilder;
import io.github.xenacpi.platform.builder.IortBuilder;
import io.github.xenacpi.platform.builder.OemIdentity;
import io.github.xenacpi.platform.builder.PcctBuilder;
import io.github.xenacpi.platform.builder.SpcrBuilder;
import io.github.xenacpi.platform.builder.TableBuilder;
import io.github.xenacpi.platform.builder.Tpm2Builder;
import io.github.xenacpi.platform.builder.aml.DefinitionBlockBuilder;
import io.github.xenacpi.platform.builder.aml.FieldAccessType;
import io.github.xenacpi.platform.builder.aml.FieldUpdateRule;
import io.github.xenacpi.platform.builder.aml.ResourceTemplateBuilder;
import io.github.xenacpi.platform.builder.aml.TermListBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The firmware of our own that the ground-truth scenarios add to QEMU's virt machine, made by the project's
 * builder: {@code groundtruth/lib/make-tables} runs {@link #main} and the harness gives each table to Dom0 by
 * Linux's initrd table upgrade or through the XSDT Xen builds (see groundtruth/scenarios/*.conf).
 *
 * <p>Every region lies on a page where QEMU's virt machine has a device that answers reads (the PL031 RTC at
 * 0x09010000, the GED at 0x09080000, the fw_cfg at 0x09020000, the virtio-mmio transports at 0x0a000000), so a
 * read that Xen maps lazily returns data instead of an external abort, and what is compared is Xen's and Linux's
 * behaviour, not QEMU's answer to an empty address.
 */
public final class GroundTruthFirmware {
    /** QEMU virt's PL031 RTC: every offset of the page reads (0 where no register is). */
    static final long RTC = 0x0901_0000L;
    /** QEMU virt's GED event selector (4 bytes). */
    static final long GED = 0x0908_0000L;
    /** The first four pages of QEMU virt's 32 virtio-mmio transports (0x200 each). */
    static final long VIRTIO = 0x0A00_0000L;

    private static final OemIdentity OEM = new OemIdentity("XENACP", "GRNDTRTH", 1, "XACP", 1);
    /**
     * For a table that replaces one of QEMU's: Linux's initrd table upgrade replaces a table only when signature,
     * OEM ID and OEM table ID match and the OEM revision is higher (acpi_table_initrd_override); otherwise it
     * installs a second table of the signature, which acpi_get_table(sig, 0) never returns.
     */
    private static final OemIdentity QEMU_UPGRADE = new OemIdentity("BOCHS ", "BXPC    ", 2, "XACP", 1);

    private GroundTruthFirmware() {}

    /** Table sets by name: each a map of file name (the signature, as the scenarios name it) to bytes. */
    static Map<String, Map<String, byte[]>> sets() {
        Map<String, Map<String, byte[]>> sets = new LinkedHashMap<>();
        sets.put("apei-bert", tables(new BertBuilder().region(RTC, 0x1000)));
        sets.put(
                "apei-erst-einj",
                tables(
                        // erst_init -> erst_get_erange executes GET_ERROR_LOG_ADDRESS_RANGE (and _LENGTH, _ATTRIBUTES):
                        // READ_REGISTER instructions on the GED's event selector.
                        new ErstBuilder()
                                .entry(new ApeiInstruction(
                                        0xD, 0x0, 0, GenericAddress.memory(GED, 32), 0, 0xFFFF_FFFFL))
                                .entry(new ApeiInstruction(
                                        0xE, 0x0, 0, GenericAddress.memory(GED, 32), 0, 0xFFFF_FFFFL))
                                .entry(new ApeiInstruction(
                                        0xF, 0x0, 0, GenericAddress.memory(GED, 32), 0, 0xFFFF_FFFFL)),
                        // einj_init -> einj_get_parameter_address: the SET_ERROR_TYPE_WITH_ADDRESS WRITE_REGISTER entry
                        // names the parameter block, which check_vendor_extension reads at once.
                        new EinjBuilder()
                                .entry(new ApeiInstruction(0x0, 0x3, 0, GenericAddress.memory(RTC + 0x20, 32), 1, 0xFF))
                                .entry(new ApeiInstruction(
                                        0x8, 0x2, 0, GenericAddress.memory(RTC, 32), 0, 0xFFFF_FFFFL))
                                .entry(new ApeiInstruction(
                                        0x4, 0x3, 0, GenericAddress.memory(RTC + 0x20, 32), 0, 0xFF))));
        sets.put("aml", tables(amlSsdt()));
        sets.put(
                "timers-tpm",
                tables(gtdt(), new Tpm2Builder().controlAddress(RTC + 0x40).startMethod(7), tpmSsdt()));
        sets.put("pcct", tables(pcct()));
        sets.put("iort-pmcg", upgrades(iortWithPmcg()));
        Map<String, byte[]> spcrDbg2 = upgrades(
                // SPCR revision 4 (namespace string) for a 16550 with a GAS (interface type 0x12) on the GED page.
                new SpcrBuilder()
                        .set("interfaceType", 0x12)
                        .baseAddress(GenericAddress.memory(GED, 32))
                        .set("configuredBaudRate", 7)
                        .set("uartClockFrequency", 1_843_200));
        spcrDbg2.putAll(tables(new Dbg2Builder()
                .device(0x8000, 0x0003, "\\_SB.COM0", new byte[0], Dbg2Builder.memory(0x0900_0000L, 0x1000))
                .device(0x8000, 0x0012, ".", new byte[0], Dbg2Builder.memory(GED, 0x1000))
                .device(0x8000, 0x000E, ".", new byte[0], Dbg2Builder.memory(VIRTIO + 0x3000, 0x1000))));
        sets.put("spcr-dbg2", spcrDbg2);
        sets.put(
                "cxl",
                tables(
                        new CedtBuilder()
                                // A CXL 2.0 host bridge's component registers (CHBCR, 64 KiB) and a CXL 1.1 RCRB (8
                                // KiB).
                                .add(new CedtTable.HostBridge(0, 1, RTC, 0x1_0000))
                                .add(new CedtTable.HostBridge(1, 0, VIRTIO + 0x2000, 0x2000)),
                        cxlSsdt()));
        return sets;
    }

    /**
     * An SSDT whose device reads a SystemMemory OperationRegion in each of {@code _INI}, {@code _STA},
     * {@code _REG} and a {@code _CRS} method (one virtio-mmio page each, so each method's fault is its own page;
     * Linux 6.1 never runs this {@code _REG}: ACPICA skips it for SystemMemory since 4.20),
     * and an AMBA PL061 ({@code ARMH0061}) placed on the RTC page: amba_device_add reads its peripheral ID
     * before the device (and Xen's notifier) is added.
     */
    static DefinitionBlockBuilder amlSsdt() {
        byte[] crs =
                new ResourceTemplateBuilder().memory32Fixed(true, GED, 0x1000).build();
        byte[] ambaCrs =
                new ResourceTemplateBuilder().memory32Fixed(true, RTC, 0x1000).build();
        return DefinitionBlockBuilder.ssdt()
                .content(root -> root.scope(
                        "\\_SB",
                        sb -> sb.device("GTA0", dev -> {
                                    dev.hid("XGTA0001").uid(0);
                                    region(dev, "RINI", "VINI", VIRTIO);
                                    region(dev, "RSTA", "VSTA", VIRTIO + 0x1000);
                                    region(dev, "RREG", "VREG", VIRTIO + 0x2000);
                                    region(dev, "RCRS", "VCRS", VIRTIO + 0x3000);
                                    dev.name("LAST", AmlTerm.integer(0))
                                            .method(
                                                    "_INI",
                                                    0,
                                                    false,
                                                    m -> m.store(AmlTerm.name("VINI"), AmlTerm.name("LAST")))
                                            .method(
                                                    "_STA",
                                                    0,
                                                    false,
                                                    m -> m.store(AmlTerm.name("VSTA"), AmlTerm.name("LAST"))
                                                            .returns(AmlTerm.integer(0x0F)))
                                            .method(
                                                    "_REG",
                                                    2,
                                                    false,
                                                    m -> m.store(AmlTerm.name("VREG"), AmlTerm.name("LAST")))
                                            .method(
                                                    "_CRS",
                                                    0,
                                                    false,
                                                    m -> m.store(AmlTerm.name("VCRS"), AmlTerm.name("LAST"))
                                                            .returns(AmlTerm.buffer(crs)));
                                })
                                .device(
                                        "AMB0",
                                        dev -> dev.hid("ARMH0061").uid(0).crs(ambaCrs))));
    }

    private static void region(TermListBuilder dev, String region, String field, long address) {
        dev.operationRegion(region, AddressSpace.SYSTEM_MEMORY, AmlTerm.integer(address), AmlTerm.integer(4))
                .field(region, FieldAccessType.DWORD, false, FieldUpdateRule.PRESERVE, u -> u.unit(field, 32));
    }

    /**
     * QEMU virt's own timer interrupts (GTDT revision 2 as QEMU 7.2 writes it) plus a memory-mapped timer block
     * with one frame (read by arch_timer_mem_acpi_init in time_init on Linux before 6.18) and an SBSA watchdog
     * (a platform device Xen's notifier maps; the sbsa_gwdt module probes it).
     */
    static GtdtBuilder gtdt() {
        GtdtTable.Timer none = new GtdtTable.Timer(0, 0);
        return new GtdtBuilder()
                .revision(2)
                .timers(
                        new GtdtTable.Timer(29, 0),
                        new GtdtTable.Timer(30, 4),
                        new GtdtTable.Timer(27, 0),
                        new GtdtTable.Timer(26, 0),
                        none)
                .add(new GtdtTable.GtBlock(
                        VIRTIO,
                        1,
                        20,
                        List.of(new GtdtTable.GtFrame(
                                0, VIRTIO + 0x1000, GtdtTable.NOT_PROVIDED, new GtdtTable.Timer(0x70, 0), none, 0))))
                .add(new GtdtTable.Watchdog(VIRTIO + 0x2000, VIRTIO + 0x3000, 0x71, 0));
    }

    /** The TPM's ACPI device: tpm_crb binds MSFT0101 and maps the CRB control area from its _CRS. */
    static DefinitionBlockBuilder tpmSsdt() {
        byte[] crs =
                new ResourceTemplateBuilder().memory32Fixed(true, RTC, 0x1000).build();
        return DefinitionBlockBuilder.ssdt()
                .content(root -> root.scope(
                        "\\_SB",
                        sb -> sb.device(
                                "TPM0", dev -> dev.hid("MSFT0101").uid(0).crs(crs))));
    }

    /**
     * PCC subspaces of the types Linux 6.1's pcc_init drives (0 generic, 1 and 2 HW-reduced, 3 extended master),
     * without the platform-interrupt flag (pcc_mbox_probe then needs no GSI): shared memory on the virtio-mmio
     * pages, doorbells and the other registers on the RTC and GED pages.
     */
    static PcctBuilder pcct() {
        return new PcctBuilder()
                .subspace(new PcctTable.Generic(VIRTIO, 0x100, write(RTC), 100, 0, 0))
                .subspace(PcctTable.HwReduced.builder()
                        .baseAddress(VIRTIO + 0x1000)
                        .length(0x100)
                        .doorbell(write(RTC + 0x4))
                        .nominalLatency(100)
                        .build())
                .subspace(PcctTable.HwReduced.builder()
                        .type(2)
                        .baseAddress(VIRTIO + 0x2000)
                        .length(0x100)
                        .doorbell(write(RTC + 0x8))
                        .nominalLatency(100)
                        .interruptAck(write(GED))
                        .build())
                .subspace(PcctTable.Extended.builder()
                        .baseAddress(VIRTIO + 0x3000)
                        .length(0x100)
                        .doorbell(write(RTC + 0xC))
                        .nominalLatency(100)
                        .interruptAck(write(GED))
                        .commandCompleteCheck(new PcctTable.RegisterMask(GenericAddress.memory(RTC + 0x10, 32), 1))
                        .commandCompleteUpdate(write(RTC + 0x14))
                        .errorStatus(new PcctTable.RegisterMask(GenericAddress.memory(RTC + 0x18, 32), 2))
                        .build());
    }

    private static PcctTable.RegisterWrite write(long address) {
        return new PcctTable.RegisterWrite(GenericAddress.memory(address, 32), 0, 1);
    }

    /**
     * QEMU virt's IORT with {@code iommu=smmuv3} (ITS group, SMMUv3 at 0x09050000 with its four interrupts, the root
     * complex behind it), plus a PMCG node of that SMMU whose two pages lie on the RTC and GED pages:
     * iort_add_platform_device makes an "arm-smmu-v3-pmcg" platform device of them at acpi_iort_init.
     */
    static IortBuilder iortWithPmcg() {
        IortBuilder iort = new IortBuilder();
        IortBuilder.Node its = iort.itsGroup(0);
        IortBuilder.Node smmu = iort.smmuV3(0x0905_0000L)
                .set("flags", 1)
                .set("eventGsiv", 0x6A)
                .set("priGsiv", 0x6B)
                .set("gerrGsiv", 0x6D)
                .set("syncGsiv", 0x6C)
                .mapping(0, 0xFFFF, 0, its, 0);
        iort.rootComplex(0)
                .set("cacheCoherency", 1)
                .set("memoryAccessFlags", 3)
                .set("memoryAddressSizeLimit", 0x40)
                .mapping(0, 0x100, 0, smmu, 0)
                .mapping(0x100, 0xFEFF, 0x100, its, 0);
        iort.pmcg(RTC, GED, smmu);
        return iort;
    }

    /** The CXL root (ACPI0017) that cxl_acpi binds; no ACPI0016 host bridge. */
    static DefinitionBlockBuilder cxlSsdt() {
        return DefinitionBlockBuilder.ssdt()
                .content(root -> root.scope(
                        "\\_SB",
                        sb -> sb.device("CXLR", dev -> dev.hid("ACPI0017").uid(0))));
    }

    private static Map<String, byte[]> tables(TableBuilder... builders) {
        return tables(OEM, builders);
    }

    /** Tables that replace QEMU's of the same signature through the initrd upgrade ({@link #QEMU_UPGRADE}). */
    private static Map<String, byte[]> upgrades(TableBuilder... builders) {
        return tables(QEMU_UPGRADE, builders);
    }

    private static Map<String, byte[]> tables(OemIdentity oem, TableBuilder... builders) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (TableBuilder b : builders) {
            out.put(b.signature(), b.build(oem));
        }
        return out;
    }

    /** Writes every set to {@code OUT/<set>/<SIG>.aml}. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "groundtruth/target/tables");
        for (Map.Entry<String, Map<String, byte[]>> set : sets().entrySet()) {
            Path dir = Files.createDirectories(out.resolve(set.getKey()));
            for (Map.Entry<String, byte[]> t : set.getValue().entrySet()) {
                Files.write(dir.resolve(t.getKey() + ".aml"), t.getValue());
            }
        }
        System.out.println("groundtruth: builder tables in " + out);
    }
}
