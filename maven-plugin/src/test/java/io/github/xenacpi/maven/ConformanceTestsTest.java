package io.github.xenacpi.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xenacpi.api.ValidationException;
import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConformanceTestsTest {

    /** The test class path Surefire runs this test with (test classes, classes, JUnit and its launcher). */
    private static final List<Path> CLASSPATH = Arrays.stream(System.getProperty("surefire.test.class.path",
            System.getProperty("java.class.path")).split(File.pathSeparator)).map(Path::of).toList();

    private static final List<Path> TEST_CLASSES = List.of(Path.of("target", "test-classes").toAbsolutePath());

    @Test
    void runsTheMatchingTestsWithTheFirmwareParameterAndKeepsEachFailure() throws Exception {
        ConformanceTests tests = new ConformanceTests(CLASSPATH, TEST_CLASSES, List.of(".*FirmwareParameterFixture"));

        TestRun run = tests.run("board", Path.of("/firmware/board.txt"));

        assertThat(run.run()).isEqualTo(2);
        assertThat(run.failures()).singleElement().satisfies(f -> {
            assertThat(f.className()).isEqualTo("io.github.xenacpi.maven.fixtures.FirmwareParameterFixture");
            assertThat(f.displayName()).isEqualTo("failsWithAMessage(String)");
            assertThat(f.message()).startsWith("wrong board");
            assertThat(f.describe()).startsWith("FirmwareParameterFixture failsWithAMessage(String): wrong board");
        });
    }

    @Test
    void noMatchingTestIsAnError() {
        ConformanceTests tests = new ConformanceTests(CLASSPATH, TEST_CLASSES, List.of(".*NoSuchTest"));

        assertThatThrownBy(() -> tests.run("board", Path.of("board.txt"))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("no test matches [.*NoSuchTest]");
    }

    @Test
    void missingTestClassesSayWhenToRunTheGoal() {
        ConformanceTests tests = new ConformanceTests(CLASSPATH, List.of(Path.of("no-such-folder")), List.of(".*"));

        assertThatThrownBy(() -> tests.run("board", Path.of("board.txt"))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("after test-compile");
    }
}
