package io.github.xenacpi.acpi.region;

/** What a described range of the physical address space is for. */
public enum RegionKind {
    /** PCI Express enhanced configuration space of one MCFG allocation (1 MiB per bus). */
    ECAM,
    BOOT_ERROR_REGION,
    GHES_STATUS_ADDRESS,
    GHES_READ_ACK,
    ERST_REGISTER,
    ERST_STORAGE,
    EINJ_REGISTER,
    TPM_CRB,
    PCC_SHARED_MEMORY,
    PCC_DOORBELL,
    PCC_REGISTER,
    CNT_CONTROL,
    CNT_READ,
    GT_FRAME,
    GT_EL0_FRAME,
    WATCHDOG_CONTROL,
    WATCHDOG_REFRESH,
    SERIAL_PORT,
    DEBUG_PORT,
    GIC_DISTRIBUTOR,
    GIC_REDISTRIBUTOR,
    GIC_ITS,
    GIC_CPU_INTERFACE,
    GIC_VCPU_INTERFACE,
    GIC_HYP_INTERFACE,
    GIC_MSI_FRAME,
    SMMU,
    PMCG,
    RMR,
    MPAM_MSC,
    AEST_INTERFACE,
    APMT_PAGE,
    WDAT_REGISTER,
    SDEI_EVENT,
    FIRMWARE_PERFORMANCE_RECORD,
    BOOT_GRAPHICS_IMAGE,
    CXL_HOST_BRIDGE,
    SRAT_MEMORY,
    ACPI_TABLE,
    FACS,
    FIXED_HARDWARE_REGISTER,
    /** CNTCTLBase of a GTDT GT Block: the memory-mapped timer's control frame (4 KiB). */
    GT_BLOCK,
    /** A VIOT virtio-mmio IOMMU: the table gives only its base (length 0); its extent is in the device's _CRS. */
    VIRTIO_IOMMU,
    /** A VIOT MMIO endpoint: the table gives only its base (length 0); its extent is in the device's _CRS. */
    VIOT_ENDPOINT,
    /** The pre-boot TCG event log a TPM2 table's LASA/LAML fields describe (read by tpm_read_log_acpi). */
    TPM_EVENT_LOG,
    /** An AML OperationRegion whose space, base and length evaluate to constants (path: its namespace path). */
    OPERATION_REGION,
    /** A memory range of an enumerated device's _CRS (path: {@code \_SB.DEV0._CRS[n]}). */
    DEVICE_RESOURCE,
    /**
     * The Generic Error Status Block a GHES error status address register points to. No table describes it: its
     * address is the register's content, known only at run time, so no decoder yields this kind; Dom0's reads of
     * it are boot events of this kind placed at the register that holds the address.
     */
    GHES_STATUS_BLOCK
}
