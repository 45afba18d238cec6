/**
 * Resource templates (_CRS buffers) decoded into typed descriptors: memory, address spaces, interrupts and the
 * rest of ACPI 6.5 section 6.4.
 */
package io.github.xenacpi.aml.resource;
