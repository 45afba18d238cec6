package io.github.xenacpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No Java package is split across the project's jars: each package of main classes belongs to one module, so
 * the jars can become named modules and a reader finds a class by its package alone. The modules are those the
 * parent pom lists (profiles included); each one's packages are read from its {@code src/main/java}.
 */
class SplitPackageTest {

    private static final Path PARENT = Path.of("..");
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);

    @Test
    void everyPackageOfMainClassesLivesInOneModule() throws IOException {
        Map<String, Set<String>> modulesByPackage = new TreeMap<>();
        List<String> modules = modules();
        assertThat(modules).contains("core-model", "maven-plugin", "junit-extension");
        for (String module : modules) {
            for (String pkg : packages(PARENT.resolve(module).resolve("src/main/java"))) {
                modulesByPackage.computeIfAbsent(pkg, k -> new TreeSet<>()).add(module);
            }
        }
        List<String> split = new ArrayList<>();
        modulesByPackage.forEach((pkg, owners) -> {
            if (owners.size() > 1) {
                split.add(pkg + " is in " + owners);
            }
        });
        assertThat(modulesByPackage).containsKey("io.github.xenacpi.api");
        assertThat(split).isEmpty();
    }

    private static List<String> modules() throws IOException {
        Matcher m = MODULE.matcher(Files.readString(PARENT.resolve("pom.xml")));
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1).trim());
        }
        return out;
    }

    private static Set<String> packages(Path sources) throws IOException {
        Set<String> out = new TreeSet<>();
        if (!Files.isDirectory(sources)) {
            return out;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = PACKAGE.matcher(Files.readString(f));
                if (m.find()) {
                    out.add(m.group(1));
                }
            }
        }
        return out;
    }
}
