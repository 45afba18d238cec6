/**
 * Rules over decoded tables and simulation outcomes, each with a stable id, a severity and where it applies
 * (ACPI, SBBR, the Linux arm64 gate, Xen Dom0), and the findings they make.
 */
package io.github.xenacpi.conformance;
