package io.github.xenacpi.platform.preset;

import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.source.FirmwareImage;
import io.github.xenacpi.acpi.table.ApeiInstruction;
import io.github.xenacpi.acpi.table.ApmtTable;
import io.github.xenacpi.acpi.table.CedtTable;
import io.github.xenacpi.acpi.table.Dbg2Table;
import io.github.xenacpi.acpi.table.GenericAddress;
import io.github.xenacpi.acpi.table.GtdtTable;
import io.github.xenacpi.acpi.table.HestTable;
import io.github.xenacpi.acpi.table.MadtTable;
import io.github.xenacpi.acpi.table.decoder.CedtDecoder;
import io.github.xenacpi.acpi.table.load.AcpiTables;
import io.github.xenacpi.aml.AmlOpcode;
import io.github.xenacpi.aml.AmlTerm;
import io.github.xenacpi.aml.resource.Polarity;
import io.github.xenacpi.aml.resource.Sharing;
import io.github.xenacpi.aml.resource.Trigger;
import io.github.xenacpi.aml.resource.Usage;
import io.github.xenacpi.platform.DmaScenario;
import io.github.xenacpi.platform.LinuxVersion;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.PlatformDescriptor;
import io.github.xenacpi.platform.SettingSource;
import io.github.xenacpi.platform.SettingSources;
import io.github.xenacpi.platform.SmmuMode;
import io.github.xenacpi.platform.XenVersion;
import io.github.xenacpi.platform.builder.ApmtBuilder;
import io.github.xenacpi.platform.builder.BertBuilder;
import io.github.xenacpi.platform.builder.CedtBuilder;
import io.github.xenacpi.platform.builder.Dbg2Builder;
import io.github.xenacpi.platform.builder.EinjBuilder;
import io.github.xenacpi.platform.builder.ErstBuilder;
import io.github.xenacpi.platform.builder.FadtBuilder;
import io.github.xenacpi.platform.builder.GtdtBuilder;
import io.github.xenacpi.platform.builder.HestBuilder;
import io.github.xenacpi.platform.builder.IortBuilder;
import io.github.xenacpi.platform.builder.MadtBuilder;
import io.github.xenacpi.platform.builder.McfgBuilder;
import io.github.xenacpi.platform.builder.OemIdentity;
import io.github.xenacpi.platform.builder.PlatformBuilder;
import io.github.xenacpi.platform.builder.PpttBuilder;
import io.github.xenacpi.platform.builder.SpcrBuilder;
import io.github.xenacpi.platform.builder.TableWriter;
import io.github.xenacpi.platform.builder.Tpm2Builder;
import io.github.xenacpi.platform.builder.aml.DefinitionBlockBuilder;
import io.github.xenacpi.platform.builder.aml.FieldAccessType;
import io.github.xenacpi.platform.builder.aml.FieldUpdateRule;
import io.github.xenacpi.platform.builder.aml.ResourceTemplateBuilder;
import io.github.xenacpi.platform.builder.aml.TermListBuilder;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Built-in platforms made by the table builders, for running the tool without firmware at hand and as test
 * subjects: each writes real table bytes that the same readers read back. {@link #QEMU_VIRT} is the default of
 * the inspect entry point.
 */
public enum Preset {
    /**
     * The acceptance platform of the problem statement: a DSDT device whose {@code _CRS} has memory, an MCFG ECAM
     * window, a BERT region, a SystemMemory OperationRegion that {@code \_SB._INI} reads at boot, two tables newer
     * than Xen 4.8 that Linux maps: an APMT whose CoreSight PMU page reaches Linux as a platform device, and a CEDT
     * with a CXL 1.1 host bridge (CHBS RCRB, with the ACPI0017 CXL root and the ACPI0016 host bridge in the DSDT)
     * whose RCRB {@code cxl_acpi} maps itself, an SBSA watchdog (a static-table device the notifier covers), and a
     * DMA engine behind the SMMU that writes the OperationRegion's page (a system-controller mailbox) before the CPU
     * first touches it. Its descriptor boots Linux 6.6 on Xen 4.8 with an SMMU that shares Dom0's stage-2 tables.
     */
    SEED_RFC("seed-rfc") {
        @Override
        PlatformBuilder tables() {
            return PlatformBuilder.create()
                    .add(new FadtBuilder().hardwareReducedArm(false))
                    .add(dsdt(sb -> sb
                            // cxl_acpi binds the CXL root; the host bridge's _UID names its CHBS.
                            .device("CXLR", dev -> dev.hid("ACPI0017").uid(0))
                            .device(
                                    "CXB0",
                                    dev -> dev.hid("ACPI0016")
                                            .name("_CID", AmlTerm.string("PNP0A08"))
                                            .uid(SEED_CXL_UID))))
                    .add(gicV3())
                    .add(genericTimers().add(SBSA_WATCHDOG))
                    .add(pl011())
                    .add(new McfgBuilder().allocation(SEED_ECAM, 0, 0, 0xFF))
                    .add(smmuIort(0))
                    .add(new BertBuilder().region(SEED_BERT, 0x2000))
                    .add(new ApmtBuilder()
                            .add(ApmtTable.Node.builder()
                                    .baseAddress0(SEED_APMT_PAGE)
                                    .overflowInterrupt(300)
                                    .overflowInterruptFlags(1)
                                    .build()))
                    .add(new CedtBuilder()
                            .add(new CedtTable.HostBridge(SEED_CXL_UID, 0, SEED_CXL_RCRB, CedtDecoder.RCRB_LENGTH)));
        }

        @Override
        public PlatformDescriptor descriptor() {
            return PlatformDescriptor.builder()
                    .xen(XenVersion.V4_8)
                    .linux(LinuxVersion.V6_6)
                    .smmu(SmmuMode.SHARED)
                    .dma(List.of(new DmaScenario("pcie-dma-engine", RegionKind.OPERATION_REGION, DSDT_OPREGION, true)))
                    .sources(SettingSources.of(SettingSource.PRESET))
                    .build();
        }
    },

    /**
     * QEMU 7.2's own {@code virt} machine ({@code -M virt,gic-version=3,virtualization=on}, 2 CPUs, UEFI), as the
     * ground-truth boots recorded it: HW-reduced FADT with PSCI over SMC, a GICv3 with its ITS, the architected
     * timers only (no memory-mapped timer, no watchdog), the PL011 in SPCR and DBG2, a PPTT of two CPUs in one
     * cluster, an IORT with the ITS behind the root complex, one ECAM window, and a DSDT with the PL011, fw_cfg,
     * 32 virtio-mmio transports, the PCIe host bridge and a Generic Event Device whose {@code _EVT} reads a
     * SystemMemory OperationRegion on a power-button event. {@code QemuVirtPresetTest} holds it to the recorded
     * tables (core-model/src/test/resources/groundtruth/virt).
     */
    QEMU_VIRT("qemu-virt") {
        @Override
        PlatformBuilder tables() {
            return qemuVirt();
        }
    },

    /**
     * The virt core plus the firmware-first RAS and security tables whose regions a Xen Dom0 misses: a boot error
     * region, GHES and GHESv2 error sources, ERST and EINJ register sets, and a TPM with a CRB control area.
     */
    SERVER_RAS("server-ras") {
        @Override
        PlatformBuilder tables() {
            GenericAddress erstCommand = GenericAddress.memory(0xFE00_0000L, 64);
            GenericAddress einjParams = GenericAddress.memory(0xFD00_0000L, 64);
            HestTable.Notification sea =
                    HestTable.Notification.builder().type(8).build();
            return core().add(new McfgBuilder().allocation(0x40_1000_0000L, 0, 0, 0xFF))
                    .add(smmuIort(0))
                    .add(new BertBuilder().region(0xFFFF_0000L, 0x2000))
                    .add(new HestBuilder()
                            .source(HestTable.Ghes.builder()
                                    .sourceId(1)
                                    .relatedSourceId(0xFFFF)
                                    .enabled(true)
                                    .recordsToPreallocate(1)
                                    .maxSectionsPerRecord(1)
                                    .maxRawDataLength(0x1000)
                                    .errorStatusAddress(GenericAddress.memory(0xFF00_0000L, 64))
                                    .notification(sea)
                                    .errorStatusBlockLength(0x1000)
                                    .build())
                            .source(HestTable.GhesV2.builder(HestTable.Ghes.builder()
                                            .sourceId(2)
                                            .relatedSourceId(0xFFFF)
                                            .enabled(true)
                                            .recordsToPreallocate(1)
                                            .maxSectionsPerRecord(1)
                                            .maxRawDataLength(0x1000)
                                            .errorStatusAddress(GenericAddress.memory(0xFF00_0008L, 64))
                                            .notification(sea)
                                            .errorStatusBlockLength(0x1000)
                                            .build())
                                    .readAckRegister(GenericAddress.memory(0xFF00_1000L, 64))
                                    .readAckPreserve(0xFFFF_FFFF_FFFF_FFFEL)
                                    .readAckWrite(1)
                                    .build()))
                    .add(new ErstBuilder()
                            .entry(new ApeiInstruction(0x0, 0x3, 0, erstCommand, 0x1, 0xFF))
                            .entry(new ApeiInstruction(0x6, 0x1, 0, erstCommand, 0x1, 0x1)))
                    .add(new EinjBuilder()
                            .entry(new ApeiInstruction(0x0, 0x3, 0, einjParams, 0x1, 0xFF))
                            .entry(new ApeiInstruction(0x4, 0x3, 0, einjParams, 0x0, 0xFF)))
                    .add(new Tpm2Builder().controlAddress(0x0C00_0040L).startMethod(7));
        }
    },

    /**
     * The virt core plus tables newer than the Xen 4.8 of the problem statement: CoreSight PMUs in an APMT and an
     * IORT of revision E.d whose reserved memory range node describes a region devices keep using.
     */
    NEW_TABLES("new-tables") {
        @Override
        PlatformBuilder tables() {
            return core().add(new McfgBuilder().allocation(0x40_1000_0000L, 0, 0, 0xFF))
                    .add(smmuIort(5))
                    .add(new ApmtBuilder()
                            .add(ApmtTable.Node.builder()
                                    .flags(0b001)
                                    .baseAddress0(0x2A90_0000L)
                                    .baseAddress1(0x2A91_0000L)
                                    .overflowInterrupt(300)
                                    .overflowInterruptFlags(1)
                                    .build()));
        }
    },

    /**
     * Malformed firmware as it is met in the field: an MCFG cut short, a GTDT whose length field lies, a table
     * with a wrong checksum, and a MADT structure of length zero. Every problem must become a diagnostic with its
     * table and offset while the rest of the platform is still read.
     */
    HOSTILE("hostile") {
        @Override
        PlatformBuilder tables() {
            byte[] mcfg = new McfgBuilder()
                    .allocation(0x40_1000_0000L, 0, 0, 0xFF)
                    .allocation(0x30_0000_0000L, 1, 0, 0x1F)
                    .build(OemIdentity.DEFAULT);
            byte[] gtdt = new GtdtBuilder().build(OemIdentity.DEFAULT);
            byte[] lyingGtdt = gtdt.clone();
            patch(lyingGtdt, 4, 0x1_0000);
            byte[] spcr = new SpcrBuilder().build(OemIdentity.DEFAULT);
            spcr[9]++;
            byte[] madt = new MadtBuilder()
                    .add(new MadtTable.Gicd(0, 0x0800_0000L, 0, 3))
                    .gicc(0, 0, 0)
                    .build(OemIdentity.DEFAULT);
            madt[44 + 1] = 0;
            TableWriter.fixChecksum(madt);
            return PlatformBuilder.create()
                    .add(new FadtBuilder().hardwareReducedArm(false))
                    .add(dsdt())
                    .addRaw(madt)
                    .addRaw(lyingGtdt)
                    .addRaw(spcr)
                    .addRaw(Arrays.copyOf(mcfg, mcfg.length - 10));
        }
    };

    /** The seed-rfc platform's ECAM window (PCI segment 0, buses 0 to 255). */
    public static final long SEED_ECAM = 0x40_1000_0000L;
    /** The seed-rfc platform's boot error region. */
    public static final long SEED_BERT = 0xFFFF_0000L;
    /** The seed-rfc platform's CoreSight PMU page (APMT). */
    public static final long SEED_APMT_PAGE = 0x2A90_0000L;
    /** The seed-rfc platform's CXL 1.1 host bridge RCRB (CEDT CHBS, 8 KiB). */
    public static final long SEED_CXL_RCRB = 0x2B00_0000L;
    /** The _UID of the seed-rfc platform's CXL host bridge and of its CHBS. */
    static final long SEED_CXL_UID = 7;
    /** The memory resource of the DSDT's platform device {@code \_SB.PWRC}. */
    public static final long DSDT_DEVICE = 0x0C10_0000L;
    /** The SystemMemory OperationRegion {@code \_SB.PWRC.PWRR} that {@code \_SB._INI} reads. */
    public static final long DSDT_OPREGION = 0x0C20_0000L;

    /** The SBSA generic watchdog: refresh and control frames and its interrupt. */
    private static final GtdtTable.Watchdog SBSA_WATCHDOG = new GtdtTable.Watchdog(0x2A44_0000L, 0x2A45_0000L, 93, 0);

    private final String id;

    Preset(String id) {
        this.id = id;
    }

    /** The preset's stable id, as users name it: {@code qemu-virt}, {@code server-ras}, ... */
    public String id() {
        return id;
    }

    /** The preset's tables, read back as a firmware image (RSDP and XSDT included). */
    public FirmwareImage image() {
        return tables().build().image();
    }

    /**
     * What ACPI does not say about the preset (versions, SMMU mode, DMA): the defaults of a bare dump unless the
     * preset documents otherwise.
     */
    public PlatformDescriptor descriptor() {
        return PlatformDescriptor.DEFAULT;
    }

    /** The preset as a platform: its tables read back, its namespace loaded, its descriptor applied. */
    public Platform platform() {
        return new Platform(id, AcpiTables.load(image()), descriptor());
    }

    /** The preset of an id. */
    public static Preset byId(String id) {
        for (Preset p : values()) {
            if (p.id.equals(id.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new IllegalArgumentException("no preset \"" + id + "\"; known: "
                + Arrays.stream(values()).map(Preset::id).toList());
    }

    abstract PlatformBuilder tables();

    /** QEMU virt's UART, fw_cfg, first virtio-mmio transport (0x200 each), ECAM and GED event selector. */
    static final long QEMU_PL011 = 0x0900_0000L;

    static final long QEMU_FW_CFG = 0x0902_0000L;
    static final long QEMU_VIRTIO_MMIO = 0x0A00_0000L;
    static final long QEMU_ECAM = 0x40_1000_0000L;
    static final long QEMU_GED = 0x0908_0000L;

    /** The tables of QEMU 7.2's virt machine (hw/arm/virt-acpi-build.c), written by the builder. */
    static PlatformBuilder qemuVirt() {
        GenericAddress uart = new GenericAddress(0, 8, 0, 1, QEMU_PL011);
        PpttBuilder pptt = new PpttBuilder().revision(2);
        PpttBuilder.Structure socket = pptt.processor(1, null, 0);
        PpttBuilder.Structure cluster = pptt.processor(0, socket, 0);
        pptt.processor(0xA, cluster, 0);
        pptt.processor(0xA, cluster, 1);
        IortBuilder iort = new IortBuilder().revision(3);
        IortBuilder.Node its = iort.itsGroup(0);
        iort.rootComplex(0)
                .set("cacheCoherency", 1)
                .set("memoryAccessFlags", 3)
                .set("memoryAddressSizeLimit", 0x40)
                .mapping(0, 0xFFFF, 0, its, 0);
        return PlatformBuilder.create()
                .add(new FadtBuilder().hardwareReducedArm(false).set("hypervisorVendorIdentity", 0x554D4551L))
                .add(qemuVirtDsdt())
                // QEMU's redistributor region: 123 frames of 128 KiB (VIRT_GIC_REDIST, 0xF60000 bytes).
                .add(new MadtBuilder()
                        .revision(4)
                        .add(new MadtTable.Gicd(0, 0x0800_0000L, 0, 3))
                        .gicc(0, 0x0, 0)
                        .gicc(1, 0x1, 0)
                        .add(new MadtTable.Gicr(0x080A_0000L, 0xF6_0000L))
                        .add(new MadtTable.GicIts(0, 0x0808_0000L)))
                .add(genericTimers().revision(2))
                .add(new SpcrBuilder()
                        .revision(2)
                        .set("interfaceType", 3)
                        .baseAddress(uart)
                        .set("interruptType", 8)
                        .set("gsiv", 0x21)
                        .set("configuredBaudRate", 3)
                        .set("stopBits", 1)
                        .set("flowControl", 2)
                        .set("pciDeviceId", 0xFFFF)
                        .set("pciVendorId", 0xFFFF))
                .add(new Dbg2Builder()
                        .device(0x8000, 0x0003, "COM0", new byte[0], new Dbg2Table.Register(uart, 0x1000)))
                .add(new McfgBuilder().allocation(QEMU_ECAM, 0, 0, 0xFF))
                .add(pptt)
                .add(iort);
    }

    /**
     * QEMU virt's DSDT: the two CPUs, COM0 (PL011), FWCF (fw_cfg), VR00 to VR31 (virtio-mmio), PCI0 (ECAM host
     * bridge with its _PRT over four interrupt links, _CBA, _CRS windows and the ECAM reserved by RES0), GED
     * (ACPI0013: _EVT reads the event selector and notifies PWRB) and PWRB. QEMU's _STR, _OSC and _DSM of PCI0 touch
     * no memory and are left out.
     */
    static DefinitionBlockBuilder qemuVirtDsdt() {
        return DefinitionBlockBuilder.dsdt()
                .content(root -> root.scope("\\_SB", sb -> {
                    for (int cpu = 0; cpu < 2; cpu++) {
                        int uid = cpu;
                        sb.device(
                                String.format(Locale.ROOT, "C%03X", cpu),
                                d -> d.hid("ACPI0007").uid(uid));
                    }
                    sb.device(
                            "COM0",
                            d -> d.hid("ARMH0011")
                                    .uid(0)
                                    .crs(new ResourceTemplateBuilder()
                                            .memory32Fixed(true, QEMU_PL011, 0x1000)
                                            .interrupt(
                                                    Usage.CONSUMER,
                                                    Trigger.LEVEL,
                                                    Polarity.ACTIVE_HIGH,
                                                    Sharing.EXCLUSIVE,
                                                    0x21)
                                            .build()));
                    sb.device(
                            "FWCF",
                            d -> d.hid("QEMU0002")
                                    .name("_STA", AmlTerm.integer(0x0B))
                                    .name("_CCA", AmlTerm.integer(1))
                                    .crs(new ResourceTemplateBuilder()
                                            .memory32Fixed(true, QEMU_FW_CFG, 0x18)
                                            .build()));
                    for (int i = 0; i < 32; i++) {
                        int n = i;
                        sb.device(
                                String.format(Locale.ROOT, "VR%02d", i),
                                d -> d.hid("LNRO0005")
                                        .uid(n)
                                        .name("_CCA", AmlTerm.integer(1))
                                        .crs(new ResourceTemplateBuilder()
                                                .memory32Fixed(true, QEMU_VIRTIO_MMIO + 0x200L * n, 0x200)
                                                .interrupt(
                                                        Usage.CONSUMER,
                                                        Trigger.LEVEL,
                                                        Polarity.ACTIVE_HIGH,
                                                        Sharing.EXCLUSIVE,
                                                        0x30 + n)
                                                .build()));
                    }
                    sb.device("PCI0", QemuVirtPci::pci0);
                    sb.device(
                            "GED_",
                            d -> d.hid("ACPI0013")
                                    .name("_UID", AmlTerm.string("GED"))
                                    .crs(new ResourceTemplateBuilder()
                                            .interrupt(
                                                    Usage.CONSUMER,
                                                    Trigger.EDGE,
                                                    Polarity.ACTIVE_HIGH,
                                                    Sharing.EXCLUSIVE,
                                                    0x29)
                                            .build())
                                    .operationRegion(
                                            "EREG",
                                            AddressSpace.SYSTEM_MEMORY,
                                            AmlTerm.integer(QEMU_GED),
                                            AmlTerm.integer(4))
                                    .field(
                                            "EREG",
                                            FieldAccessType.DWORD,
                                            false,
                                            FieldUpdateRule.WRITE_AS_ZEROS,
                                            u -> u.unit("ESEL", 32))
                                    .method(
                                            "_EVT",
                                            1,
                                            true,
                                            m -> m.store(AmlTerm.name("ESEL"), new AmlTerm.Local(0))
                                                    .ifThen(
                                                            AmlTerm.op(
                                                                    AmlOpcode.LEQUAL,
                                                                    AmlTerm.op(
                                                                            AmlOpcode.AND,
                                                                            new AmlTerm.Local(0),
                                                                            AmlTerm.integer(2),
                                                                            new AmlTerm.NoTarget()),
                                                                    AmlTerm.integer(2)),
                                                            t -> t.term(AmlTerm.op(
                                                                    AmlOpcode.NOTIFY,
                                                                    AmlTerm.name("\\_SB.PWRB"),
                                                                    AmlTerm.integer(0x80))))));
                    sb.device("PWRB", d -> d.hid("PNP0C0C").uid(0));
                }));
    }

    /** FADT, DSDT, MADT, GTDT and SPCR of a GICv3 virt-like machine. */
    static PlatformBuilder core() {
        GtdtTable.Timer none = new GtdtTable.Timer(0, 0);
        return PlatformBuilder.create()
                .add(new FadtBuilder().hardwareReducedArm(false))
                .add(dsdt())
                .add(gicV3())
                .add(genericTimers()
                        .add(new GtdtTable.GtBlock(
                                0x2A81_0000L,
                                1,
                                20,
                                List.of(new GtdtTable.GtFrame(
                                        0, 0x2A82_0000L, GtdtTable.NOT_PROVIDED, new GtdtTable.Timer(58, 0), none, 0))))
                        .add(SBSA_WATCHDOG))
                .add(pl011());
    }

    /** A MADT with a GICv3 distributor, two CPU interfaces, a redistributor range and an ITS. */
    static MadtBuilder gicV3() {
        return new MadtBuilder()
                .add(new MadtTable.Gicd(0, 0x0800_0000L, 0, 3))
                .gicc(0, 0x0, 0)
                .gicc(1, 0x1, 0)
                .add(new MadtTable.Gicr(0x080A_0000L, 0x40000))
                .add(new MadtTable.GicIts(0, 0x0808_0000L));
    }

    /** A GTDT with the architected per-CPU timers' interrupts and no platform timer yet. */
    static GtdtBuilder genericTimers() {
        GtdtTable.Timer none = new GtdtTable.Timer(0, 0);
        return new GtdtBuilder()
                .timers(
                        new GtdtTable.Timer(29, 0),
                        new GtdtTable.Timer(30, 0),
                        new GtdtTable.Timer(27, 0),
                        new GtdtTable.Timer(26, 0),
                        none);
    }

    /** An SPCR naming a PL011 UART at QEMU virt's address. */
    static SpcrBuilder pl011() {
        return new SpcrBuilder().baseAddress(GenericAddress.memory(0x0900_0000L, 32));
    }

    /**
     * An IORT with an ITS group, an SMMUv3 and a PCI root complex behind it; from revision 5 (E.d) it also has a
     * reserved memory range node for a stream the SMMU must keep mapped.
     */
    static IortBuilder smmuIort(int revision) {
        IortBuilder iort = new IortBuilder().revision(revision);
        IortBuilder.Node its = iort.itsGroup(0);
        IortBuilder.Node smmu = iort.smmuV3(0x0905_0000L)
                .set("eventGsiv", 106)
                .set("gerrGsiv", 107)
                .set("syncGsiv", 108)
                .mapping(0, 0xFFFF, 0, its, 0);
        iort.rootComplex(0).set("cacheCoherency", 1).mapping(0, 0xFFFF, 0, smmu, 0);
        if (revision >= 5) {
            iort.rmr(1).range(0xC000_0000L, 0x10_0000L).mapping(0x10, 1, 0x10, smmu, 1);
        }
        return iort;
    }

    /**
     * A DSDT with one platform device whose {@code _CRS} has a memory range, and a SystemMemory
     * OperationRegion that {@code \_SB._INI} reads while Linux initializes the namespace.
     */
    static DefinitionBlockBuilder dsdt() {
        return dsdt(sb -> {});
    }

    /** The DSDT of {@link #dsdt()} with more content in {@code \_SB}. */
    static DefinitionBlockBuilder dsdt(java.util.function.Consumer<TermListBuilder> more) {
        byte[] crs = new ResourceTemplateBuilder()
                .memory32Fixed(true, DSDT_DEVICE, 0x1000)
                .build();
        return DefinitionBlockBuilder.dsdt()
                .content(root -> root.scope(
                        "\\_SB",
                        sb -> more.accept(sb.device(
                                        "PWRC",
                                        dev -> dev.hid("XACP0001")
                                                .uid(0)
                                                .crs(crs)
                                                .operationRegion(
                                                        "PWRR",
                                                        AddressSpace.SYSTEM_MEMORY,
                                                        AmlTerm.integer(DSDT_OPREGION),
                                                        AmlTerm.integer(0x100))
                                                .field(
                                                        "PWRR",
                                                        FieldAccessType.DWORD,
                                                        false,
                                                        FieldUpdateRule.PRESERVE,
                                                        units -> units.unit("STAT", 32))
                                                .name("LAST", AmlTerm.integer(0)))
                                .method(
                                        "_INI",
                                        0,
                                        false,
                                        ini -> ini.store(
                                                AmlTerm.name("\\_SB.PWRC.STAT"), AmlTerm.name("\\_SB.PWRC.LAST"))))));
    }

    private static void patch(byte[] b, int offset, long value) {
        for (int i = 0; i < 4; i++) {
            b[offset + i] = (byte) (value >>> (8 * i));
        }
    }
}
