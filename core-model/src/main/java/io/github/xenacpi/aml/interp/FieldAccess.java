package io.github.xenacpi.aml.interp;

import io.github.xenacpi.aml.AmlValue;
import io.github.xenacpi.aml.NamespaceNode;

/**
 * Field I/O as the evaluator, the stores and the statements see it (ACPICA's {@code exfield.c}): a field unit or
 * buffer field read or written whole, the operands of a BufferField or OperationRegion a method declares, and an
 * OperationRegion's operands. How a field splits into datums of its access width, how an IndexField or BankField
 * reaches its data, and what a datum access does ({@link AddressSpaces}) stay behind it.
 */
interface FieldAccess {

    /** The value of a field unit or buffer field: an Integer when it fits one, else a Buffer. */
    AmlValue read(NamespaceNode field, Frame f);

    /** Writes a value to a field unit or buffer field. */
    void write(NamespaceNode field, AmlValue v, Frame f);

    /** Evaluates the operands of a BufferField or OperationRegion declared in the frame's method, into the frame. */
    void declare(NamespaceNode node, Frame f);

    /**
     * The space, base and length of an OperationRegion, its operands evaluated once (in a frame of its own) on first
     * use; unresolved with the reason when they depend on state the model does not have or cannot be evaluated.
     */
    RegionState region(NamespaceNode region);
}
