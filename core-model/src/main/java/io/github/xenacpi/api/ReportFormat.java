package io.github.xenacpi.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A form of the conformance report and the file it is written to. */
public enum ReportFormat {
    HTML("index.html"),
    JSON("report.json"),
    SARIF("report.sarif"),
    JUNIT("junit.xml");

    private final String fileName;

    ReportFormat(String fileName) {
        this.fileName = fileName;
    }

    /** The file name inside the report folder. */
    public String fileName() {
        return fileName;
    }

    /** The lower-case id used in the {@code formats} parameter. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The formats a parameter names; empty or {@code null}: every format. */
    public static Set<ReportFormat> parse(List<String> ids) throws ValidationException {
        if (ids == null || ids.stream().allMatch(s -> s == null || s.isBlank())) {
            return EnumSet.allOf(ReportFormat.class);
        }
        Set<ReportFormat> out = EnumSet.noneOf(ReportFormat.class);
        List<String> unknown = new ArrayList<>();
        for (String raw : ids) {
            for (String id : raw == null ? new String[0] : raw.split(",")) {
                String t = id.trim().toLowerCase(Locale.ROOT);
                if (t.isEmpty()) {
                    continue;
                }
                Arrays.stream(values())
                        .filter(f -> f.id().equals(t))
                        .findFirst()
                        .ifPresentOrElse(out::add, () -> unknown.add(id.trim()));
            }
        }
        if (!unknown.isEmpty()) {
            throw new ValidationException("xenacpi.formats: unknown format(s) " + unknown + "; known: "
                    + Arrays.stream(values()).map(ReportFormat::id).toList());
        }
        return out;
    }
}
