/**
 * Bundled platforms made by the builder, each with its descriptor: the demo and acceptance scenarios.
 */
package io.github.xenacpi.platform.preset;
