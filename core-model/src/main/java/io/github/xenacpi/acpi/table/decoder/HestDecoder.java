package io.github.xenacpi.acpi.table.decoder;

import io.github.xenacpi.acpi.region.RegionKind;
import io.github.xenacpi.acpi.table.GenericAddress;
import io.github.xenacpi.acpi.table.HestTable;
import io.github.xenacpi.acpi.table.HestTable.AerSettings;
import io.github.xenacpi.acpi.table.HestTable.Bank;
import io.github.xenacpi.acpi.table.HestTable.ErrorSource;
import io.github.xenacpi.acpi.table.HestTable.Notification;
import io.github.xenacpi.acpi.table.TableDecoder;
import io.github.xenacpi.acpi.table.layout.DecodeContext;
import io.github.xenacpi.acpi.table.layout.Layout;
import io.github.xenacpi.acpi.table.layout.RecordLayout;
import io.github.xenacpi.acpi.table.layout.ReservedBits;
import io.github.xenacpi.acpi.table.layout.Struct;
import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes HEST. Its error source structures carry no length field: each one's size follows from its type and,
 * for the IA-32 machine check sources, its bank count, so an unknown type ends the walk. Each GHES yields a
 * {@link RegionKind#GHES_STATUS_ADDRESS} region for its error status address register and each GHESv2 also a
 * {@link RegionKind#GHES_READ_ACK} region.
 */
public final class HestDecoder implements TableDecoder<HestTable> {

    /** The body after the standard header. */
    public static final Layout BODY =
            Layout.of("HEST body").u32("errorSourceCount").build();

    /** Offset of the first error source structure. */
    public static final int SOURCES = TableHeader.SIZE + 4;

    /** The type and source id every structure starts with. */
    static final Layout PREFIX =
            Layout.of("HEST error source").u16("type").u16("sourceId").build();

    /** Type 0, IA-32 Machine Check Exception, before its banks. */
    public static final Layout MACHINE_CHECK = Layout.of("HEST IA-32 machine check")
            .u16("type")
            .u16("sourceId")
            .reserved(2)
            .u8("flags")
            .u8("enabled")
            .u32("recordsToPreallocate")
            .u32("maxSectionsPerRecord")
            .u64("globalCapabilityInitData")
            .u64("globalControlInitData")
            .u8("bankCount")
            .reserved(7)
            .build();

    /** Types 1 and 11, IA-32 Corrected and Deferred Machine Check, before their banks. */
    public static final Layout BANKED = Layout.of("HEST IA-32 corrected/deferred machine check")
            .u16("type")
            .u16("sourceId")
            .reserved(2)
            .u8("flags")
            .u8("enabled")
            .u32("recordsToPreallocate")
            .u32("maxSectionsPerRecord")
            .bytes("notification", 28)
            .u8("bankCount")
            .reserved(3)
            .build();

    /** One IA-32 machine check bank. */
    public static final Layout BANK = Layout.of("HEST machine check bank")
            .u8("bankNumber")
            .u8("clearStatusOnInit")
            .u8("statusDataFormat")
            .reserved(1)
            .u32("controlRegisterMsr")
            .u64("controlInitData")
            .u32("statusRegisterMsr")
            .u32("addressRegisterMsr")
            .u32("miscRegisterMsr")
            .build();

    /** Type 2, IA-32 Non-Maskable Interrupt. */
    public static final Layout NMI = Layout.of("HEST IA-32 NMI")
            .u16("type")
            .u16("sourceId")
            .reserved(4)
            .u32("recordsToPreallocate")
            .u32("maxSectionsPerRecord")
            .u32("maxRawDataLength")
            .build();

    /** Type 7, PCI Express Device AER; the root port and bridge structures extend it. */
    public static final Layout AER = Layout.of("HEST PCIe device AER")
            .u16("type")
            .u16("sourceId")
            .reserved(2)
            .u8("flags")
            .u8("enabled")
            .u32("recordsToPreallocate")
            .u32("maxSectionsPerRecord")
            .u32("bus")
            .u16("device")
            .u16("function")
            .u16("deviceControl")
            .reserved(2)
            .u32("uncorrectableMask")
            .u32("uncorrectableSeverity")
            .u32("correctableMask")
            .u32("advancedCapabilities")
            .build();

    /** Type 6, PCI Express Root Port AER. */
    public static final Layout AER_ROOT_PORT =
            AER.extend("HEST PCIe root port AER").u32("rootErrorCommand").build();

    /** Type 8, PCI Express/PCI-X Bridge AER. */
    public static final Layout AER_BRIDGE = AER.extend("HEST PCIe bridge AER")
            .u32("secondaryUncorrectableMask")
            .u32("secondaryUncorrectableSeverity")
            .u32("secondaryAdvancedCapabilities")
            .build();

    /** Type 9, Generic Hardware Error Source. */
    public static final Layout GHES = Layout.of("HEST GHES")
            .u16("type")
            .u16("sourceId")
            .u16("relatedSourceId")
            .u8("flags")
            .u8("enabled")
            .u32("recordsToPreallocate")
            .u32("maxSectionsPerRecord")
            .u32("maxRawDataLength")
            .gas("errorStatusAddress")
            .bytes("notification", 28)
            .u32("errorStatusBlockLength")
            .build();

    /** Type 10, Generic Hardware Error Source version 2. */
    public static final Layout GHES_V2 = GHES.extend("HEST GHESv2")
            .gas("readAckRegister")
            .u64("readAckPreserve")
            .u64("readAckWrite")
            .build();

    /** {@link #MACHINE_CHECK} bound to its record; the banks that follow are the decoder's. */
    public static final RecordLayout<HestTable.Ia32MachineCheck> MACHINE_CHECK_RECORD = RecordLayout.binder(
                    HestTable.Ia32MachineCheck.class, MACHINE_CHECK)
            .nested("common")
            .supplied("banks")
            .build();

    /** {@link #BANKED} bound to its record; the embedded notification and the banks are the decoder's. */
    public static final RecordLayout<HestTable.Ia32BankedSource> BANKED_RECORD = RecordLayout.binder(
                    HestTable.Ia32BankedSource.class, BANKED)
            .nested("common")
            .supplied("notification", "banks")
            .build();

    /** {@link #AER_ROOT_PORT} bound to its record. */
    public static final RecordLayout<HestTable.PcieRootPort> AER_ROOT_PORT_RECORD = RecordLayout.binder(
                    HestTable.PcieRootPort.class, AER_ROOT_PORT)
            .nested("common")
            .nested("aer")
            .build();

    /** {@link #AER} bound to its record. */
    public static final RecordLayout<HestTable.PcieDevice> AER_RECORD = RecordLayout.binder(
                    HestTable.PcieDevice.class, AER)
            .nested("common")
            .nested("aer")
            .build();

    /** {@link #AER_BRIDGE} bound to its record. */
    public static final RecordLayout<HestTable.PcieBridge> AER_BRIDGE_RECORD = RecordLayout.binder(
                    HestTable.PcieBridge.class, AER_BRIDGE)
            .nested("common")
            .nested("aer")
            .build();

    /** {@link #GHES} bound to its record; the embedded notification structure is the decoder's to read. */
    public static final RecordLayout<HestTable.Ghes> GHES_RECORD =
            GenericAddress.bind(HestTable.Ghes.class, GHES, "notification");

    /** {@link #GHES_V2} bound to its record; the embedded notification structure is the decoder's to read. */
    public static final RecordLayout<HestTable.GhesV2> GHES_V2_RECORD =
            GenericAddress.bind(HestTable.GhesV2.class, GHES_V2, "notification");

    /** The Hardware Error Notification Structure embedded in types 1, 9, 10 and 11. */
    public static final Layout NOTIFICATION = Layout.of("HEST notification")
            .u8("type")
            .u8("length")
            .u16("configWriteEnable")
            .u32("pollInterval")
            .u32("vector")
            .u32("pollingThresholdValue")
            .u32("pollingThresholdWindow")
            .u32("errorThresholdValue")
            .u32("errorThresholdWindow")
            .build();

    /** {@link #BANK} bound to its record: the decoder reads and the builder writes through it. */
    public static final RecordLayout<Bank> BANK_RECORD = RecordLayout.of(Bank.class, BANK);

    /** {@link #NMI} bound to its record (the type, fixed by the record, is the writer's). */
    public static final RecordLayout<HestTable.Ia32Nmi> NMI_RECORD = RecordLayout.of(HestTable.Ia32Nmi.class, NMI);

    /**
     * The AER settings bound to the fields of {@link #AER}, which the root port and bridge layouts extend, so it
     * reads and writes those too.
     */
    public static final RecordLayout<AerSettings> AER_SETTINGS_RECORD = RecordLayout.of(AerSettings.class, AER);

    /** {@link #NOTIFICATION} bound to its record. */
    public static final RecordLayout<Notification> NOTIFICATION_RECORD =
            RecordLayout.of(Notification.class, NOTIFICATION);

    /** Highest notification type ACPI 6.5 defines (11, Software Delegated Exception). */
    static final int LAST_NOTIFICATION_TYPE = 11;

    /** Configuration write enable bits 0 to 5 (ACPI 6.5 table 18.14); the others are reserved. */
    static final int CONFIG_WRITE_ENABLE_BITS = 0x3F;

    /** Types of which a HEST may hold one structure only: IA-32 MCE, CMC and NMI. */
    static final List<Integer> SINGLE_TYPES = List.of(0, 1, 2);

    /** Bytes of a Generic Error Status Block header (ACPI 6.5 table 18.11). */
    static final int STATUS_BLOCK_HEADER = 20;

    @Override
    public String signature() {
        return "HEST";
    }

    @Override
    public HestTable decode(DecodeContext ctx) {
        Struct body = ctx.read(BODY, TableHeader.SIZE, "HEST");
        long count = body.value("errorSourceCount");
        List<ErrorSource> sources = new ArrayList<>();
        Map<Integer, Integer> ids = new HashMap<>();
        int at = SOURCES;
        boolean complete = body.isComplete();
        while (complete && at < ctx.end()) {
            String path = "HEST.errorSource[" + sources.size() + "]";
            if (ctx.end() - at < PREFIX.size()) {
                ctx.error(at, "%s: %d trailing bytes are too few for an error source structure", path, ctx.end() - at);
                complete = false;
                break;
            }
            Struct prefix = ctx.read(PREFIX, at, path);
            int type = prefix.intValue("type");
            int before = sources.size();
            int size = decodeOne(ctx, type, at, path, sources);
            if (sources.size() > before) {
                Integer first = ids.putIfAbsent(prefix.intValue("sourceId"), before);
                if (first != null) {
                    ctx.warning(
                            prefix.offsetOf("sourceId"),
                            "%s: source id %d is already used by" + " HEST.errorSource[%d]",
                            path,
                            prefix.intValue("sourceId"),
                            first);
                }
            }
            if (size < 0) {
                complete = false;
                break;
            }
            at += size;
        }
        for (int type : SINGLE_TYPES) {
            long n = sources.stream().filter(e -> e.type() == type).count();
            if (n > 1) {
                ctx.error(SOURCES, "HEST: %d error sources of type %d; a HEST may hold only one", n, type);
            }
        }
        if (body.isComplete() && complete && count != sources.size()) {
            ctx.error(
                    body.offsetOf("errorSourceCount"),
                    "HEST: error source count is %d but %d error source" + " structures are present",
                    count,
                    sources.size());
        } else if (body.isComplete() && !complete && count < sources.size()) {
            ctx.error(
                    body.offsetOf("errorSourceCount"),
                    "HEST: error source count is %d but more structures"
                            + " (%d decoded before the walk stopped) are present",
                    count,
                    sources.size());
        }
        return new HestTable(ctx.header(), count, sources);
    }

    /** Decodes one structure; returns its size, or -1 when the walk cannot go on after it. */
    private static int decodeOne(DecodeContext ctx, int type, int at, String path, List<ErrorSource> out) {
        return switch (type) {
            case 0 -> machineCheck(ctx, at, path, out);
            case 1, 11 -> banked(ctx, at, path, out);
            case 2 -> nmi(ctx, at, path, out);
            case 6, 7, 8 -> aer(ctx, type, at, path, out);
            case 9, 10 -> ghes(ctx, type, at, path, out);
            default -> {
                ctx.error(
                        at,
                        "%s: unknown error source type %d at offset 0x%X; HEST structures carry no length,"
                                + " so the remaining %d bytes cannot be decoded",
                        path,
                        type,
                        at,
                        ctx.end() - at);
                yield -1;
            }
        };
    }

    /** IA-32 sources define flags bits 0 (firmware first) and 2 (GHES assist), which exclude each other. */
    private static void ia32Flags(DecodeContext ctx, Struct s, String path) {
        int flags = s.intValue("flags");
        ReservedBits.check(
                ctx,
                s.offsetOf("flags"),
                path,
                "flags",
                flags,
                HestTable.FLAG_FIRMWARE_FIRST | HestTable.FLAG_GHES_ASSIST);
        if ((flags & HestTable.FLAG_FIRMWARE_FIRST) != 0 && (flags & HestTable.FLAG_GHES_ASSIST) != 0) {
            ctx.error(
                    s.offsetOf("flags"),
                    "%s: flags 0x%X set both firmware first and GHES assist, which exclude" + " each other",
                    path,
                    flags);
        }
    }

    /** Records to preallocate and sections per record must both be at least 1. */
    private static void counts(DecodeContext ctx, Struct s, String path) {
        for (String field : new String[] {"recordsToPreallocate", "maxSectionsPerRecord"}) {
            if (s.value(field) == 0) {
                ctx.error(s.offsetOf(field), "%s: %s is 0; it must be at least 1", path, field);
            }
        }
    }

    private static int machineCheck(DecodeContext ctx, int at, String path, List<ErrorSource> out) {
        Struct s = ctx.read(MACHINE_CHECK, at, path);
        if (!s.isComplete()) {
            return -1;
        }
        ctx.checkReserved(s);
        ia32Flags(ctx, s, path);
        counts(ctx, s, path);
        List<Bank> banks = new ArrayList<>();
        boolean whole = banks(ctx, at + MACHINE_CHECK.size(), s.intValue("bankCount"), path, banks);
        out.add(MACHINE_CHECK_RECORD.read(s, banks));
        return whole ? MACHINE_CHECK.size() + banks.size() * BANK.size() : -1;
    }

    private static int banked(DecodeContext ctx, int at, String path, List<ErrorSource> out) {
        Struct s = ctx.read(BANKED, at, path);
        if (!s.isComplete()) {
            return -1;
        }
        ctx.checkReserved(s);
        ia32Flags(ctx, s, path);
        counts(ctx, s, path);
        Notification n = notification(ctx, s, path);
        List<Bank> banks = new ArrayList<>();
        boolean whole = banks(ctx, at + BANKED.size(), s.intValue("bankCount"), path, banks);
        out.add(BANKED_RECORD.read(s, n, banks));
        return whole ? BANKED.size() + banks.size() * BANK.size() : -1;
    }

    private static boolean banks(DecodeContext ctx, int at, int count, String path, List<Bank> out) {
        for (int i = 0; i < count; i++) {
            String bpath = path + ".bank[" + i + "]";
            Struct b = ctx.read(BANK, at + i * BANK.size(), bpath);
            if (!b.isComplete()) {
                return false;
            }
            ctx.checkReserved(b);
            if (b.intValue("clearStatusOnInit") > 1) {
                ctx.error(
                        b.offsetOf("clearStatusOnInit"),
                        "%s: clear status on initialization is %d; only 0 (clear)"
                                + " and 1 (do not clear) are defined",
                        bpath,
                        b.intValue("clearStatusOnInit"));
            }
            if (b.intValue("statusDataFormat") > 2) {
                ctx.error(
                        b.offsetOf("statusDataFormat"),
                        "%s: status data format is %d; only 0 (IA-32 MCA), 1"
                                + " (Intel 64 MCA) and 2 (AMD64 MCA) are defined",
                        bpath,
                        b.intValue("statusDataFormat"));
            }
            out.add(BANK_RECORD.read(b));
        }
        return true;
    }

    private static int nmi(DecodeContext ctx, int at, String path, List<ErrorSource> out) {
        Struct s = ctx.read(NMI, at, path);
        if (!s.isComplete()) {
            return -1;
        }
        ctx.checkReserved(s);
        counts(ctx, s, path);
        out.add(NMI_RECORD.read(s));
        return NMI.size();
    }

    private static int aer(DecodeContext ctx, int type, int at, String path, List<ErrorSource> out) {
        Layout layout = type == 6 ? AER_ROOT_PORT : type == 8 ? AER_BRIDGE : AER;
        Struct s = ctx.read(layout, at, path);
        if (!s.isComplete()) {
            return -1;
        }
        ctx.checkReserved(s);
        ReservedBits.check(
                ctx,
                s.offsetOf("flags"),
                path,
                "flags",
                s.intValue("flags"),
                HestTable.FLAG_FIRMWARE_FIRST | HestTable.FLAG_GLOBAL);
        counts(ctx, s, path);
        out.add(
                switch (type) {
                    case 6 -> AER_ROOT_PORT_RECORD.read(s);
                    case 8 -> AER_BRIDGE_RECORD.read(s);
                    default -> AER_RECORD.read(s);
                });
        return layout.size();
    }

    private static int ghes(DecodeContext ctx, int type, int at, String path, List<ErrorSource> out) {
        Layout layout = type == 10 ? GHES_V2 : GHES;
        Struct s = ctx.read(layout, at, path);
        if (!s.isComplete()) {
            return -1;
        }
        Notification n = notification(ctx, s, path);
        GenericAddress status = GenericAddress.read(s, "errorStatusAddress");
        boolean enabled = s.intValue("enabled") != 0;
        if (status.address() == 0) {
            if (enabled) {
                ctx.error(
                        s.offsetOf("errorStatusAddress") + 4, "%s: enabled GHES has a null error status address", path);
            }
        } else {
            GasRegisters.checkApei(ctx, status, s.offsetOf("errorStatusAddress"), path + ".errorStatusAddress");
            if (status.bitWidth() != 64) {
                ctx.warning(
                        s.offsetOf("errorStatusAddress") + 1,
                        "%s: error status address register is %d bits" + " wide; it holds a 64-bit physical address",
                        path,
                        status.bitWidth());
            }
            // ghes_new -> apei_map_generic_address: only the pointer register is mapped here; the status block
            // it points to is found at run time (ghes_read_estatus) and is not described by the table.
            GasRegisters.region(
                    ctx,
                    RegionKind.GHES_STATUS_ADDRESS,
                    status,
                    s.offsetOf("errorStatusAddress"),
                    path + ".errorStatusAddress");
        }
        long blockLength = s.value("errorStatusBlockLength");
        if (enabled && blockLength < STATUS_BLOCK_HEADER) {
            ctx.warning(
                    s.offsetOf("errorStatusBlockLength"),
                    "%s: error status block length %d is below the %d" + " bytes of its header",
                    path,
                    blockLength,
                    STATUS_BLOCK_HEADER);
        }
        if (type == 9) {
            out.add(GHES_RECORD.read(s, n));
            return layout.size();
        }
        GenericAddress ack = GenericAddress.read(s, "readAckRegister");
        if (ack.address() != 0) {
            GasRegisters.checkApei(ctx, ack, s.offsetOf("readAckRegister"), path + ".readAckRegister");
            // ghes_new (GHESv2): apei_map_generic_address(&read_ack_register).
            GasRegisters.region(
                    ctx, RegionKind.GHES_READ_ACK, ack, s.offsetOf("readAckRegister"), path + ".readAckRegister");
        } else if (enabled) {
            ctx.error(
                    s.offsetOf("readAckRegister") + 4, "%s: enabled GHESv2 has a null read acknowledge register", path);
        }
        out.add(GHES_V2_RECORD.read(s, n));
        return layout.size();
    }

    private static Notification notification(DecodeContext ctx, Struct source, String path) {
        String npath = path + ".notification";
        Struct n = ctx.read(NOTIFICATION, source.offsetOf("notification"), npath);
        Notification out = NOTIFICATION_RECORD.read(n);
        if (out.length() != NOTIFICATION.size()) {
            ctx.warning(n.offsetOf("length"), "%s: length %d, expected %d", npath, out.length(), NOTIFICATION.size());
        }
        ReservedBits.check(
                ctx,
                n.offsetOf("configWriteEnable"),
                npath,
                "configuration write enable",
                out.configWriteEnable(),
                CONFIG_WRITE_ENABLE_BITS);
        if (out.type() > LAST_NOTIFICATION_TYPE) {
            ctx.warning(
                    n.offsetOf("type"),
                    "%s: notification type %d is reserved (ACPI 6.5 defines 0 to %d)",
                    npath,
                    out.type(),
                    LAST_NOTIFICATION_TYPE);
        }
        return out;
    }
}
