package io.github.xenacpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Package imports go one way (architecture.md): acpi, aml, platform, then xen and dom0 (siblings that do not
 * import each other), strategy, simulation, conformance, inspect (the typed inspect document), report (which
 * carries members of it), and the front ends on top.
 */
class LayeringTest {

    private static final Map<String, Integer> RANK = Map.ofEntries(
            Map.entry("acpi", 0), Map.entry("aml", 1), Map.entry("platform", 2), Map.entry("xen", 3),
            Map.entry("dom0", 3), Map.entry("strategy", 4), Map.entry("simulation", 5),
            Map.entry("conformance", 6), Map.entry("inspect", 7), Map.entry("report", 8), Map.entry("api", 9));

    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?io\\.github\\.xenacpi\\.(\\w+)",
            Pattern.MULTILINE);

    @Test
    void noPackageImportsALayerAboveItOrASibling() throws IOException {
        Path root = Path.of("src/main/java/io/github/xenacpi");
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String layer = root.relativize(f).getName(0).toString();
                Integer own = RANK.get(layer);
                if (own == null) {
                    violations.add(f + ": package " + layer + " has no place in the layering");
                    continue;
                }
                Matcher m = IMPORT.matcher(Files.readString(f));
                while (m.find()) {
                    String target = m.group(1);
                    Integer rank = RANK.get(target);
                    if (rank == null || rank > own || (rank.equals(own) && !target.equals(layer))) {
                        violations.add(f + " imports " + target);
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }
}
