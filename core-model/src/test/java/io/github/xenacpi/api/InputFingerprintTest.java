package io.github.xenacpi.api;

import static io.github.xenacpi.api.ForkedValidationTest.TIME;
import static io.github.xenacpi.api.ForkedValidationTest.jvm;
import static io.github.xenacpi.api.ForkedValidationTest.parameters;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the fingerprint of a forked validation covers: the firmware's content (not its files' times), every setting
 * but the run's time, the baseline; not the JVM's flags. A tree too large to read at every build has none.
 */
class InputFingerprintTest {

    @TempDir
    Path folder;

    ForkedValidation.Job job(String failOn, Instant time) {
        return new ForkedValidation.Job(
                parameters("board"),
                new GateParameters(failOn, "any", List.of()),
                ViolationPolicy.WARN,
                List.of(),
                folder.resolve("report"),
                folder,
                time);
    }

    Optional<String> of(ForkedValidation.Job job) {
        return InputFingerprint.of(job, jvm());
    }

    @Test
    void contentCountsTimesDoNot() throws IOException {
        Path table = Files.createDirectories(folder.resolve("board")).resolve("dsdt.dat");
        Files.write(table, new byte[] {1, 2, 3});
        Optional<String> first = of(job("error", TIME));
        assertThat(first).isPresent();

        Files.setLastModifiedTime(table, FileTime.fromMillis(0));
        assertThat(of(job("error", TIME.plusSeconds(60))))
                .as("touched, another run time")
                .isEqualTo(first);

        Files.write(table, new byte[] {1, 2, 4});
        assertThat(of(job("error", TIME))).as("one byte changed").isNotEqualTo(first);
        Files.write(table, new byte[] {1, 2, 3});
        assertThat(of(job("error", TIME))).isEqualTo(first);

        Files.writeString(folder.resolve("board/notes.txt"), "a file added");
        assertThat(of(job("error", TIME))).as("a file added").isNotEqualTo(first);
        Files.delete(folder.resolve("board/notes.txt"));

        assertThat(of(job("warning", TIME))).as("a setting").isNotEqualTo(first);
        Files.writeString(folder.resolve(Baseline.DEFAULT_FILE), "{}");
        assertThat(of(job("error", TIME))).as("a baseline").isNotEqualTo(first);
    }

    @Test
    void theJvmsFlagsDoNotCount() throws IOException {
        Files.createDirectories(folder.resolve("board"));
        ForkedValidation.Jvm other =
                new ForkedValidation.Jvm(jvm().java(), jvm().classPath(), List.of("-Xmx2g"), Optional.empty());
        assertThat(InputFingerprint.of(job("error", TIME), other)).isEqualTo(of(job("error", TIME)));
    }

    @Test
    void aTreeBeyondTheLimitsHasNoFingerprint() throws IOException {
        ForkedValidation.Jvm bare = new ForkedValidation.Jvm(jvm().java(), List.of(), List.of(), Optional.empty());
        Path board = Files.createDirectories(folder.resolve("board"));
        Files.write(board.resolve("dsdt.dat"), new byte[64]);
        assertThat(InputFingerprint.of(job("error", TIME), bare, 20, 100)).isPresent();
        assertThat(InputFingerprint.of(job("error", TIME), bare, 20, 63))
                .as("bytes")
                .isEmpty();
        // Folders count towards the walk's limit as files do: a tree cut short would be fingerprinted in part.
        for (int i = 0; i < 20; i++) {
            Files.createDirectory(board.resolve("d" + i));
        }
        assertThat(InputFingerprint.of(job("error", TIME), bare, 20, 100))
                .as("entries")
                .isEmpty();
    }
}
