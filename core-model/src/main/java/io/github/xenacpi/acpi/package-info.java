/**
 * The vocabulary every layer shares about firmware: {@link io.github.xenacpi.acpi.Diagnostic} (a problem with
 * its table and byte offset), {@link io.github.xenacpi.acpi.Severity} and the layer's exception. The bottom of
 * the layering: it imports nothing of the project.
 */
package io.github.xenacpi.acpi;
