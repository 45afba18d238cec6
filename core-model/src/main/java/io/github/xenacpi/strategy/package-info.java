/**
 * The mapping strategies compared: the status quo (the bus notifier), Xen pre-mapping what it knows, Xen-aware
 * acpi_os_ioremap and ioremap, map on stage-2 fault, and the project's own, each as a small record of hooks.
 */
package io.github.xenacpi.strategy;
