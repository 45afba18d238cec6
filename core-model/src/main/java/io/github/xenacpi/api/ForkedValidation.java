package io.github.xenacpi.api;

import java.io.BufferedReader;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The validate goal run in a JVM of its own, as Surefire runs tests: the build's JVM is tuned for a long life,
 * a validation is over in seconds, so the child starts with flags for a short run (C1 only, the serial collector)
 * and, where the JVM allows, with the plugin's classes from a class-data archive ({@link ClassDataArchive}). The
 * child reads the goal's parameter groups from a file, runs what the goal runs in process and reports each log
 * line, and how it ended, on its standard output ({@link ForkProtocol}). performance.md gives the figures.
 */
public final class ForkedValidation {

    /**
     * The flags the child starts with unless the build gives others: a short run's JIT and collector, and its heap
     * in transparent huge pages where the OS has them (a Linux flag, which other JVMs are told to ignore): fewer
     * page faults as the heap is first touched, about 7 % less CPU over the corpus. C1 inlines less than its
     * defaults (callees up to 20 bytes instead of 35, 5 levels deep instead of 10): in a run this short compiling is
     * about 40 % of the child's CPU ({@code -XX:+CITime}), shallower inlining makes it about 30 % cheaper, and the
     * child as a whole uses about 10 % less CPU (performance.md).
     */
    public static final String DEFAULT_ARG_LINE =
            "-XX:TieredStopAtLevel=1 -XX:C1MaxInlineSize=20 -XX:C1InlineStackLimit=5"
                    + " -XX:+UseSerialGC -XX:+IgnoreUnrecognizedVMOptions -XX:+UseTransparentHugePages";

    /** The property that turns the build's index of runs off, so that the goal validates even when nothing changed. */
    public static final String INCREMENTAL = "xenacpi.incremental";

    /** The child's exit status when it validated and the gate decided. */
    static final int EXIT_DONE = 0;
    /** The child's exit status when there was no firmware to validate. */
    static final int EXIT_NO_FIRMWARE = 3;
    /** The child's exit status when the validation failed (firmware unreadable, report not written). */
    static final int EXIT_FAILED = 4;

    /**
     * What the child validates: the goal's parameter groups, the report formats and folder, the project folder
     * (firmware and baseline paths are relative to it) and the run's time.
     */
    public record Job(
            ValidationParameters validation,
            GateParameters gate,
            ViolationPolicy policy,
            List<String> formats,
            Path reportDirectory,
            Path baseDir,
            Instant time) {

        public Job {
            Objects.requireNonNull(validation, "validation");
            Objects.requireNonNull(gate, "gate");
            Objects.requireNonNull(policy, "policy");
            formats = formats == null
                    ? List.of()
                    : formats.stream().map(f -> f == null ? "" : f).toList();
            reportDirectory = reportDirectory.toAbsolutePath().normalize();
            baseDir = baseDir.toAbsolutePath().normalize();
            Objects.requireNonNull(time, "time");
        }
    }

