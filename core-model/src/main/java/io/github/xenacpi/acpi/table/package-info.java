/**
 * Decoding raw tables into typed records: the declarative framework (layouts, bounded decode contexts,
 * subtable walkers, header framing), one decoder per signature, and the records and regions they yield.
 */
package io.github.xenacpi.acpi.table;
