package io.github.xenacpi.xen;

import io.github.xenacpi.platform.XenVersion;
import java.util.List;
import java.util.Objects;

/**
 * Xen as the ACPI hardware domain sees it during boot: its version, Dom0's stage-2 tables, the iomem
 * permissions, the regions Xen emulates, and counters of what Dom0 cost it. It answers the two ways device
 * memory enters Dom0's P2M: the {@code XENMAPSPACE_dev_mmio} hypercall and a stage-2 data abort. Mutable,
 * one per simulation run; not thread-safe.
 */
public final class Hypervisor {
    /**
     * {@code -EINVAL}: the per-page error of a gpfn beyond Dom0's IPA space ({@code p2m_get_root_pointer} finds no
     * root, {@code __p2m_set_entry} fails, the batch goes on). An {@code INVALID_GFN} gpfn, which fails the whole
     * call, is not modelled: Linux never sends one.
     */
    public static final int EINVAL = -22;

    private final XenVersion version;
    private final StageTwoTable p2m;
    private final IomemPermissions permissions;
    private final List<FrameRange> emulated;
    private final boolean mapOnFault;
    private long hypercalls;
    private long stageTwoFaults;

    /**
     * Xen for a Dom0 whose P2M is {@code p2m} (already holding what Xen maps at build), with these
     * permissions and emulated frame ranges (vGIC distributor, redistributors, ITS).
     */
    public Hypervisor(XenVersion version, StageTwoTable p2m, IomemPermissions permissions, List<FrameRange> emulated) {
        this(version, p2m, permissions, emulated, false);
    }

    /**
     * As above; with {@code backportFaultMapping}, a version older than 4.9 maps permitted pages on fault as
     * 4.16 does (the stage-2-fault strategy evaluated on an old release).
     */
    public Hypervisor(
            XenVersion version,
            StageTwoTable p2m,
            IomemPermissions permissions,
            List<FrameRange> emulated,
            boolean backportFaultMapping) {
        this.version = Objects.requireNonNull(version, "version");
        this.mapOnFault = version.mapsMmioOnFault() || backportFaultMapping;
        this.p2m = Objects.requireNonNull(p2m, "p2m");
        this.permissions = Objects.requireNonNull(permissions, "permissions");
        this.emulated = List.copyOf(emulated);
    }

    public XenVersion version() {
        return version;
    }

    public StageTwoTable p2m() {
        return p2m;
    }

    public IomemPermissions permissions() {
        return permissions;
    }

    public long hypercalls() {
        return hypercalls;
    }

    public long stageTwoFaults() {
        return stageTwoFaults;
    }

    /**
     * {@code xenmem_add_to_physmap_batch} with {@code XENMAPSPACE_dev_mmio} for the hardware domain: one page
     * per iteration through {@code map_dev_mmio_page}, which maps a permitted page with the version's dev_mmio
     * type and silently skips a denied one; the per-page error is 0 either way and so is the overall rc.
     */
    public PhysmapResult addToPhysmapBatch(long[] idxs, long[] gpfns) {
        if (idxs.length != gpfns.length) {
            throw new IllegalArgumentException("idxs and gpfns differ in length");
        }
        hypercalls++;
        int[] errs = new int[idxs.length];
        int mapped = 0;
        int denied = 0;
        long frames = p2m.geometry().frames();
        // 5a44ff111d (4.9) relaxed dev_mmio from p2m_mmio_direct_dev to p2m_mmio_direct_c.
        P2mType type = version.devMmioIsCacheable() ? P2mType.MMIO_DIRECT_C : P2mType.MMIO_DIRECT_DEV;
        int i = 0;
        while (i < idxs.length) {
            if (gpfns[i] < 0 || gpfns[i] >= frames) {
                errs[i] = EINVAL;
                i++;
                continue;
            }
            if (!permissions.isPermitted(idxs[i])) {
                denied++;
                i++;
                continue;
            }
            // A run of consecutive permitted pages is entered as map_dev_mmio_page enters them, one 4 KiB entry
            // each, in one call.
            long through = permissions.permittedThrough(idxs[i]);
            int j = i + 1;
            while (j < idxs.length
                    && gpfns[j] == gpfns[j - 1] + 1
                    && gpfns[j] < frames
                    && idxs[j] == idxs[j - 1] + 1
                    && idxs[j] <= through) {
                j++;
            }
            p2m.map(gpfns[i], idxs[i], j - i, type, false);
            mapped += j - i;
            i = j;
        }
        return new PhysmapResult(0, errs, mapped, denied);
    }