    /**
     * How to start the child: the {@code java} launcher, the class path (the plugin's jars), the flags, the
     * folder for class-data archives and daemons (empty: none), and how long a daemon waits for the next job
     * (empty: a JVM of its own for each run, which exits when it is done; see {@link ForkDaemon}).
     */
    public record Jvm(
            Path java,
            List<Path> classPath,
            List<String> flags,
            Optional<Path> classDataFolder,
            Optional<Duration> daemonIdle) {

        public Jvm {
            Objects.requireNonNull(java, "java");
            classPath = List.copyOf(classPath);
            flags = List.copyOf(flags);
            Objects.requireNonNull(classDataFolder, "classDataFolder");
            Objects.requireNonNull(daemonIdle, "daemonIdle");
            if (daemonIdle.isPresent()
                    && (daemonIdle.get().isNegative() || daemonIdle.get().isZero())) {
                throw new IllegalArgumentException("a daemon's idle time must be positive, not " + daemonIdle.get());
            }
        }

        /** A child that runs one job and exits. */
        public Jvm(Path java, List<Path> classPath, List<String> flags, Optional<Path> classDataFolder) {
            this(java, classPath, flags, classDataFolder, Optional.empty());
        }

        /**
         * The same child kept as a daemon that serves later runs until it has waited {@code idle} for one; it
         * lives in the class-data folder, so without one there is no daemon.
         */
        public Jvm withDaemon(Duration idle) {
            return new Jvm(java, classPath, flags, classDataFolder, Optional.of(idle));
        }

        /**
         * The child a build starts with its plugin's jars and the goal's texts: this JVM's launcher, the flags of
         * {@code argLine} ({@link #flags}) and the class-data folder {@code classDataFolder} names (blank or
         * {@code null}: no archive).
         */
        public static Jvm of(List<Path> classPath, String argLine, String classDataFolder) {
            return new Jvm(
                    currentJava(),
                    classPath,
                    flags(argLine),
                    classDataFolder == null || classDataFolder.isBlank()
                            ? Optional.empty()
                            : Optional.of(Path.of(classDataFolder.trim())));
        }

        /**
         * The command line that starts the child's {@code main} in this JVM with these class-data flags and
         * arguments: the job file's path, or a daemon's.
         */
        List<String> command(List<String> archiveFlags, List<String> arguments) {
            List<String> command = new ArrayList<>();
            command.add(java.toString());
            command.addAll(flags);
            command.addAll(archiveFlags);
            command.add("-cp");
            command.add(String.join(
                    File.pathSeparator, classPath.stream().map(Path::toString).toList()));
            command.add(ForkedValidation.class.getName());
            command.addAll(arguments);
            return command;
        }

        /** The launcher of the JVM that runs this code, which a child of the same build should use too. */
        public static Path currentJava() {
            return Path.of(System.getProperty("java.home"), "bin", "java");
        }

        /** The flags of an arg line as a build gives it: words apart by white space, none when blank. */
        public static List<String> flags(String argLine) {
            return argLine == null || argLine.isBlank()
                    ? List.of()
                    : List.of(argLine.trim().split("\\s+"));
        }
    }

    /** How a forked validation ended. */
    public sealed interface Outcome {

        /** The platforms were validated and the report written; a failure is what fails the build. */
        record Validated(Optional<String> failure) implements Outcome {

            public Validated {
                Objects.requireNonNull(failure, "failure");
            }
        }

        /** No firmware was found to validate; the goal says what to do about it, as in process. */
        record NoFirmware() implements Outcome {}
    }

    private ForkedValidation() {}

    /**
     * Runs the job as the validate goal does and says what no firmware means: in the child {@code fork} describes
     * unless the front end has a check of its own ({@code ownCheck}, the project's conformance tests, which load
     * the project's classes into this JVM), else here with that check.
     *
     * @param fork     the child to start; empty: validate in this JVM
     * @param index    the build's folder of run records ({@link #run(Job, Jvm, Optional, RunLog)}); empty: none
     * @param ownCheck the front end's own check when it names one (even one it will skip); forces this JVM
     * @param missing  what to do when no platform is found
     * @return the message that fails the build, when the gate fails it
     * @throws ValidationException when the validation fails, or no firmware is found and {@code missing} fails
     */
    public static Optional<String> validate(
            Job job,
            Optional<Jvm> fork,
            Optional<Path> index,
            Optional<PlatformCheck.Provider> ownCheck,
            MissingFirmware missing,
            RunLog log)
            throws ValidationException {
        Outcome outcome = fork.isPresent() && ownCheck.isEmpty()
                ? run(job, fork.get(), index, log)
                : runHere(job, ownCheck.orElse(PlatformCheck.Provider.NONE), log);
        if (outcome instanceof Outcome.Validated validated) {
            return validated.failure();
        }
        missing.handle(job.baseDir(), log);
        return Optional.empty();
    }

    /**
     * Runs the job in a child JVM, its log lines going to {@code log} as they come.
     *
     * @throws ValidationException when the validation fails in the child, as it would in process, or when the
     *                             child cannot be started or ends without saying how
     */
    public static Outcome run(Job job, Jvm jvm, RunLog log) throws ValidationException {
        return run(job, jvm, Optional.empty(), log);
    }

