package io.github.xenacpi.api;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A forked validation's job as a properties file (UTF-8): the build's JVM writes it with what the JDK has loaded
 * already, where a JSON mapper would load some 500 classes only to write one small file. Lists are stored as
 * {@code key.count} and {@code key.0}, {@code key.1}, ...
 */
final class ForkJobFile {

    /** The key of the run's time, the one setting that does not change what the run writes. */
    static final String TIME = "time";

    /** What this file is, for messages. */
    private static final String FILE = "a job file";

    private ForkJobFile() {}

    static void write(ForkedValidation.Job job, Path file) throws IOException {
        Properties p = properties(job);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(out, null);
        }
    }

    /** The job as the file holds it, key by key. */
    static Properties properties(ForkedValidation.Job job) {
        Properties p = new Properties();
        ValidationParameters v = job.validation();
        list(p, "firmware", v.firmware());
        list(p, "strategies", v.strategies());
        p.setProperty("xenVersion", v.xenVersion());
        p.setProperty("linuxVersion", v.linuxVersion());
        p.setProperty("smmu", v.smmu());
        p.setProperty("xenVersions", v.xenVersions());
        p.setProperty("linuxVersions", v.linuxVersions());
        p.setProperty("trace", Boolean.toString(v.trace()));
        p.setProperty("baseline", v.baseline());
        // The gate's texts are read in the child as given, null (not set) included: no key for a null.
        if (job.gate().failOn() != null) {
            p.setProperty("failOn", job.gate().failOn());
        }
        if (job.gate().requireStrategy() != null) {
            p.setProperty("requireStrategy", job.gate().requireStrategy());
        }
        List<Suppression> suppressions = job.gate().suppressions();
        p.setProperty("suppressions.count", Integer.toString(suppressions.size()));
        for (int i = 0; i < suppressions.size(); i++) {
            Suppression s = suppressions.get(i);
            String at = "suppressions." + i + ".";
            p.setProperty(at + "rule", s.rule());
            p.setProperty(at + "platform", s.platform());
            p.setProperty(at + "table", s.table());
            p.setProperty(at + "finding", s.finding());
            p.setProperty(at + "reason", s.reason());
        }
        p.setProperty("policy", job.policy().name());
        list(p, "formats", job.formats());
        p.setProperty("reportDirectory", job.reportDirectory().toString());
        p.setProperty("baseDir", job.baseDir().toString());
        p.setProperty(TIME, job.time().toString());
        return p;
    }

    static ForkedValidation.Job read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        ValidationParameters validation = ValidationParameters.builder()
                .firmware(list(p, "firmware"))
                .strategies(list(p, "strategies"))
                .xenVersion(get(p, "xenVersion"))
                .linuxVersion(get(p, "linuxVersion"))
                .smmu(get(p, "smmu"))
                .xenVersions(get(p, "xenVersions"))
                .linuxVersions(get(p, "linuxVersions"))
                .trace(Boolean.parseBoolean(get(p, "trace")))
                .baseline(get(p, "baseline"))
                .build();
        List<Suppression> suppressions = new ArrayList<>();
        for (int i = 0; i < count(p, "suppressions"); i++) {
            String at = "suppressions." + i + ".";
            suppressions.add(new Suppression(
                    get(p, at + "rule"),
                    get(p, at + "platform"),
                    get(p, at + "table"),
                    get(p, at + "finding"),
                    get(p, at + "reason")));
        }
        GateParameters gate =
                new GateParameters(p.getProperty("failOn"), p.getProperty("requireStrategy"), suppressions);
        try {
            return new ForkedValidation.Job(
                    validation,
                    gate,
                    ViolationPolicy.valueOf(get(p, "policy")),
                    list(p, "formats"),
                    Path.of(get(p, "reportDirectory")),
                    Path.of(get(p, "baseDir")),
                    Instant.parse(get(p, TIME)));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new IOException("not " + FILE + " of this version: " + e.getMessage(), e);
        }
    }

    private static void list(Properties p, String key, List<String> values) {
        PropertyLists.put(p, key, values);
    }

    private static List<String> list(Properties p, String key) throws IOException {
        return PropertyLists.get(p, key, FILE);
    }

    private static int count(Properties p, String key) throws IOException {
        try {
            return Integer.parseInt(get(p, key + ".count"));
        } catch (NumberFormatException e) {
            throw new IOException("not " + FILE + " of this version: " + key + ".count is not a number", e);
        }
    }

    private static String get(Properties p, String key) throws IOException {
        return PropertyLists.value(p, key, FILE);
    }
}
