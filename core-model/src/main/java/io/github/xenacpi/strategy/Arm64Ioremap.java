package io.github.xenacpi.strategy;

import io.github.xenacpi.dom0.AccessApi;

/**
 * Option (b) of the 2017 RFC: every arm64 ioremap flavour (and so {@code acpi_os_ioremap}, which ends in
 * {@code __ioremap}) issues one hypercall for its range; fixmaps are not ioremaps and stay unhooked.
 */
public record Arm64Ioremap() implements MappingStrategy {

    @Override
    public String id() {
        return "arm64-ioremap";
    }

    @Override
    public String description() {
        return "Every arm64 ioremap call issues one XENMEM_add_to_physmap_range for its range (RFC option b).";
    }

    @Override
    public boolean hypercallOn(AccessApi api) {
        return api == AccessApi.IOREMAP || api == AccessApi.ACPI_OS_IOREMAP;
    }
}
