package io.github.xenacpi.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConformanceTestsTest {

    /** The test class path Surefire runs this test with (test classes, classes, JUnit and its launcher). */
    private static final List<Path> CLASSPATH = Arrays.stream(
                    System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                            .split(File.pathSeparator))
            .map(Path::of)
            .toList();

    private static final List<Path> TEST_CLASSES =
            List.of(Path.of("target", "test-classes").toAbsolutePath());

    private static Map<String, Path> sources() throws Exception {
        return ConformanceTests.sources(List.of(Path.of("src", "test", "java").toAbsolutePath()));
    }

    @Test
    void runsTheMatchingTestsWithTheFirmwareParameterAndKeepsEachFailure() throws Exception {
        ConformanceTests tests =
                new ConformanceTests(CLASSPATH, TEST_CLASSES, List.of(".*FirmwareParameterFixture"), sources());

        TestRun run = tests.run("board", Path.of("/firmware/board.txt"));

        assertThat(run.run()).isEqualTo(2);
        assertThat(run.failures()).singleElement().satisfies(f -> {
            assertThat(f.className()).isEqualTo("io.github.xenacpi.api.fixtures.FirmwareParameterFixture");
            assertThat(f.displayName()).isEqualTo("failsWithAMessage(String)");
            assertThat(f.message()).startsWith("wrong board");
            assertThat(f.describe()).startsWith("FirmwareParameterFixture failsWithAMessage(String): wrong board");
        });
    }

    @Test
    void noMatchingTestIsAnError() throws Exception {
        ConformanceTests tests = new ConformanceTests(CLASSPATH, TEST_CLASSES, List.of(".*NoSuchTest"), sources());

        assertThatThrownBy(() -> tests.run("board", Path.of("board.txt")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("no test matches [.*NoSuchTest]");
    }

    @Test
    void missingTestClassesSayWhenToRunTheGoal() throws Exception {
        ConformanceTests tests =
                new ConformanceTests(CLASSPATH, List.of(Path.of("no-such-folder")), List.of(".*"), sources());

        assertThatThrownBy(() -> tests.run("board", Path.of("board.txt")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("after test-compile");
    }

    @Test
    void aClassWhoseSourceIsGoneNeverRunsFromTheOutputFolder() throws Exception {
        Map<String, Path> withoutFixture = new java.util.TreeMap<>(sources());
        withoutFixture.remove("io.github.xenacpi.api.fixtures.FirmwareParameterFixture");
        ConformanceTests tests =
                new ConformanceTests(CLASSPATH, TEST_CLASSES, List.of(".*FirmwareParameterFixture"), withoutFixture);

        assertThatThrownBy(() -> tests.run("board", Path.of("board.txt")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("no test matches");
    }

    @Test
    void aClassOlderThanItsSourceIsStaleAndNamed(@org.junit.jupiter.api.io.TempDir Path temp) throws Exception {
        Path source = java.nio.file.Files.writeString(temp.resolve("FirmwareParameterFixture.java"), "// newer");
        java.nio.file.Files.setLastModifiedTime(
                source, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        ConformanceTests tests = new ConformanceTests(
                CLASSPATH,
                TEST_CLASSES,
                List.of(".*FirmwareParameterFixture"),
                Map.of("io.github.xenacpi.api.fixtures.FirmwareParameterFixture", source));

        assertThatThrownBy(() -> tests.run("board", Path.of("board.txt")))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("FirmwareParameterFixture")
                .hasMessageContaining("older than their sources");
    }
}
