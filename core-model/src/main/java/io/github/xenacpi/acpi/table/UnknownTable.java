package io.github.xenacpi.acpi.table;

import io.github.xenacpi.acpi.table.layout.TableHeader;

/**
 * A table whose signature no decoder knows (a newer table, an OEM table, a DSDT or SSDT before AML loading):
 * only its header is decoded; its bytes stay available in the {@link LoadedTable}.
 */
public record UnknownTable(TableHeader header) implements AcpiTable {}
