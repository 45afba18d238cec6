/**
 * Writing AML: definition blocks, term lists, fields and resource templates, byte-identical to iasl for
 * every construct the builder offers.
 */
package io.github.xenacpi.platform.builder.aml;
