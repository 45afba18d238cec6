package io.github.xenacpi.strategy;

/**
 * Our own: Xen maps every permitted frame outside Dom0's RAM at build, in blocks: nothing faults, nothing is
 * missed, DMA reaches everything; the price is P2M table memory.
 */
public record MapAllPermitted() implements MappingStrategy {

    @Override
    public String id() {
        return "map-all-permitted";
    }

    @Override
    public String description() {
        return "Xen maps every permitted non-RAM frame into Dom0's P2M at build, with block mappings.";
    }

    @Override
    public boolean mapsEverythingPermitted() {
        return true;
    }
}