    /**
     * Runs the job in a child JVM, unless {@code index} (a folder of the build's) records a run of the same
     * {@link InputFingerprint} whose report files are untouched: then the recorded run's log lines go to {@code log}
     * again and it ends as that run did, without a JVM. Each run that validates is recorded there.
     *
     * @throws ValidationException when the validation fails in the child, as it would in process, or when the
     *                             child cannot be started or ends without saying how
     */
    public static Outcome run(Job job, Jvm jvm, Optional<Path> index, RunLog log) throws ValidationException {
        Optional<ValidationIndex> runs = index.map(folder -> ValidationIndex.of(folder, job.reportDirectory()));
        Optional<String> fingerprint = runs.flatMap(r -> InputFingerprint.of(job, jvm));
        if (runs.isPresent() && fingerprint.isEmpty()) {
            log.debug("xenacpi: the firmware, baseline or plugin cannot be read, or holds more than "
                    + InputFingerprint.MAX_FILES + " files or " + (InputFingerprint.MAX_BYTES >> 20)
                    + " MiB: this run is validated and not recorded");
        }
        if (fingerprint.isPresent()) {
            Optional<List<String>> said = runs.get().lookup(fingerprint.get(), log);
            if (said.isPresent()) {
                log.info("xenacpi: firmware, settings and plugin unchanged since the last validation, whose report in "
                        + job.reportDirectory() + " stands; its log follows (-D" + INCREMENTAL
                        + "=false validates again)");
                ForkProtocol.Reader reader = new ForkProtocol.Reader(log);
                said.get().forEach(reader::line);
                return new Child(EXIT_DONE, reader).outcome();
            }
        }
        Child child = fork(job, jvm, log);
        if (fingerprint.isPresent()) {
            remember(runs.get(), fingerprint.get(), child, log);
        }
        return child.outcome();
    }

    /** Records a run that validated; forgets the last one otherwise, so that its report is not taken for this one's. */
    private static void remember(ValidationIndex runs, String fingerprint, Child child, RunLog log) {
        try {
            if (child.exit() == EXIT_DONE && child.said().ended()) {
                runs.record(fingerprint, child.said().transcript());
            } else {
                runs.forget();
            }
        } catch (IOException e) {
            log.debug("xenacpi: cannot record the run in the build's index: " + e.getMessage());
        }
    }

    private static Child fork(Job job, Jvm jvm, RunLog log) throws ValidationException {
        Path jobFile;
        try {
            // In the temporary folder: the report folder is made only when there is something to report.
            jobFile = Files.createTempFile("xenacpi-job", ".properties");
            ForkJobFile.write(job, jobFile);
        } catch (IOException e) {
            throw new ValidationException(
                    "cannot write the forked validation's settings into the temporary folder ("
                            + System.getProperty("java.io.tmpdir") + "): " + e.getMessage(),
                    e);
        }
        try {
            if (jvm.daemonIdle().isPresent() && jvm.classDataFolder().isPresent()) {
                Optional<Child> served = ForkDaemon.run(jvm, jobFile, log);
                if (served.isPresent()) {
                    return served.get();
                }
            }
            ClassDataArchive archive = ClassDataArchive.of(jvm.classPath(), jvm.classDataFolder());
            Child child = start(jvm, archive.flags(), jobFile, log);
            if (child.startFailed() && archive.used()) {
                // A JVM that refuses the archive's flags ends before main: once more without an archive.
                log.debug("xenacpi: the forked JVM did not start with a class-data archive ("
                        + String.join("; ", child.said().beforeStart()) + "); starting it without");
                archive.discardAttempt();
                child = start(jvm, List.of(), jobFile, log);
            } else {
                archive.keepAttempt(child.exit() == EXIT_DONE || child.exit() == EXIT_NO_FIRMWARE, log);
            }
            return child;
        } finally {
            try {
                Files.deleteIfExists(jobFile);
            } catch (IOException e) {
                log.debug("xenacpi: cannot delete " + jobFile + ": " + e.getMessage());
            }
        }
    }

