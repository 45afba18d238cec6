package io.github.xenacpi.groundtruth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One boot of real Xen and Dom0 Linux under QEMU as the ground-truth harness recorded it ({@code groundtruth/run},
 * fixture {@code <scenario>/xen-<release>-<lazy|nolazy>.txt}): the tables Xen mapped at build, the pages Dom0's
 * hypercalls mapped, the pages mapped on a stage-2 fault with the Linux function at the faulting PC, the number
 * of hypercalls (batches entered with start_extent 0), Dom0's RAM, and, when Dom0 died, its first abort.
 */
record RecordedBoot(
        String scenario,
        String xen,
        String linux,
        boolean lazy,
        boolean complete,
        List<long[]> buildTables,
        long hypercalls,
        Map<Long, String> hypercallPages,
        Map<Long, Fault> faultPages,
        List<long[]> ram,
        List<String> upgradedTables,
        List<String> extraTables,
        Optional<Abort> abort) {

    /** A page mapped (or refused) on a Dom0 data abort, and the function Dom0 was in. */
    record Fault(long page, String state, String function) {}

    /** Dom0's first abort: the function at the PC, the kernel's message, and the callers, innermost first. */
    record Abort(String function, String message, List<String> callers) {}

    static RecordedBoot read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String scenario = "";
        String xen = "";
        String linux = "";
        boolean lazy = true;
        boolean complete = false;
        long hypercalls = 0;
        List<long[]> build = new ArrayList<>();
        Map<Long, String> hpages = new TreeMap<>();
        Map<Long, Fault> fpages = new TreeMap<>();
        List<long[]> ram = new ArrayList<>();
        List<String> upgraded = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        Abort abort = null;
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] p = line.split(" ", -1);
            switch (p[0]) {
                case "scenario" -> scenario = p[1];
                case "xen" -> xen = p[1];
                case "linux" -> linux = p[1];
                case "lazy" -> lazy = p[1].equals("on");
                case "complete" -> complete = p[1].equals("yes");
                case "build" -> {
                    if (!p[3].equals("?")) {
                        build.add(new long[] {hex(p[1]), hex(p[2])});
                    }
                }
                case "hypercalls" -> hypercalls = Long.parseLong(p[1]);
                case "hypercall-page" -> hpages.put(hex(p[1]), p[2]);
                case "fault-page" -> fpages.put(hex(p[1]), new Fault(hex(p[1]), p[2], p.length > 3 ? p[3] : "?"));
                case "ram" -> ram.add(new long[] {hex(p[1]), hex(p[2])});
                case "table-upgrade" -> upgraded.add(p[1]);
                case "extra-table" -> {
                    // A replaced entry points Dom0 at our table, but Xen still maps the host's table at build.
                    if (p[p.length - 1].equals("appended")) {
                        extra.add(p[1]);
                    }
                }
                case "abort" -> {
                    String[] parts = line.substring(6).split(" \\| ", -1);
                    abort = new Abort(
                            parts[0].trim(),
                            parts.length > 1 ? parts[1] : "",
                            parts.length > 2 && !parts[2].isBlank() ? List.of(parts[2].split(" < ")) : List.of());
                }
                default -> {
                    // build-xen, hypercall-entries, denied-page, qemu, ended: kept for people, not compared.
                }
            }
        }
        return new RecordedBoot(
                scenario,
                xen,
                linux,
                lazy,
                complete,
                build,
                hypercalls,
                hpages,
                fpages,
                ram,
                upgraded,
                extra,
                Optional.ofNullable(abort));
    }

    private static long hex(String s) {
        return Long.parseUnsignedLong(s.startsWith("0x") ? s.substring(2) : s, 16);
    }
}
