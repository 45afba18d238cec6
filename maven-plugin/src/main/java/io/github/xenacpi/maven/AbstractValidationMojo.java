package io.github.xenacpi.maven;

import io.github.xenacpi.api.Baseline;
import io.github.xenacpi.api.Firmware;
import io.github.xenacpi.api.FirmwareFolder;
import io.github.xenacpi.api.Overrides;
import io.github.xenacpi.api.PlatformSource;
import io.github.xenacpi.api.Validation;
import io.github.xenacpi.api.ValidationException;
import io.github.xenacpi.api.VersionAxes;
import io.github.xenacpi.report.ReportOptions;
import io.github.xenacpi.strategy.MappingStrategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * The parameters the {@code validate} goal and the {@code report} site report share, declared once: which
 * firmware, which strategies, which Xen, Linux and SMMU setting; and how they become the core's inputs.
 */
public abstract class AbstractValidationMojo extends AbstractXenacpiMojo {

    /**
     * The firmware to validate, a list: a folder whose sub-folders and dump files are one platform each, a path
     * that is itself one platform (an acpidump text file, a folder of binary tables, a copy of
     * {@code /sys/firmware/acpi/tables}, one table file), or {@code preset:ID} for a bundled platform
     * ({@code seed-rfc}, {@code qemu-virt}, {@code server-ras}, {@code new-tables}, {@code hostile};
     * {@code preset:all} for every one). Relative paths start at the project's folder. A {@code xenacpi.json}
     * beside a platform's tables is its descriptor. When not set: <code>${project.basedir}/src/firmware</code>.
     *
     * @since 0.1.0
     */
    @Parameter(property = "xenacpi.firmware")
    List<String> firmware;

    /**
     * The mapping strategies to simulate, by id ({@code bus-notify}, {@code xen-premap}, {@code stage2-fault},
     * ...); empty: every strategy.
     *
     * @since 0.1.0
     */
    @Parameter(property = "xenacpi.strategies")
    List<String> strategies;

    /**
     * The Xen version to simulate, such as {@code 4.17}, instead of each platform descriptor's.
     *
     * @since 0.1.0
     */
    @Parameter(property = "xenacpi.xenVersion")
    String xenVersion;

    /**
     * The Linux version of Dom0 to simulate, such as {@code 6.6}, instead of each platform descriptor's.
     *
     * @since 0.1.0
     */
    @Parameter(property = "xenacpi.linuxVersion")
    String linuxVersion;

    /**
     * The Xen versions of each platform's Xen x Linux grid, comma-separated, such as {@code 4.17,4.19,4.22}
     * ({@code modelled}: every modelled release). With this or {@code linuxVersions} set, report.json and the
     * console show per platform which strategies boot Dom0 under each pair, which lose DMA or features, and where
     * Xen refuses the tables; an axis left empty holds the platform's own version. Off by default: each cell costs
     * one simulation per strategy.
     *
     * @since 0.1.0
     */
    @Parameter(property = "xenacpi.xenVersions")
    String xenVersions;

    /**
     * The Linux versions of each platform's Xen x Linux grid, comma-separated, such as {@code 6.1,6.6,6.12}
     * ({@code modelled}: every modelled kernel). See {@code xenVersions}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "xenacpi.linuxVersions")
    String linuxVersions;

    /**
     * Whether report.json also holds the full per-access trace of every strategy, each table's decoded fields and the
     * namespace's devices. Off by default: the report then states each conclusion once (strategy outcomes grouped by
     * region and cause, with access counts), which is what a user acts on.
     *
     * @since 0.1.0
     */
    @Parameter(property = "xenacpi.trace", defaultValue = "false")
    boolean trace;

    /**
     * The SMMU mode to simulate, {@code none} or {@code shared}, instead of each platform descriptor's.
     *
     * @since 0.1.0
     */
    @Parameter(property = "xenacpi.smmu")
    String smmu;

    /**
     * The baseline file: the {@code baseline} goal writes the current firmware findings to it; {@code validate}
     * reports the findings in it as known and fails only on new ones. A missing file is an empty baseline.
     * Relative paths start at the project's folder.
     *
     * @since 0.1.0
     */
    @Parameter(property = "xenacpi.baseline", defaultValue = "xenacpi-baseline.json")
    String baseline;

    /** The project (Maven's stand-in project when the goal runs without a pom). */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** The build session: the folder Maven runs in, for goals run without a project. */
    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    /** Whether Maven runs the goal without a pom. */
    boolean standalone() {
        return project.getFile() == null;
    }

    /** The folder relative paths start at: the project's, or the one Maven runs in. */
    Path baseDir() {
        return standalone() || project.getBasedir() == null ? Path.of(session.getExecutionRootDirectory())
                : project.getBasedir().toPath();
    }

    /** Whether {@code firmware} names anything. */
    boolean firmwareConfigured() {
        return firmware != null && firmware.stream().anyMatch(s -> s != null && !s.isBlank());
    }

    /**
     * The platforms to validate, each skipped entry logged once with its reason; empty when {@code firmware} is not
     * set and the project has no {@code src/firmware}.
     */
    List<PlatformSource> platforms() throws ValidationException {
        FirmwareFolder.Found found;
        if (firmwareConfigured()) {
            found = Firmware.locate(firmware, baseDir());
        } else {
            Path folder = baseDir().resolve(Firmware.PROJECT_FOLDER);
            found = Files.isDirectory(folder) ? FirmwareFolder.platformsAt(folder)
                    : new FirmwareFolder.Found(List.of(), List.of());
        }
        found.skipped().forEach(s -> getLog().warn("xenacpi: " + s.describe()));
        return found.platforms();
    }

    /** The strategies {@code strategies} names. */
    List<MappingStrategy> chosenStrategies() throws ValidationException {
        return Validation.strategies(strategies);
    }

    /** The baseline file's path. */
    Path baselineFile() {
        return baseDir().resolve(baseline == null || baseline.isBlank() ? "xenacpi-baseline.json" : baseline.trim())
                .normalize();
    }

    /** The baseline: the file's findings, or none when the file does not exist. */
    Baseline readBaseline() throws ValidationException {
        Path file = baselineFile();
        return Files.exists(file) ? Baseline.read(file) : Baseline.EMPTY;
    }

    /** The versions of each platform's Xen x Linux grid; none when neither list is set. */
    VersionAxes grid() throws ValidationException {
        return VersionAxes.parse(xenVersions, linuxVersions);
    }

    /** What report.json holds: the per-access trace only with {@code xenacpi.trace}. */
    ReportOptions reportOptions() {
        return ReportOptions.DEFAULT.withTrace(trace);
    }

    /** What replaces every descriptor's versions and SMMU mode. */
    Overrides overrides() throws ValidationException {
        return Overrides.parse(xenVersion, linuxVersion, smmu);
    }
}
