package io.github.xenacpi.aml.interp;

import java.util.Map;
import java.util.OptionalLong;

/**
 * What SystemMemory reads made by AML return. The interpreter never touches real memory: a read of a field in a
 * SystemMemory OperationRegion asks the model, and uses 0 when the model has no value, noting that the result
 * depends on state the model does not have (so an OperationRegion computed from it is reported unresolved, never
 * guessed). Reads in other address spaces return 0 the same way.
 */
@FunctionalInterface
public interface MemoryModel {

    /** The value at {@code address} read with an access of {@code widthBits} bits, or empty when unknown. */
    OptionalLong read(long address, int widthBits);

    /** The default model: nothing is known, every read gives 0. */
    static MemoryModel zero() {
        return (address, widthBits) -> OptionalLong.empty();
    }

    /**
     * A model that knows the values of some addresses (address of the access to its value, truncated to the
     * access width); other reads give 0 and are unknown.
     */
    static MemoryModel of(Map<Long, Long> values) {
        Map<Long, Long> copy = Map.copyOf(values);
        return (address, widthBits) -> {
            Long v = copy.get(address);
            if (v == null) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(widthBits >= 64 ? v : v & ((1L << widthBits) - 1));
        };
    }
}
