/**
 * Address ranges that tables and AML describe: each {@link io.github.xenacpi.acpi.region.DescribedRegion} has a
 * kind, an address space, a base and length, and the exact table field it came from. What the tables say, not
 * what any consumer does with it.
 */
package io.github.xenacpi.acpi.region;
