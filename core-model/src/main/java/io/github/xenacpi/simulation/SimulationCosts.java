package io.github.xenacpi.simulation;

/**
 * What a strategy cost on one platform: hypercalls Dom0 issued, stage-2 faults Xen took, 4 KiB pages mapped
 * for device memory (at build and later), the P2M's table pages and bytes at the end of boot, and an estimate
 * of the boot time added, from {@link CostModel}.
 */
public record SimulationCosts(
        long hypercalls,
        long stage2Faults,
        long pagesMapped,
        long p2mTablePages,
        long p2mTableBytes,
        long estimatedMicros) {}
