package io.github.xenacpi.strategy;

/**
 * Option (c), what Xen adopted in 4.9 ({@code 80f9c31670}): Xen maps a permitted page when Dom0's access to it
 * faults ({@code try_map_mmio}); on an older version the model backports it with the 4.16 permission check.
 */
public record StageTwoFault() implements MappingStrategy {

    @Override
    public String id() {
        return "stage2-fault";
    }

    @Override
    public String description() {
        return "Xen maps one 4 KiB page on each Dom0 stage-2 data abort to a permitted page (RFC option c).";
    }

    @Override
    public boolean mapsOnFault() {
        return true;
    }
}
