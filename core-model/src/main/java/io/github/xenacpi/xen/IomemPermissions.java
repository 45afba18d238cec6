package io.github.xenacpi.xen;

import io.github.xenacpi.acpi.region.DescribedRegion;
import io.github.xenacpi.platform.XenVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The machine frames the hardware domain may map ({@code d->iomem_caps}), built as
 * {@code acpi_iomem_deny_access} builds them for an ACPI Dom0: every frame permitted, then the SPCR UART page
 * and the GIC's regions denied ({@code gic_iomem_deny_access}: GICv3 {@code gicv3_iomem_deny_access} denies the
 * distributor's 64 KiB and the redistributor, CPU and virtual CPU interface regions by length; GICv2
 * {@code gicv2_iomem_deny_access} denies one page for the distributor and one for the hypervisor interface),
 * each ITS's 128 KiB when Xen is built with {@code CONFIG_HAS_ITS} (4.10 on; {@code gicv3_its_deny_access} is a
 * stub returning 0 otherwise, and the option is off unless UNSUPPORTED/EXPERT options are enabled), and, before
 * {@code f25fe2452b} (4.22.0, 4.21.2, 4.20.4), one page too many after each denied region. SMMU registers and
 * RAM are not denied (Xen's own comment there still lists denying the SMMU as work to do). Immutable.
 */
public final class IomemPermissions {
    /** {@code GICV3_ITS_SIZE}: the ITS control frame and the GITS_TRANSLATER frame. */
    static final long ITS_SIZE = 128 * 1024;
    /** The GICv3 distributor frame Xen denies. */
    static final long GICD_SIZE = 64 * 1024;
    /** One 4 KiB page: what GICv2 denies for its distributor and hypervisor interface. */
    static final long PAGE = 4096;

    private final XenVersion version;
    private final List<FrameRange> denied;

    private IomemPermissions(XenVersion version, List<FrameRange> denied) {
        this.version = version;
        this.denied = List.copyOf(denied);
    }

    /** Everything permitted: the state before {@code acpi_iomem_deny_access} runs. */
    public static IomemPermissions permitAll(XenVersion version) {
        return new IomemPermissions(version, List.of());
    }

    /**
     * The permissions Xen of this version, built without {@code CONFIG_HAS_ITS} (its default), gives an ACPI Dom0
     * on a platform with these regions.
     */
    public static IomemPermissions forAcpiHardwareDomain(XenVersion version, List<DescribedRegion> regions) {
        return forAcpiHardwareDomain(version, false, regions);
    }

    /**
     * The permissions Xen of this version gives an ACPI Dom0 on a platform with these regions; {@code hasIts}
     * says whether Xen was built with {@code CONFIG_HAS_ITS}.
     */
    public static IomemPermissions forAcpiHardwareDomain(
            XenVersion version, boolean hasIts, List<DescribedRegion> regions) {
        Objects.requireNonNull(version, "version");
        boolean gicV3 = isGicV3(regions);
        List<FrameRange> out = new ArrayList<>();
        for (DescribedRegion r : regions) {
            if (!r.space().isMemory()) {
                continue;
            }
            long length = switch (r.kind()) {
                // acpi_iomem_deny_access: the UART's page only (mfn, mfn).
                case SERIAL_PORT -> 1;
                // gicv3_iomem_deny_access: PFN_UP(SZ_64K); gicv2_iomem_deny_access: iomem_deny_access(d, mfn, mfn).
                case GIC_DISTRIBUTOR -> gicV3 ? GICD_SIZE : PAGE;
                case GIC_HYP_INTERFACE -> gicV3 ? r.length() : PAGE;
                case GIC_REDISTRIBUTOR, GIC_CPU_INTERFACE, GIC_VCPU_INTERFACE -> r.length();
                // gicv3_its_deny_access (4.10, 66158be465), only with CONFIG_HAS_ITS.
                case GIC_ITS -> hasIts && version.supportsIts() ? ITS_SIZE : 0;
                default -> 0;
            };
            if (length <= 0) {
                continue;
            }
            FrameRange range = FrameRange.covering(r.base(), length);
            // Before f25fe2452b (4.22) the inclusive end was mfn + nr: one extra page after each region.
            out.add(version.denyCoversTrailingPage() ? new FrameRange(range.first(), range.last() + 1) : range);
        }
        out.sort(Comparator.comparingLong(FrameRange::first));
        return new IomemPermissions(version, merge(out));
    }

    /**
     * Whether the platform's GIC is a GICv3 (redistributors described); Xen picks gicv2 or gicv3 from the MADT and
     * only a GICv3 has redistributors.
     */
    public static boolean isGicV3(List<DescribedRegion> regions) {
        return regions.stream().anyMatch(r -> r.kind() == io.github.xenacpi.acpi.region.RegionKind.GIC_REDISTRIBUTOR);
    }

    public XenVersion version() {
        return version;
    }

    /** The denied frame ranges, sorted and merged. */
    public List<FrameRange> denied() {
        return denied;
    }

    /** Whether the hardware domain may map the frame ({@code iomem_access_permitted}). */
    public boolean isPermitted(long frame) {
        return deniedRangeHolding(frame) < 0;
    }

    /**
     * The last frame of the denied range that holds {@code frame}, a denied frame (the ranges are merged, so the
     * whole run up to it is denied).
     *
     * @throws IllegalArgumentException when the frame is permitted
     */
    public long deniedThrough(long frame) {
        int i = deniedRangeHolding(frame);
        if (i < 0) {
            throw new IllegalArgumentException("frame 0x" + Long.toHexString(frame) + " is permitted");
        }
        return denied.get(i).last();
    }

    /** The index of the denied range holding the frame, by binary search over the sorted ranges; -1 when none. */
    private int deniedRangeHolding(long frame) {
        int lo = 0;
        int hi = denied.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            FrameRange r = denied.get(mid);
            if (frame < r.first()) {
                hi = mid - 1;
            } else if (frame > r.last()) {
                lo = mid + 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /**
     * The last frame of the permitted run that holds {@code frame}, a permitted frame: the frame before the next
     * denied range, or {@link Long#MAX_VALUE} when none follows.
     */
    public long permittedThrough(long frame) {
        int lo = 0;
        int hi = denied.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (denied.get(mid).first() > frame) {
                hi = mid - 1;
            } else {
                lo = mid + 1;
            }
        }
        return lo < denied.size() ? denied.get(lo).first() - 1 : Long.MAX_VALUE;
    }

    /** Whether every frame of the range is permitted. */
    public boolean isPermitted(FrameRange range) {
        for (FrameRange r : denied) {
            if (r.first() <= range.last() && range.first() <= r.last()) {
                return false;
            }
        }
        return true;
    }

    private static List<FrameRange> merge(List<FrameRange> sorted) {
        List<FrameRange> out = new ArrayList<>();
        for (FrameRange r : sorted) {
            if (!out.isEmpty() && out.get(out.size() - 1).last() + 1 >= r.first()) {
                FrameRange prev = out.remove(out.size() - 1);
                out.add(new FrameRange(prev.first(), Math.max(prev.last(), r.last())));
            } else {
                out.add(r);
            }
        }
        return out;
    }
}
