package io.github.xenacpi.dom0;

/** How a boot event reaches device memory; strategies hook some of these. */
public enum AccessApi {
    /**
     * A fixmap slot ({@code set_fixmap_io}, {@code __set_fixmap}) or another kernel page-table write that is not an
     * ioremap (GHES's {@code ioremap_page_range} into a private area before 4.15): neither a Xen-aware
     * {@code acpi_os_ioremap} nor a Xen-aware arm64 {@code ioremap} sees it.
     */
    FIXMAP,
    /** {@code acpi_os_ioremap} (through {@code acpi_os_map_iomem}/{@code acpi_os_map_memory}). */
    ACPI_OS_IOREMAP,
    /** An arm64 ioremap flavour: {@code ioremap}, {@code ioremap_cache}, {@code pci_remap_cfgspace}. */
    IOREMAP,
    /** {@code BUS_NOTIFY_ADD_DEVICE} on the platform or AMBA bus: Xen's arm-device.c maps the resources. */
    DEVICE_ADD,
    /** The CPU loads or stores through a mapping. */
    CPU_TOUCH,
    /** A device writes the address by DMA. */
    DMA
}
