package io.github.xenacpi.maven;

import io.github.xenacpi.api.ConformanceTests;
import io.github.xenacpi.api.ValidationException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * The class path the project's conformance tests run on: its test class path, plus the
 * {@code junit-platform-launcher} of the project's own JUnit Platform version when the project does not declare
 * it (Surefire adds it the same way), resolved from the project's repositories.
 */
final class ProjectTestClasspath {

    private static final String PLATFORM_GROUP = "org.junit.platform";

    private ProjectTestClasspath() {}

    /** The project's conformance tests: the class name patterns, run on its test class path and test classes. */
    static ConformanceTests conformanceTests(
            MavenProject project, RepositorySystem repositories, RepositorySystemSession session, List<String> patterns)
            throws ValidationException {
        return new ConformanceTests(
                of(project, repositories, session),
                List.of(Path.of(project.getBuild().getTestOutputDirectory())),
                patterns.stream()
                        .filter(s -> s != null && !s.isBlank())
                        .map(String::trim)
                        .toList(),
                ConformanceTests.sources(project.getTestCompileSourceRoots().stream()
                        .map(Path::of)
                        .toList()));
    }

    /** The project's test class path with a launcher that matches its JUnit Platform. */
    static List<Path> of(MavenProject project, RepositorySystem repositories, RepositorySystemSession session)
            throws ValidationException {
        List<Path> out = new ArrayList<>();
        try {
            project.getTestClasspathElements().forEach(e -> out.add(Path.of(e)));
        } catch (DependencyResolutionRequiredException e) {
            throw new ValidationException("the project's test class path is not resolved: " + e.getMessage(), e);
        }
        if (find(project, "junit-platform-launcher").isPresent()) {
            return out;
        }
        Artifact engine = find(project, "junit-platform-engine")
                .orElseThrow(() -> new ValidationException(
                        "xenacpi.conformanceTests: the project has no JUnit Platform on its test class path; add"
                                + " org.junit.jupiter:junit-jupiter as a test dependency"));
        ArtifactRequest request = new ArtifactRequest(
                new DefaultArtifact(PLATFORM_GROUP, "junit-platform-launcher", "jar", engine.getVersion()),
                project.getRemoteProjectRepositories(),
                null);
        try {
            out.add(repositories
                    .resolveArtifact(session, request)
                    .getArtifact()
                    .getFile()
                    .toPath());
        } catch (ArtifactResolutionException e) {
            throw new ValidationException(
                    "cannot resolve org.junit.platform:junit-platform-launcher:"
                            + engine.getVersion() + " to run the conformance tests (" + e.getMessage() + "); declare it"
                            + " as a test dependency of the project",
                    e);
        }
        return out;
    }

    private static Optional<Artifact> find(MavenProject project, String artifactId) {
        return project.getArtifacts().stream()
                .filter(a -> a.getGroupId().equals(PLATFORM_GROUP)
                        && a.getArtifactId().equals(artifactId))
                .findFirst();
    }
}
