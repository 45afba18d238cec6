package io.github.xenacpi.acpi.table;

/**
 * One serialization (ERST) or injection (EINJ) instruction entry (ACPI 6.5 tables 18.22 and 18.30): the action
 * it belongs to, the instruction, its flags, the register it works on, and its value and mask.
 */
public record ApeiInstruction(int action, int instruction, int flags, GenericAddress register, long value, long mask) {}
