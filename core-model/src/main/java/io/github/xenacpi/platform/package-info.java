/**
 * One machine as the model sees it: decoded tables, the surveyed namespace, and what its descriptor
 * (xenacpi.json) adds: Dom0 RAM, Xen and Linux versions, SMMU mode and DMA scenarios.
 */
package io.github.xenacpi.platform;
