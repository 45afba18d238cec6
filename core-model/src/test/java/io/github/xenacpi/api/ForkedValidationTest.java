package io.github.xenacpi.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validate goal in a JVM of its own says and writes what it says and writes in process: the same log lines,
 * the same report bytes, the same gate decision; the protocol survives firmware text with line breaks.
 */
class ForkedValidationTest {

    static final Instant TIME = Instant.parse("2026-01-02T03:04:05Z");

    /** A log that keeps every line but DEBUG, each with its level. */
    static final class Lines implements RunLog {
        final List<String> lines = new ArrayList<>();

        @Override
        public void info(String line) {
            lines.add("INFO " + line);
        }

        @Override
        public void warn(String line) {
            lines.add("WARN " + line);
        }

        @Override
        public void error(String line) {
            lines.add("ERROR " + line);
        }

        @Override
        public void debug(String line) {}
    }

    static ForkedValidation.Jvm jvm() {
        List<Path> classPath = Arrays.stream(
                        System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of)
                .toList();
        return new ForkedValidation.Jvm(
                ForkedValidation.Jvm.currentJava(),
                classPath,
                ForkedValidation.Jvm.flags(ForkedValidation.DEFAULT_ARG_LINE),
                Optional.empty());
    }

    static ValidationParameters parameters(String... firmware) {
        return ValidationParameters.builder().firmware(List.of(firmware)).build();
    }

    @Test
    void aForkSaysAndWritesWhatTheRunInProcessDoes(@TempDir Path folder) throws Exception {
        ValidationParameters parameters = parameters("preset:qemu-virt", "preset:hostile");
        GateParameters gateParameters = new GateParameters("error", "any", List.of());
        List<String> formats = List.of("json", "junit");

        Lines inProcess = new Lines();
        Path here = folder.resolve("here");
        Gate.Tally tally = gateParameters.gate(parameters, folder).tally();
        ValidationRun.Outcome outcome = ValidationRun.execute(
                parameters.settings(
                        parameters.platforms(folder, inProcess), formats, here, PlatformCheck.Provider.NONE, folder),
                TIME,
                inProcess,
                tally::add);
        Optional<String> failure = ViolationPolicy.FAIL.enforce(tally.decide(), outcome.location(), inProcess);

        Lines forked = new Lines();
        Path there = folder.resolve("there");
        ForkedValidation.Outcome result = ForkedValidation.run(
                new ForkedValidation.Job(
                        parameters, gateParameters, ViolationPolicy.FAIL, formats, there, folder, TIME),
                jvm(),
                forked);

        assertThat(failure).isPresent();
        assertThat(result)
                .isEqualTo(new ForkedValidation.Outcome.Validated(
                        Optional.of(failure.get().replace(here.toString(), there.toString()))));
        assertThat(forked.lines)
                .isEqualTo(inProcess.lines.stream()
                        .map(l -> l.replace(here.toString(), there.toString()))
                        .toList());
        assertThat(Files.readString(there.resolve("report.json")))
                .isEqualTo(Files.readString(here.resolve("report.json")));
        // junit.xml holds the time each suite took, which no two runs share.
        assertThat(untimed(there.resolve("junit.xml"))).isEqualTo(untimed(here.resolve("junit.xml")));
        try (var left = Files.list(there)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .as("no job file left behind")
                    .containsExactlyInAnyOrder("report.json", "junit.xml");
        }
    }

    static String untimed(Path junit) throws IOException {
        return Files.readString(junit).replaceAll(" time=\"[0-9.]+\"", "");
    }

    @Test
    void noFirmwareAndUnreadableFirmwareEndAsInProcess(@TempDir Path folder) throws Exception {
        GateParameters gate = new GateParameters("error", "any", List.of());
        assertThat(ForkedValidation.run(
                        new ForkedValidation.Job(
                                parameters(""),
                                gate,
                                ViolationPolicy.WARN,
                                List.of(),
                                folder.resolve("r"),
                                folder,
                                TIME),
                        jvm(),
                        new Lines()))
                .isEqualTo(new ForkedValidation.Outcome.NoFirmware());
        assertThat(folder.resolve("r")).as("no report folder without firmware").doesNotExist();

        String missing = "no-such-dump.txt";
        String expected;
        try {
            parameters(missing).platforms(folder, new Lines());
            throw new AssertionError("a missing firmware file must not validate");
        } catch (ValidationException e) {
            expected = e.getMessage();
        }
        assertThatThrownBy(() -> ForkedValidation.run(
                        new ForkedValidation.Job(
                                parameters(missing),
                                gate,
                                ViolationPolicy.WARN,
                                List.of(),
                                folder.resolve("r"),
                                folder,
                                TIME),
                        jvm(),
                        new Lines()))
                .isInstanceOf(ValidationException.class)
                .hasMessage(expected);
    }

