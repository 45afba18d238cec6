package io.github.xenacpi.api;

import io.github.xenacpi.acpi.AcpiException;
import io.github.xenacpi.acpi.source.FirmwareSource;
import io.github.xenacpi.acpi.table.load.AcpiTables;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.PlatformDescriptorReader;
import io.github.xenacpi.platform.PlatformException;
import io.github.xenacpi.platform.builder.AcpidumpTextWriter;
import io.github.xenacpi.platform.preset.Preset;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** One platform to validate: a bundled preset or a path holding tables (a folder or a dump file). */
public sealed interface PlatformSource {

    /** The platform's name in logs and reports: the preset id, or the folder or file name. */
    String name();

    /** Reads the tables and the descriptor, with the build's overrides applied. */
    Platform load(Overrides overrides) throws ValidationException;

    /**
     * A path holding this platform's tables, for tests that read firmware by path: the path itself, or for a
     * preset an acpidump text written below {@code scratch}, with the preset's {@code xenacpi.json} beside it.
     */
    Path firmwarePath(Path scratch) throws ValidationException;

    /** A bundled preset. */
    static PlatformSource of(Preset preset) {
        return new PresetSource(preset);
    }

    /** The tables at a path, named by its last element. */
    static PlatformSource at(Path path) {
        return new PathSource(path);
    }

    /** A preset made by the project's table builder. */
    record PresetSource(Preset preset) implements PlatformSource {
        public PresetSource {
            Objects.requireNonNull(preset, "preset");
        }

        @Override
        public String name() {
            return preset.id();
        }

        @Override
        public Platform load(Overrides overrides) {
            return new Platform(preset.id(), AcpiTables.load(preset.image()), overrides.apply(preset.descriptor()));
        }

        @Override
        public Path firmwarePath(Path scratch) throws ValidationException {
            // The tables as an acpidump text and the preset's descriptor beside them, where a reader looks for it.
            Path folder = scratch.resolve(preset.id());
            Path file = folder.resolve(preset.id() + ".acpidump.txt");
            try {
                Files.createDirectories(folder);
                Files.writeString(file, AcpidumpTextWriter.write(preset.image().tables()), StandardCharsets.UTF_8);
                Files.writeString(
                        folder.resolve(PlatformDescriptorReader.FILE_NAME),
                        PlatformDescriptorReader.json(preset.descriptor()),
                        StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ValidationException(
                        "cannot write the tables of preset " + preset.id() + " to " + folder + ": " + e.getMessage(),
                        e);
            }
            return file;
        }
    }

    /**
     * Tables at a path: an acpidump text, a folder of binary tables, a sysfs copy, one table file; named by the
     * machine (a machine folder holding only {@code acpi/} is named after the machine folder).
     */
    record PathSource(Path path, String name) implements PlatformSource {
        public PathSource {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(name, "name");
        }

        /** Tables at a path, named by the path's last element. */
        public PathSource(Path path) {
            this(path, nameOf(path));
        }

        private static String nameOf(Path path) {
            Path file = Objects.requireNonNull(path, "path").getFileName();
            return file == null ? path.toString() : file.toString();
        }

        @Override
        public Platform load(Overrides overrides) throws ValidationException {
            try {
                AcpiTables tables = AcpiTables.load(FirmwareSource.open(path));
                return new Platform(name, tables, overrides.apply(PlatformDescriptorReader.besides(path)));
            } catch (AcpiException | PlatformException e) {
                throw new ValidationException("cannot load the platform at " + path + ": " + e.getMessage(), e);
            }
        }

        @Override
        public Path firmwarePath(Path scratch) {
            return path;
        }
    }
}
