package io.github.xenacpi.acpi.table;

import io.github.xenacpi.acpi.table.layout.TableHeader;
import java.util.List;

/**
 * The System Locality Information Table (ACPI 6.5 section 5.2.17): the relative distance between every pair of
 * localities (proximity domains), 10 meaning local and 255 unreachable.
 */
public record SlitTable(TableHeader header, long localityCount, List<Integer> distances) implements AcpiTable {

    public SlitTable {
        distances = List.copyOf(distances);
    }

    /**
     * The distance from locality {@code from} to locality {@code to}; only defined when the whole matrix was
     * present ({@code distances().size() == localityCount()^2}).
     */
    public int distance(int from, int to) {
        return distances.get(Math.toIntExact(from * localityCount + to));
    }
}
