package io.github.xenacpi.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.inspect.InspectJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the inspect goal and the inspect command share: the default file and the line naming what was written. */
class InspectionTest {

    @TempDir
    Path temp;

    @Test
    void theJsonDocumentIsWrittenAndTheLineNamesItsSchemaAndFile() throws Exception {
        Inspection inspection = Inspection.of(Firmware.defaultPreset(), Overrides.NONE);

        Path written = inspection.writeJson(temp.resolve("out").resolve(Inspection.DEFAULT_JSON));

        assertThat(Files.readString(written)).contains(InspectJson.SCHEMA);
        assertThat(Inspection.jsonWritten(written))
                .isEqualTo("JSON (" + InspectJson.SCHEMA + ") written to " + written);
        assertThat(Inspection.DEFAULT_JSON).isEqualTo(Path.of("target", "xenacpi", "inspect.json"));
        assertThat(inspection.text()).isNotEmpty();
    }
}