    /**
     * {@link #addToPhysmapBatch} for the identity run {@code idxs = gpfns = [first, first + count)} that the
     * hardware domain sends (arm-device.c {@code xen_map_device_mmio}), counted rather than listed: the same P2M
     * entries, hypercall and counts, in time that grows with the denied ranges it crosses, not with {@code count}.
     */
    public PhysmapRangeResult addToPhysmapRange(long first, long count) {
        if (first < 0 || count < 0) {
            throw new IllegalArgumentException(String.format("bad frame run [0x%X, +0x%X)", first, count));
        }
        hypercalls++;
        long frames = p2m.geometry().frames();
        long valid = first >= frames ? 0 : Math.min(count, frames - first);
        P2mType type = version.devMmioIsCacheable() ? P2mType.MMIO_DIRECT_C : P2mType.MMIO_DIRECT_DEV;
        long mapped = 0;
        long denied = 0;
        long f = first;
        long end = first + valid;
        while (f < end) {
            if (permissions.isPermitted(f)) {
                long through = Math.min(end - 1, permissions.permittedThrough(f));
                p2m.map(f, f, through - f + 1, type, false);
                mapped += through - f + 1;
                f = through + 1;
            } else {
                long through = Math.min(end - 1, permissions.deniedThrough(f));
                denied += through - f + 1;
                f = through + 1;
            }
        }
        return new PhysmapRangeResult(mapped, denied, count - valid);
    }

    /**
     * A Dom0 data access to a physical address (GFN == MFN for the hardware domain). When the page is mapped
     * nothing traps; otherwise the stage-2 translation fault is resolved in the order of
     * {@code do_trap_stage2_abort_guest} for this version.
     *
     * @return {@code null} when the access did not trap, else the abort and its resolution
     */
    public StageTwoAbort dataAccess(long address) {
        long frame = address >>> StageTwoGeometry.PAGE_SHIFT;
        if (p2m.isMapped(frame)) {
            return null;
        }
        stageTwoFaults++;
        if (Long.compareUnsigned(frame, p2m.geometry().frames()) >= 0) {
            return new StageTwoAbort(
                    address,
                    AbortResolution.INJECTED,
                    "inject_dabt_exception",
                    String.format(
                            "0x%X lies beyond Dom0's %d-bit IPA space",
                            address, p2m.geometry().ipaBits()));
        }
        if (version.atLeast(XenVersion.V4_22)) {
            // 17a9070d22 (4.22): check_p2m before try_handle_mmio for every abort.
            StageTwoAbort mapped = tryMapMmio(address, frame);
            if (mapped != null) {
                return mapped;
            }
            return emulatedOrInjected(address, frame);
        }
        if (isEmulated(frame)) {
            return new StageTwoAbort(address, AbortResolution.EMULATED, "try_handle_mmio", "an emulated GIC region");
        }
        StageTwoAbort mapped = tryMapMmio(address, frame);
        return mapped != null ? mapped : inject(address, frame);
    }

    /**
     * A Dom0 data access to memory whose address only the running system knows (a GHES status block, pointed to by
     * a register): taken to be a permitted page outside Dom0's RAM that nothing has mapped, so it traps;
     * {@code try_map_mmio} (4.9 on, or a strategy that maps on fault) maps it, otherwise Xen injects the abort. The
     * page is not entered in the P2M (its frame is unknown); the fault is counted.
     *
     * @param registerAddress where the address was read from, for the report
     */
    public StageTwoAbort dataAccessAtRuntimeAddress(long registerAddress) {
        stageTwoFaults++;
        if (mapOnFault) {
            return new StageTwoAbort(
                    registerAddress,
                    AbortResolution.MAPPED_ON_FAULT,
                    "try_map_mmio",
                    "hardware domain, page assumed permitted (its address is known only at run time)");
        }
        return new StageTwoAbort(
                registerAddress,
                AbortResolution.INJECTED,
                "inject_dabt_exception",
                "Xen " + version
                        + " does not map MMIO on fault (try_map_mmio arrived in 4.9) and nothing mapped the page ahead");
    }

    private StageTwoAbort emulatedOrInjected(long address, long frame) {
        if (isEmulated(frame)) {
            return new StageTwoAbort(address, AbortResolution.EMULATED, "try_handle_mmio", "an emulated GIC region");
        }
        return inject(address, frame);
    }

    /** {@code try_map_mmio} (4.9 on, {@code 80f9c31670}): one permitted 4 KiB page as {@code p2m_mmio_direct_c}. */
    private StageTwoAbort tryMapMmio(long address, long frame) {
        if (!mapOnFault) {
            return null;
        }
        boolean permitted = permissions.isPermitted(frame)
                // 4.9-4.15 asked for [mfn, mfn + 1] (475715d65a fixed it in 4.16).
                && (!version.lazyMapChecksNextPage() || permissions.isPermitted(frame + 1));
        if (!permitted) {
            return null;
        }
        p2m.map(frame, frame, 1, P2mType.MMIO_DIRECT_C, false);
        return new StageTwoAbort(
                address, AbortResolution.MAPPED_ON_FAULT, "try_map_mmio", "hardware domain, page permitted");
    }

    private StageTwoAbort inject(long address, long frame) {
        String why;
        if (!mapOnFault) {
            why = "Xen " + version + " does not map MMIO on fault (try_map_mmio arrived in 4.9)";
        } else if (!permissions.isPermitted(frame)) {
            why = "page denied in the hardware domain's iomem permissions";
        } else {
            why = "Xen " + version + " also requires the next page to be permitted (fixed in 4.16)";
        }
        return new StageTwoAbort(address, AbortResolution.INJECTED, "inject_dabt_exception", why);
    }

    /** Whether Xen emulates the frame (vGIC distributor, redistributors, ITS). */
    public boolean isEmulated(long frame) {
        for (FrameRange r : emulated) {
            if (r.contains(frame)) {
                return true;
            }
        }
        return false;
    }
}
