/**
 * The Xen model: stage-2 (P2M) tables and their geometry, iomem permissions of an ACPI hardware domain, the
 * hypervisor's hypercall and abort handling per version, the SMMU, and the tables Xen rewrites for Dom0.
 */
package io.github.xenacpi.xen;