    @Test
    void theJobFileGivesBackTheJob(@TempDir Path folder) throws IOException {
        ForkedValidation.Job job = new ForkedValidation.Job(
                ValidationParameters.builder()
                        .firmware(List.of("a b/ü=1:x", "preset:qemu-virt"))
                        .strategies(List.of("xen-premap,stage2-fault"))
                        .xenVersion("4.19")
                        .linuxVersion("6.1")
                        .smmu("shared")
                        .xenVersions("4.8,4.22")
                        .linuxVersions("modelled")
                        .trace(true)
                        .baseline("base line.json")
                        .build(),
                new GateParameters(
                        "warning",
                        "stage2-fault",
                        List.of(new Suppression(
                                "SBBR.TABLE.DBG2.REQUIRED", "board #1", "", "", "comes with\nthe next = release"))),
                ViolationPolicy.WARN,
                List.of("html", "json"),
                folder.resolve("r e"),
                folder,
                TIME);
        Path file = folder.resolve("job.properties");
        ForkJobFile.write(job, file);
        assertThat(ForkJobFile.read(file)).isEqualTo(job);
        ForkedValidation.Job unset = new ForkedValidation.Job(
                job.validation(),
                new GateParameters(null, null, List.of()),
                job.policy(),
                job.formats(),
                job.reportDirectory(),
                job.baseDir(),
                job.time());
        ForkJobFile.write(unset, file);
        assertThat(ForkJobFile.read(file)).isEqualTo(unset);
        Files.writeString(file, "policy=FAIL\n");
        assertThatThrownBy(() -> ForkJobFile.read(file))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not a job file of this version");
    }

    @Test
    void whatAJvmSaysBeforeMainIsKeptNotLogged() {
        Lines log = new Lines();
        ForkProtocol.Reader reader = new ForkProtocol.Reader(log);
        reader.line("Error occurred during initialization of VM");
        assertThat(log.lines).isEmpty();
        assertThat(reader.started()).isFalse();
        assertThat(reader.beforeStart()).containsExactly("Error occurred during initialization of VM");
        assertThat(reader.lastOther()).contains("Error occurred during initialization of VM");
    }

    @Test
    void aChildThatCannotStartSaysSo(@TempDir Path folder) {
        ForkedValidation.Jvm refused = new ForkedValidation.Jvm(
                ForkedValidation.Jvm.currentJava(),
                jvm().classPath(),
                List.of("-XX:+NoSuchFlagOfAnyJvm"),
                Optional.empty());
        assertThatThrownBy(() -> ForkedValidation.run(
                        new ForkedValidation.Job(
                                parameters("preset:qemu-virt"),
                                new GateParameters("error", "any", List.of()),
                                ViolationPolicy.WARN,
                                List.of(),
                                folder.resolve("r"),
                                folder,
                                TIME),
                        refused,
                        new Lines()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("without a report")
                .hasMessageContaining("xenacpi.fork=false");
    }

    @Test
    void protocolLinesCarryLineBreaksAndBackslashes() {
        Lines log = new Lines();
        ForkProtocol.Reader reader = new ForkProtocol.Reader(log);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        ForkProtocol.Writer writer =
                new ForkProtocol.Writer(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
        writer.started();
        writer.warn("board\nname \\ with\r\nbreaks\\n");
        writer.ended(Optional.of("fails\nhere"));
        bytes.toString(java.nio.charset.StandardCharsets.UTF_8).lines().forEach(reader::line);
        reader.line("OpenJDK 64-Bit Server VM warning: something");
        assertThat(log.lines)
                .containsExactly(
                        "WARN board\nname \\ with\r\nbreaks\\n",
                        "WARN xenacpi: forked JVM: OpenJDK 64-Bit Server VM warning: something");
        assertThat(reader.started()).isTrue();
        assertThat(reader.failure()).contains("fails\nhere");
    }

    @Test
    void archivesAreForJarClassPathsAndTheFourMostRecentAreKept(@TempDir Path folder) throws IOException {
        Path dir = Files.createDirectories(folder.resolve("classes"));
        Path jar = Files.writeString(folder.resolve("a.jar"), "not really a jar");
        Path cache = folder.resolve("cds");
        assertThat(ClassDataArchive.of(List.of(jar, dir), Optional.of(cache)).used())
                .as("a folder")
                .isFalse();
        assertThat(ClassDataArchive.of(List.of(jar), Optional.empty()).used())
                .as("no cache")
                .isFalse();
        ClassDataArchive first = ClassDataArchive.of(List.of(jar), Optional.of(cache));
        boolean dynamicArchives = Runtime.version().feature() >= 13
                && Files.isRegularFile(Path.of(System.getProperty("java.home"), "lib", "server", "classes.jsa"));
        assertThat(first.used()).isEqualTo(dynamicArchives);
        if (dynamicArchives) {
            assertThat(first.flags().get(0)).startsWith("-XX:ArchiveClassesAtExit=" + cache);
        }
        for (int i = 0; i < 6; i++) {
            Path archive = Files.writeString(cache.resolve("xenacpi-old" + i + ".jsa"), "x");
            Files.setLastModifiedTime(archive, FileTime.fromMillis(1_000_000L * (i + 1)));
        }
        ClassDataArchive.prune(cache);
        try (var kept = Files.list(cache)) {
            assertThat(kept.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder(
                            "xenacpi-old2.jsa", "xenacpi-old3.jsa", "xenacpi-old4.jsa", "xenacpi-old5.jsa");
        }
    }
}
