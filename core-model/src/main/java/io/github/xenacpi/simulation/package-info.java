/**
 * Dom0's boot under Xen played through one mapping strategy: every boot event against stage-2, iomem
 * permissions and the SMMU, with an outcome per event, the costs, and a verdict.
 */
package io.github.xenacpi.simulation;
