package io.github.xenacpi.api;

import static io.github.xenacpi.api.ForkedValidationTest.TIME;
import static io.github.xenacpi.api.ForkedValidationTest.jvm;
import static io.github.xenacpi.api.ForkedValidationTest.parameters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A validation daemon runs one build's job after another in one JVM, each ending as a JVM of its own would (the
 * log, the report, the decision, no firmware, a failure); a build whose daemon died starts a new one; an idle
 * daemon exits and removes its socket.
 */
class ForkDaemonTest {

    private static final GateParameters GATE = new GateParameters("error", "any", List.of());

    @AfterEach
    void noDaemonOutlivesTheTest() {
        ProcessHandle.current().children().forEach(ProcessHandle::destroyForcibly);
    }

    /**
     * The daemons this JVM started that still run: its live children, once a JVM of its own has ended (Linux does
     * not always show a child's arguments, so they are not asked).
     */
    private static List<Long> daemons() {
        return ProcessHandle.current()
                .children()
                .filter(ProcessHandle::isAlive)
                .map(ProcessHandle::pid)
                .toList();
    }

    private static ForkedValidation.Job job(Path folder, String report, String... firmware) {
        return new ForkedValidation.Job(
                parameters(firmware),
                GATE,
                ViolationPolicy.FAIL,
                List.of("json"),
                folder.resolve(report),
                folder,
                TIME);
    }

    /** The tests' JVM, kept as a daemon in the folder for the idle time given. */
    private static ForkedValidation.Jvm daemon(Path folder, Duration idle) {
        ForkedValidation.Jvm own = jvm();
        return new ForkedValidation.Jvm(own.java(), own.classPath(), own.flags(), Optional.of(folder)).withDaemon(idle);
    }

    @Test
    void oneDaemonRunsJobAfterJobAsAJvmOfItsOwnWould(@TempDir Path folder) throws Exception {
        ForkedValidation.Jvm own = jvm();
        ForkedValidation.Jvm daemon = daemon(folder.resolve("daemons"), Duration.ofSeconds(3));

        ForkedValidationTest.Lines alone = new ForkedValidationTest.Lines();
        ForkedValidation.Outcome expected = ForkedValidation.run(job(folder, "alone", "preset:qemu-virt"), own, alone);
        ForkedValidationTest.Lines first = new ForkedValidationTest.Lines();
        ForkedValidation.Outcome served = ForkedValidation.run(job(folder, "first", "preset:qemu-virt"), daemon, first);
        List<Long> started = daemons();
        ForkedValidation.Outcome again = ForkedValidation.run(
                job(folder, "again", "preset:qemu-virt"), daemon, new ForkedValidationTest.Lines());

        assertThat(started).hasSize(1);
        assertThat(daemons()).as("the second job went to the same daemon").isEqualTo(started);
        assertThat(served).isEqualTo(expected(expected, "alone", "first"));
        assertThat(again).isEqualTo(expected(expected, "alone", "again"));
        assertThat(first.lines)
                .isEqualTo(alone.lines.stream()
                        .map(l -> l.replace("alone", "first"))
                        .toList());
        assertThat(Files.readString(folder.resolve("first/report.json")))
                .isEqualTo(Files.readString(folder.resolve("alone/report.json")));
        assertThat(ForkedValidation.run(job(folder, "none", ""), daemon, new ForkedValidationTest.Lines()))
                .isEqualTo(new ForkedValidation.Outcome.NoFirmware());
        assertThatThrownBy(() -> ForkedValidation.run(
                        job(folder, "missing", "no-such-dump.txt"), daemon, new ForkedValidationTest.Lines()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("no-such-dump.txt");
        assertThat(daemons()).isEqualTo(started);

        Path socket = folder.resolve("daemons/" + ForkDaemon.FOLDER + "/daemon-" + ForkDaemon.key(daemon) + ".sock");
        assertThat(socket).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent())))
                .as("only the user who runs the builds reaches the daemon")
                .isEqualTo("rwx------");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!daemons().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(daemons()).as("an idle daemon exits").isEmpty();
        assertThat(socket).as("and removes its socket").doesNotExist();
    }

    private static ForkedValidation.Outcome expected(ForkedValidation.Outcome outcome, String from, String to) {
        ForkedValidation.Outcome.Validated v = (ForkedValidation.Outcome.Validated) outcome;
        return new ForkedValidation.Outcome.Validated(v.failure().map(f -> f.replace(from, to)));
    }

    @Test
    void aBuildWhoseDaemonDiedStartsAnother(@TempDir Path folder) throws Exception {
        ForkedValidation.Jvm daemon = daemon(folder.resolve("daemons"), Duration.ofSeconds(30));
        ForkedValidation.run(job(folder, "first", "preset:qemu-virt"), daemon, new ForkedValidationTest.Lines());
        List<Long> first = daemons();
        assertThat(first).hasSize(1);
        ProcessHandle dead = ProcessHandle.of(first.get(0)).orElseThrow();
        dead.destroyForcibly();
        dead.onExit().get();
        Path socket = folder.resolve("daemons/" + ForkDaemon.FOLDER + "/daemon-" + ForkDaemon.key(daemon) + ".sock");
        assertThat(socket).as("a killed daemon leaves its socket").exists();

        ForkedValidation.Outcome outcome = ForkedValidation.run(
                job(folder, "second", "preset:qemu-virt"), daemon, new ForkedValidationTest.Lines());

        assertThat(outcome).isInstanceOf(ForkedValidation.Outcome.Validated.class);
        assertThat(folder.resolve("second/report.json")).exists();
        assertThat(daemons()).hasSize(1).doesNotContainAnyElementsOf(first);
    }

    @Test
    void aFolderTooDeepForASocketMeansAJvmOfItsOwn(@TempDir Path folder) throws ValidationException {
        Path deep = folder.resolve("d".repeat(ForkDaemon.MAX_SOCKET_PATH));
        ForkedValidationTest.Lines lines = new ForkedValidationTest.Lines();

        ForkedValidation.Outcome outcome =
                ForkedValidation.run(job(folder, "r", "preset:qemu-virt"), daemon(deep, Duration.ofSeconds(5)), lines);

        assertThat(outcome).isInstanceOf(ForkedValidation.Outcome.Validated.class);
        assertThat(daemons()).isEmpty();
        assertThat(lines.lines)
                .anySatisfy(l -> assertThat(l)
                        .startsWith("WARN xenacpi: no validation daemon")
                        .contains("set xenacpi.classDataFolder to a shorter folder"));
    }

    @Test
    void aDaemonNeedsAFolderAndAPositiveIdleTime(@TempDir Path folder) throws ValidationException {
        ForkedValidation.Jvm own = jvm();
        assertThatThrownBy(() -> own.withDaemon(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("idle time must be positive");
        assertThat(own.classDataFolder()).isEmpty();
        assertThat(ForkedValidation.run(
                        job(folder, "r", "preset:qemu-virt"),
                        own.withDaemon(Duration.ofSeconds(5)),
                        new ForkedValidationTest.Lines()))
                .isInstanceOf(ForkedValidation.Outcome.Validated.class);
        assertThat(daemons()).as("without a folder, a JVM of its own").isEmpty();
    }
}
