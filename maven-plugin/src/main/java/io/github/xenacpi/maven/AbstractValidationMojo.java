package io.github.xenacpi.maven;

import io.github.xenacpi.api.ValidationParameters;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * The parameters the {@code validate}, {@code report} and {@code baseline} goals share, declared once: which
 * firmware, which strategies, which Xen, Linux and SMMU setting; the core reads them as {@link ValidationParameters}.
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
    private List<String> firmware;

    /**
     * The mapping strategies to simulate, by id ({@code bus-notify}, {@code xen-premap}, {@code stage2-fault},
     * ...); empty: every strategy.
     *
     * @since 0.1.0
     */
    @Parameter(property = "xenacpi.strategies")
    private List<String> strategies;

    /**
     * The Xen version to simulate, such as {@code 4.17}, instead of each platform descriptor's.
     *
     * @since 0.1.0
     */
    @Parameter(property = "xenacpi.xenVersion")
    private String xenVersion;

    /**
     * The Linux version of Dom0 to simulate, such as {@code 6.6}, instead of each platform descriptor's.
     *
     * @since 0.1.0
     */
    @Parameter(property = "xenacpi.linuxVersion")
    private String linuxVersion;

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
    private String xenVersions;

    /**
     * The Linux versions of each platform's Xen x Linux grid, comma-separated, such as {@code 6.1,6.6,6.12}
     * ({@code modelled}: every modelled kernel). See {@code xenVersions}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "xenacpi.linuxVersions")
    private String linuxVersions;

    /**
     * Whether report.json also holds the full per-access trace of every strategy, each table's decoded fields and the
     * namespace's devices. Off by default: the report then states each conclusion once (strategy outcomes grouped by
     * region and cause, with access counts), which is what a user acts on.
     *
     * @since 0.1.0
     */
    @Parameter(property = "xenacpi.trace", defaultValue = "false")
    private boolean trace;

    /**
     * The SMMU mode to simulate, {@code none} or {@code shared}, instead of each platform descriptor's.
     *
     * @since 0.1.0
     */
    @Parameter(property = "xenacpi.smmu")
    private String smmu;

    /**
     * The baseline file: the {@code baseline} goal writes the current firmware findings to it; {@code validate}
     * reports the findings in it as known and fails only on new ones. A missing file is an empty baseline.
     * Relative paths start at the project's folder.
     *
     * @since 0.1.0
     */
    @Parameter(property = "xenacpi.baseline", defaultValue = "xenacpi-baseline.json")
    private String baseline;

    /** The project (Maven's stand-in project when the goal runs without a pom). */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    /** Whether Maven runs the goal without a pom. */
    boolean standalone() {
        return project.getFile() == null;
    }

    /** The folder relative paths start at: the project's, or the one Maven runs in. */
    Path baseDir() {
        return standalone() || project.getBasedir() == null
                ? executionRoot()
                : project.getBasedir().toPath();
    }

    /** The shared parameters as the core reads them. */
    ValidationParameters parameters() {
        return ValidationParameters.builder()
                .firmware(firmware)
                .strategies(strategies)
                .xenVersion(xenVersion)
                .linuxVersion(linuxVersion)
                .smmu(smmu)
                .xenVersions(xenVersions)
                .linuxVersions(linuxVersions)
                .trace(trace)
                .baseline(baseline)
                .build();
    }
}
