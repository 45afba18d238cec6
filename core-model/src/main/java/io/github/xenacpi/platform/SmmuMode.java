package io.github.xenacpi.platform;

/** How DMA from Dom0's devices is translated; every verdict about DMA names the mode it assumed. */
public enum SmmuMode {
    /**
     * What Xen does on an ACPI boot today: it probes no SMMU ({@code iommu_hardware_setup} walks only the
     * device tree), so no stage-2 translation applies to DMA. IORT reaches Dom0 unmodified and the SMMU registers
     * are not denied, so Dom0's own SMMU driver may translate DMA with its own mappings; Xen's P2M never decides.
     */
    NONE("none"),
    /**
     * The SMMU walks Dom0's stage-2 tables ({@code IOMMU_FORCE_PT_SHARE}), as Xen does with a device tree: a
     * DMA target is reachable only when its page is in the P2M; an SMMU fault maps nothing.
     */
    SHARED("shared");

    private final String id;

    SmmuMode(String id) {
        this.id = id;
    }

    /** The identifier reports and configuration use. */
    public String id() {
        return id;
    }

    /** The mode of an identifier ({@code none}, {@code shared}). */
    public static SmmuMode of(String id) {
        for (SmmuMode m : values()) {
            if (m.id.equals(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("SMMU mode is none or shared, not \"" + id + "\"");
    }
}
