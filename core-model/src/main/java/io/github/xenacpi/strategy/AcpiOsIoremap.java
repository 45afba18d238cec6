package io.github.xenacpi.strategy;

import io.github.xenacpi.dom0.AccessApi;

/** Option (a) of the 2017 RFC: a Xen-specific {@code acpi_os_ioremap} asks Xen to map before it maps. */
public record AcpiOsIoremap() implements MappingStrategy {

    @Override
    public String id() {
        return "acpi-os-ioremap";
    }

    @Override
    public String description() {
        return "Linux's acpi_os_ioremap issues XENMEM_add_to_physmap_range for its range first (RFC option a).";
    }

    @Override
    public boolean hypercallOn(AccessApi api) {
        return api == AccessApi.ACPI_OS_IOREMAP;
    }
}
