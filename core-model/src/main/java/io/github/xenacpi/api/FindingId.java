package io.github.xenacpi.api;

import io.github.xenacpi.report.ConformanceReport.ReportFinding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A finding's stable identity, for baselines and suppressions: a hash of the platform's name, the rule, the table,
 * its instance and the offset, the field path and the message with every folder of a path removed, so the same
 * finding has the same id on every machine and in every run, whatever folder the firmware lies in.
 */
public final class FindingId {

    /** A folder part of an absolute path, Unix or Windows: {@code /home/me/fw/} or {@code C:\fw\}. */
    private static final Pattern FOLDERS = Pattern.compile("(?:[A-Za-z]:)?[\\\\/](?:[^\\s\\\\/:;,()'\"]+[\\\\/])+");

    private FindingId() {}

    /** The id of a finding on a platform: 16 hex digits. */
    public static String of(String platform, ReportFinding f) {
        String key = String.join(
                "\u0000",
                platform,
                f.ruleId(),
                f.table(),
                Integer.toString(f.instance()),
                Long.toString(f.offset()),
                f.path() == null ? "" : f.path(),
                withoutFolders(f.message()),
                f.strategy());
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * The text with the folders of every absolute path removed: {@code /home/me/fw/dsdt.dat} becomes
     * {@code dsdt.dat}.
     */
    static String withoutFolders(String text) {
        return text == null ? "" : FOLDERS.matcher(text).replaceAll("");
    }
}
