package io.github.xenacpi.dom0;

/**
 * The stages of an arm64 Linux boot in the order they run ({@code init/main.c} {@code start_kernel}:
 * {@code setup_arch}, ..., {@code time_init}, ..., {@code acpi_early_init}, then the initcall levels): Xen's bus
 * notifiers exist only
 * from {@link #ARCH_INITCALL} on, so devices added earlier are never seen by them.
 */
public enum BootStage {
    /** {@code setup_arch}: {@code acpi_boot_table_init}, SPCR earlycon, GIC init. */
    SETUP_ARCH,
    /** {@code time_init}: TIMER_ACPI_DECLARE ({@code start_kernel} calls it before {@code acpi_early_init}). */
    TIME_INIT,
    /** {@code acpi_early_init}: namespace load, module-level AML. */
    ACPI_EARLY_INIT,
    POSTCORE_INITCALL,
    /** Xen's platform, AMBA and PCI notifiers are registered here. */
    ARCH_INITCALL,
    /** {@code acpi_init}: IORT, HEST devices, {@code acpi_scan_init}, PCI roots. */
    SUBSYS_INITCALL,
    FS_INITCALL,
    DEVICE_INITCALL,
    LATE_INITCALL,
    /** After boot: error handling, pstore, injections, mailbox traffic. */
    RUNTIME;

    /** Whether Xen's bus notifiers already run at this stage. */
    public boolean notifiersRegistered() {
        return compareTo(ARCH_INITCALL) >= 0;
    }
}