    private static Child start(Jvm jvm, List<String> archiveFlags, Path jobFile, RunLog log)
            throws ValidationException {
        List<String> command = jvm.command(archiveFlags, List.of(jobFile.toString()));
        log.debug("xenacpi: forking " + String.join(" ", command));
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new ValidationException(
                    "cannot start a JVM for the validation (" + jvm.java() + "): " + e.getMessage()
                            + "; set xenacpi.fork=false to validate inside the build's JVM",
                    e);
        }
        ForkProtocol.Reader reader = new ForkProtocol.Reader(log);
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                reader.line(line);
            }
            int exit = process.waitFor();
            if (!reader.started()) {
                // What the JVM said before it gave up is kept for a retry; a child that never ran main shows it.
                reader.beforeStart().forEach(line -> log.debug("xenacpi: forked JVM: " + line));
            }
            return new Child(exit, reader);
        } catch (IOException e) {
            process.destroyForcibly();
            throw new ValidationException("lost the forked validation's output: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ValidationException("interrupted while the forked validation ran", e);
        }
    }

    /** A child that ended: its exit status and what it said. */
    record Child(int exit, ForkProtocol.Reader said) {

        /** The JVM ended before the child's main said anything: its flags or class path were refused. */
        boolean startFailed() {
            return exit != EXIT_DONE && !said.started();
        }

        Outcome outcome() throws ValidationException {
            if (exit == EXIT_DONE && said.ended()) {
                return new Outcome.Validated(said.failure());
            }
            if (exit == EXIT_NO_FIRMWARE) {
                return new Outcome.NoFirmware();
            }
            if (exit == EXIT_FAILED && said.error().isPresent()) {
                throw new ValidationException(said.error().get());
            }
            throw new ValidationException("the forked validation ended with status " + exit + " without a report"
                    + said.lastOther().map(l -> " (its last words: " + l + ")").orElse("")
                    + "; set xenacpi.fork=false to validate inside the build's JVM");
        }
    }

    /**
     * The child: reads the job from the file named by the one argument, validates, and exits with
     * {@link #EXIT_DONE}, {@link #EXIT_NO_FIRMWARE} or {@link #EXIT_FAILED}.
     */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals(ForkDaemon.ARGUMENT)) {
            System.exit(ForkDaemon.serve(args));
        }
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        ForkProtocol.Writer protocol = new ForkProtocol.Writer(out);
        protocol.started();
        int exit = args.length == 1
                ? job(args[0], protocol)
                : failed(protocol, new ValidationException("the forked validation takes one argument, its job file"));
        out.flush();
        System.exit(exit);
    }

    /** Runs the job of a job file, saying how it went; returns the exit status a JVM of its own ends with. */
    static int job(String jobFile, ForkProtocol.Writer protocol) {
        try {
            return child(ForkJobFile.read(Path.of(jobFile)), protocol);
        } catch (ValidationException e) {
            return failed(protocol, e);
        } catch (IOException e) {
            protocol.failed("cannot read the forked validation's settings " + jobFile + ": " + e.getMessage());
            return EXIT_FAILED;
        } catch (RuntimeException e) {
            protocol.failed(ValidationException.internalError("validating in the forked JVM", e));
            return EXIT_FAILED;
        }
    }

    private static int failed(ForkProtocol.Writer protocol, ValidationException e) {
        protocol.failed(e.getMessage());
        return EXIT_FAILED;
    }

    /** The child's part: the job in this JVM, its ending as an exit status. */
    static int child(Job job, ForkProtocol.Writer protocol) throws ValidationException {
        Outcome outcome = runHere(job, PlatformCheck.Provider.NONE, protocol);
        if (outcome instanceof Outcome.Validated validated) {
            protocol.ended(validated.failure());
            return EXIT_DONE;
        }
        return EXIT_NO_FIRMWARE;
    }

    /**
     * The same job in this JVM, as the goal runs it in process (with the project's own check, when it names one):
     * reads the gate, finds the platforms, validates, writes the report and decides.
     *
     * @throws ValidationException when the parameters, the firmware or the report folder are unusable
     */
    public static Outcome runHere(Job job, PlatformCheck.Provider check, RunLog log) throws ValidationException {
        Gate gate = job.gate().gate(job.validation(), job.baseDir());
        List<PlatformSource> platforms = job.validation().platforms(job.baseDir(), log);
        if (platforms.isEmpty()) {
            return new Outcome.NoFirmware();
        }
        Gate.Tally tally = gate.tally();
        ValidationRun.Outcome outcome = ValidationRun.execute(
                job.validation().settings(platforms, job.formats(), job.reportDirectory(), check, job.baseDir()),
                job.time(),
                log,
                tally::add);
        return new Outcome.Validated(job.policy().enforce(tally.decide(), outcome.location(), log));
    }
}
