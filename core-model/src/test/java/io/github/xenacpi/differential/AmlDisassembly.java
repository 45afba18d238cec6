package io.github.xenacpi.differential;

import io.github.xenacpi.acpi.source.RawTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One definition block disassembled by {@code iasl -e <the other blocks> -d <block>}, so that calls to methods
 * of the other tables parse with the right argument counts: the ASL listing, or why iasl gave none (a crash, a
 * refusal such as AE_ALREADY_EXISTS, a timeout).
 */
record AmlDisassembly(String table, String asl, Optional<String> refusal) {

    /** Disassembles {@code target} with {@code others} as external tables, working in {@code dir}. */
    static AmlDisassembly of(RawTable target, List<RawTable> others, Path dir)
            throws IOException, InterruptedException {
        Path input = write(dir, target);
        List<String> command = new ArrayList<>(List.of("iasl"));
        if (!others.isEmpty()) {
            command.add("-e");
            for (RawTable o : others) {
                command.add(write(dir, o).getFileName().toString());
            }
        }
        command.add("-d");
        command.add(input.getFileName().toString());
        Path log = dir.resolve(fileName(target) + ".console.txt");
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean finished = p.waitFor(IaslListing.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        String console = Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
        Path dsl = dir.resolve(fileName(target).replace(".dat", ".dsl"));
        String asl = Files.exists(dsl) ? Files.readString(dsl, StandardCharsets.ISO_8859_1) : "";
        String label = target.label();
        if (!finished) {
            return new AmlDisassembly(
                    label,
                    asl,
                    Optional.of("iasl did not finish within " + IaslListing.TIMEOUT.toSeconds() + " s on " + label));
        }
        if (console.contains("AE_ALREADY_EXISTS")) {
            return new AmlDisassembly(
                    label,
                    asl,
                    Optional.of("iasl -e refuses " + label + " with AE_ALREADY_EXISTS: "
                            + firstLineWith(console, "AE_ALREADY_EXISTS")));
        }
        if (p.exitValue() != 0) {
            String why = p.exitValue() == 139 ? " (it crashed: segmentation fault)" : "";
            return new AmlDisassembly(
                    label,
                    asl,
                    Optional.of(
                            "iasl exited with status " + p.exitValue() + why + " on " + label + complaint(console)));
        }
        if (asl.isEmpty()) {
            return new AmlDisassembly(label, asl, Optional.of("iasl wrote no listing for " + label));
        }
        return new AmlDisassembly(label, asl, Optional.empty());
    }

    private static Path write(Path dir, RawTable t) throws IOException {
        Path file = dir.resolve(fileName(t));
        if (!Files.exists(file)) {
            Files.write(file, t.bytes());
        }
        return file;
    }

    private static String fileName(RawTable t) {
        return t.signature().toLowerCase(Locale.ROOT) + t.instance() + ".dat";
    }

    /** iasl's first complaint on its console (such as "Table [SSDT] is too long for file"), if it printed one. */
    private static String complaint(String console) {
        return console.lines()
                .filter(l -> l.contains("rror")
                        || l.contains("too long")
                        || l.contains("Could not")
                        || l.contains("Invalid"))
                .findFirst()
                .map(l -> ": " + l.strip())
                .orElse("");
    }

    private static String firstLineWith(String text, String what) {
        return text.lines()
                .filter(l -> l.contains(what))
                .findFirst()
                .orElse(what)
                .strip();
    }
}
