package io.github.xenacpi.xen;

/**
 * The type Xen gives a stage-2 entry (xen/arch/arm/include/asm/p2m.h, {@code p2m_type_t}); it decides the
 * stage-2 memory attribute and permissions ({@code p2m_set_permission}, {@code mfn_to_p2m_entry}).
 */
public enum P2mType {
    /** Normal RAM, read-write. */
    RAM_RW(StageTwoAttribute.NORMAL_WRITE_BACK, true),
    /** Normal RAM, read-only. */
    RAM_RO(StageTwoAttribute.NORMAL_WRITE_BACK, false),
    /** Device-nGnRE, read-write, execute-never: device-tree hardware domain devices. */
    MMIO_DIRECT_DEV(StageTwoAttribute.DEVICE_NGNRE, true),
    /** Normal non-cacheable, read-write, execute-never. */
    MMIO_DIRECT_NC(StageTwoAttribute.NORMAL_NON_CACHEABLE, true),
    /**
     * Normal write-back, read-write, execute-never: what ACPI Dom0 tables, {@code try_map_mmio} and
     * {@code XENMAPSPACE_dev_mmio} use; the Dom0 stage-1 attribute then decides.
     */
    MMIO_DIRECT_C(StageTwoAttribute.NORMAL_WRITE_BACK, true),
    /** A foreign domain's page mapped read-write (backends). */
    MAP_FOREIGN_RW(StageTwoAttribute.NORMAL_WRITE_BACK, true),
    /** A grant mapped read-write. */
    GRANT_MAP_RW(StageTwoAttribute.NORMAL_WRITE_BACK, true);

    private final StageTwoAttribute attribute;
    private final boolean writable;

    P2mType(StageTwoAttribute attribute, boolean writable) {
        this.attribute = attribute;
        this.writable = writable;
    }

    /** The stage-2 memory attribute Xen writes for this type. */
    public StageTwoAttribute attribute() {
        return attribute;
    }

    public boolean writable() {
        return writable;
    }

    /** Whether this is one of the MMIO types Dom0 device memory is mapped with. */
    public boolean isMmio() {
        return this == MMIO_DIRECT_DEV || this == MMIO_DIRECT_NC || this == MMIO_DIRECT_C;
    }

    /** Stage-2 MemAttr encodings Xen uses (MATTR_DEV, MATTR_MEM_NC, MATTR_MEM). */
    public enum StageTwoAttribute {
        DEVICE_NGNRE,
        NORMAL_NON_CACHEABLE,
        NORMAL_WRITE_BACK
    }
}
