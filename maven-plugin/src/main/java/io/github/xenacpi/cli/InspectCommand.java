package io.github.xenacpi.cli;

import io.github.xenacpi.api.Firmware;
import io.github.xenacpi.api.Inspection;
import io.github.xenacpi.api.Overrides;
import io.github.xenacpi.api.PlatformSource;
import io.github.xenacpi.api.ValidationException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * {@code InspectCommand [PATH | --preset ID] [--json FILE] [--report DIR]}: reads the ACPI tables at PATH (an
 * acpidump text file, a folder of binary tables, one table file), prints every table, every described region and
 * every diagnostic, and writes the {@code xenacpi-inspect/1} JSON document (by default to
 * {@code target/xenacpi/inspect.json}); with {@code --report} it also writes the conformance report into DIR.
 * Without PATH it inspects the {@code qemu-virt} preset. The work is the core's {@link Inspection}; this class
 * only reads arguments and prints. Exit status: 0 done, 2 unusable arguments or input, 1 an internal error (one
 * line on standard error either way, never a stack trace).
 */
public final class InspectCommand {

    static final int OK = 0;
    static final int INTERNAL_ERROR = 1;
    static final int UNUSABLE = 2;

    private static final String USAGE = "usage: InspectCommand [PATH | --preset ID] [--json FILE] [--report DIR]";

    /** The parsed arguments. */
    private record Arguments(PlatformSource source, boolean defaulted, Path json, Path report) {}

    /** An argument error: the message, and whether it is a request for help. */
    private static final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;

        Unusable(String message) {
            super(message);
        }
    }

    public static void main(String[] args) {
        int status = new InspectCommand().run(args, System.out, System.err);
        if (status != OK) {
            System.exit(status);
        }
    }

    /** Runs the command; returns the exit status. A bug of ours is one line on {@code err}, status 1. */
    public int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 1 && (args[0].equals("-h") || args[0].equals("--help"))) {
                out.println(USAGE);
                return OK;
            }
            Arguments a = parse(args);
            if (a.defaulted()) {
                out.println("No PATH given: inspecting the built-in preset "
                        + a.source().name() + ", made by the table builder (presets: " + Firmware.presetIds() + ").");
            }
            Inspection inspection = Inspection.of(a.source(), Overrides.NONE);
            inspection.text().forEach(out::println);
            out.println(Inspection.jsonWritten(inspection.writeJson(a.json())));
            if (a.report() != null) {
                for (Path written : inspection.writeReport(a.report(), Instant.now())) {
                    out.println("Report written to " + written.toAbsolutePath().normalize());
                }
            }
            return OK;
        } catch (Unusable | ValidationException e) {
            err.println("xenacpi inspect: " + e.getMessage());
            return UNUSABLE;
        } catch (RuntimeException e) {
            err.println("xenacpi inspect: " + ValidationException.internalError("inspecting", e));
            return INTERNAL_ERROR;
        }
    }

    private static Arguments parse(String[] args) throws Unusable, ValidationException {
        PlatformSource source = null;
        Path input = null;
        Path json = Inspection.DEFAULT_JSON;
        Path report = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--json" -> json = Path.of(value(args, ++i, "--json needs a file name"));
                case "--report" -> report = Path.of(value(args, ++i, "--report needs a folder"));
                case "--preset" -> {
                    String id = value(args, ++i, "--preset needs an id");
                    source = once(source, a, Firmware.preset(id));
                }
                default -> {
                    if (a.startsWith("-")) {
                        throw new Unusable("unexpected argument '" + a + "'; " + USAGE);
                    }
                    input = Path.of(a);
                    source = once(source, a, PlatformSource.at(input));
                }
            }
        }
        if (input != null && !Files.exists(input)) {
            throw new Unusable(input + ": no such file or folder");
        }
        boolean defaulted = source == null;
        return new Arguments(defaulted ? Firmware.defaultPreset() : source, defaulted, json, report);
    }

    private static String value(String[] args, int i, String missing) throws Unusable {
        if (i >= args.length) {
            throw new Unusable(missing + "; " + USAGE);
        }
        return args[i];
    }

    private static PlatformSource once(PlatformSource before, String arg, PlatformSource now) throws Unusable {
        if (before != null) {
            throw new Unusable("unexpected argument '" + arg + "'; " + USAGE);
        }
        return now;
    }
}
