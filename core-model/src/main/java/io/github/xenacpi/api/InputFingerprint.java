package io.github.xenacpi.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * What a forked validation's report and decision depend on, as one SHA-256: the job's settings but its time, the
 * JVM (not its flags, which change how fast the child runs, not what it writes), the plugin's class path (each
 * file's size and modification time), and the firmware the job names and the baseline file (each file's path, size
 * and the CRC-32 of its content, so that a checkout that only touches the files changes nothing). Two runs with the
 * same fingerprint write the same report and decide the same.
 */
final class InputFingerprint {

    /** The fingerprint's own version: a change in what it covers changes every fingerprint. */
    static final String VERSION = "xenacpi-fingerprint/1";

    /** A tree larger than this is not fingerprinted (a firmware path naming a whole disk is validated each time). */
    static final long MAX_BYTES = 1L << 30;

    /** A tree with more files than this is not fingerprinted either. */
    static final int MAX_FILES = 100_000;

    private final MessageDigest digest;
    /** One buffer for every file read: a direct buffer is dear to make, and a firmware folder has hundreds of files. */
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 16);

    private final int maxFiles;
    private final long maxBytes;
    private long bytes;
    private int files;

    private InputFingerprint(int maxFiles, long maxBytes) {
        this.maxFiles = maxFiles;
        this.maxBytes = maxBytes;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256 (MessageDigest's Javadoc).
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * The fingerprint of the job run by the JVM, or empty when an input cannot be read or is too large to read at
     * every build (the job then runs, and says what is wrong with its input).
     */
    static Optional<String> of(ForkedValidation.Job job, ForkedValidation.Jvm jvm) {
        return of(job, jvm, MAX_FILES, MAX_BYTES);
    }

    /** As {@link #of(ForkedValidation.Job, ForkedValidation.Jvm)}, with other limits (for tests). */
    static Optional<String> of(ForkedValidation.Job job, ForkedValidation.Jvm jvm, int maxFiles, long maxBytes) {
        InputFingerprint f = new InputFingerprint(maxFiles, maxBytes);
        try {
            f.text(VERSION);
            f.settings(job);
            f.text(jvm.java().toString());
            f.text(System.getProperty("java.vm.version", ""));
            for (Path entry : jvm.classPath()) {
                f.tree(entry, false);
            }
            ValidationParameters v = job.validation();
            if (v.namesFirmware()) {
                for (String entry : v.firmware()) {
                    String trimmed = entry == null ? "" : entry.trim();
                    if (!trimmed.isEmpty() && !Firmware.isPreset(trimmed)) {
                        f.tree(job.baseDir().resolve(trimmed).normalize(), true);
                    }
                }
            } else {
                f.tree(job.baseDir().resolve(Firmware.PROJECT_FOLDER), true);
            }
            f.tree(v.baselineFile(job.baseDir()), true);
            if (f.bytes > maxBytes || f.files > maxFiles) {
                return Optional.empty();
            }
            return Optional.of(HexFormat.of().formatHex(f.digest.digest()));
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private void settings(ForkedValidation.Job job) {
        Map<String, String> sorted = new TreeMap<>();
        ForkJobFile.properties(job).forEach((k, v) -> sorted.put((String) k, (String) v));
        sorted.remove(ForkJobFile.TIME);
        sorted.forEach((k, v) -> {
            text(k);
            text(v);
        });
    }

    /**
     * A file, or every file under a folder (links followed, in path order): its path, its size and either the
     * CRC-32 of its content or its modification time. A missing path counts as missing.
     */
    private void tree(Path root, boolean content) throws IOException {
        text(root.toString());
        if (!Files.exists(root)) {
            text("missing");
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
            paths = new ArrayList<>(walk.limit(maxFiles + 1L).toList());
        }
        if (paths.size() > maxFiles) {
            // Cut short by the limit: a fingerprint of part of the tree would miss changes in the rest.
            files = maxFiles + 1;
            return;
        }
        paths.sort(null);
        for (Path p : paths) {
            BasicFileAttributes attributes = Files.readAttributes(p, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                continue;
            }
            files++;
            bytes += attributes.size();
            if (files > maxFiles || bytes > maxBytes) {
                return;
            }
            text(root.relativize(p).toString());
            number(attributes.size());
            number(content ? crc(p) : attributes.lastModifiedTime().toMillis());
        }
    }

    private long crc(Path file) throws IOException {
        CRC32 crc = new CRC32();
        buffer.clear();
        try (FileChannel channel = FileChannel.open(file)) {
            while (channel.read(buffer) >= 0) {
                buffer.flip();
                crc.update(buffer);
                buffer.clear();
            }
        }
        return crc.getValue();
    }

    private void text(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        number(utf8.length);
        digest.update(utf8);
    }

    private void number(long n) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            digest.update((byte) (n >>> shift));
        }
    }
}
