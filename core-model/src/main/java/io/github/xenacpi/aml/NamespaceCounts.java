package io.github.xenacpi.aml;

/**
 * How many objects of the kinds {@code iasl -d} makes easy to count were loaded from tables (predefined objects
 * are not counted): Devices, Methods, Names, OperationRegions, and all objects.
 */
public record NamespaceCounts(int devices, int methods, int names, int operationRegions, int objects) {}
