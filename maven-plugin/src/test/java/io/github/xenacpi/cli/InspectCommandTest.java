package io.github.xenacpi.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.xenacpi.platform.XenVersion;
import io.github.xenacpi.platform.builder.McfgBuilder;
import io.github.xenacpi.platform.builder.OemIdentity;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new InspectCommand()
                .run(
                        args,
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutPathInspectsTheDemoPlatformAndSaysWhereTheJsonWent() throws Exception {
        Path json = temp.resolve("out/inspect.json");

        assertThat(run("--json", json.toString())).isEqualTo(InspectCommand.OK);

        assertThat(out())
                .contains("built-in preset qemu-virt")
                .contains("Source: builder (BUILDER)")
                .contains("Tables: 11")
                .containsPattern("MCFG #1 +length +60 +rev 1 +checksum ok +OEM XENACP XENACPI")
                .containsPattern("DBG2 #1 +length +87 +rev 0 +checksum ok")
                .contains("regions 3")
                .contains("Regions: 55 (55 in system memory)")
                .containsPattern("ECAM +SYSTEM_MEMORY +0x0000004010000000\\.\\.0x000000401FFFFFFF +length 0x10000000"
                        + " +MCFG#1 +MCFG\\.allocation\\[0\\]")
                .contains("0x0000000009020000..0x0000000009020017")
                .contains("Diagnostics: 0 (0 errors, 0 warnings)")
                .contains("written to " + json.toAbsolutePath());
        assertThat(err()).isEmpty();
        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        assertThat(doc.get("schema").asText()).isEqualTo("xenacpi-inspect/1");
        assertThat(doc.get("source").get("format").asText()).isEqualTo("BUILDER");
        JsonNode ecam = null;
        for (JsonNode r : doc.get("regions")) {
            if (r.get("path").asText().equals("MCFG.allocation[0]")) {
                ecam = r;
            }
        }
        assertThat(ecam).isNotNull();
        assertThat(ecam.get("base").asText()).isEqualTo("0x4010000000");
        assertThat(ecam.get("length").asText()).isEqualTo("0x10000000");
        // The newest modelled Xen and Linux by default; the printed verdicts are the JSON's.
        JsonNode simulations = doc.get("simulations");
        assertThat(simulations).hasSize(8);
        assertThat(simulations.get(0).get("strategy").asText()).isEqualTo("bus-notify");
        assertThat(simulations.get(0).get("xen").asText()).isEqualTo(XenVersion.NEWEST.toString());
        for (JsonNode s : simulations) {
            assertThat(out())
                    .containsPattern(
                            s.get("strategy").asText() + " +" + s.get("verdict").asText());
        }
    }

    @Test
    void inspectsAFolderOfTablesWithTheirDiagnostics() throws Exception {
        byte[] mcfg = new McfgBuilder().allocation(0x6000_0000L, 0, 0, 1).build(OemIdentity.DEFAULT);
        Files.write(temp.resolve("mcfg.dat"), Arrays.copyOf(mcfg, mcfg.length - 3));
        Path json = temp.resolve("r.json");

        int status = run(temp.toString(), "--json", json.toString());

        assertThat(status).isEqualTo(InspectCommand.OK);
        assertThat(out())
                .contains("Source: " + temp + " (TABLE_DIRECTORY)")
                .contains("checksum BAD")
                .containsPattern("Diagnostics: \\d+ \\([1-9]\\d* errors")
                .contains("error: MCFG @0x4: truncated");
        JsonNode doc = new ObjectMapper().readTree(json.toFile());
        assertThat(doc.get("source").get("path").asText()).isEqualTo(temp.toString());
        assertThat(doc.get("tables").get(0).get("checksumValid").asBoolean()).isFalse();
        assertThat(doc.get("diagnostics")).anySatisfy(d -> {
            assertThat(d.get("table").asText()).isEqualTo("MCFG");
            assertThat(d.get("instance").asInt()).isEqualTo(1);
            assertThat(d.get("offset").asLong()).isEqualTo(4);
            assertThat(d.get("severity").asText()).isEqualTo("error");
        });
    }

    @Test
    void aMissingPathIsOneLineOnStandardErrorAndStatusTwo() {
        Path missing = temp.resolve("no-such-dump");

        assertThat(run(missing.toString())).isEqualTo(InspectCommand.UNUSABLE);

        assertThat(err().lines())
                .singleElement()
                .asString()
                .contains(missing.toString())
                .contains("no such file or folder");
        assertThat(err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out()).isEmpty();
    }

    @Test
    void anUnreadableInputIsOneLineAndStatusTwo() throws Exception {
        Path notAcpi = Files.write(temp.resolve("notes.bin"), new byte[] {0, 1, 2, 3, 4, 5, 6, 7});

        int status = run(notAcpi.toString());

        assertThat(status).isEqualTo(InspectCommand.UNUSABLE);
        assertThat(err().lines())
                .singleElement()
                .asString()
                .startsWith("xenacpi inspect: ")
                .contains(notAcpi.toString())
                .contains("no ACPI table");
    }

    @Test
    void badArgumentsAreStatusTwoWithUsage() {
        assertThat(run("--json")).isEqualTo(InspectCommand.UNUSABLE);
        assertThat(run("--frobnicate")).isEqualTo(InspectCommand.UNUSABLE);
        assertThat(run("a", "b")).isEqualTo(InspectCommand.UNUSABLE);
        assertThat(err().lines()).hasSize(3).allSatisfy(l -> assertThat(l).contains("usage: InspectCommand"));
    }

    @Test
    void reportWritesTheFourFilesAndPrintsTheirPaths() throws Exception {
        Path dir = temp.resolve("report");

        int status =
                run("--preset", "server-ras", "--json", temp.resolve("i.json").toString(), "--report", dir.toString());

        assertThat(status).isEqualTo(InspectCommand.OK);
        for (String name : List.of("report.json", "index.html", "report.sarif", "junit.xml")) {
            assertThat(dir.resolve(name)).isNotEmptyFile();
            assertThat(out()).contains("Report written to " + dir.resolve(name).toAbsolutePath());
        }
        assertThat(new ObjectMapper()
                        .readTree(dir.resolve("report.json").toFile())
                        .get("schema")
                        .asText())
                .isEqualTo("xenacpi-report/2");
        assertThat(err()).isEmpty();
    }

    @Test
    void withoutReportNoReportIsWritten() {
        assertThat(run("--json", temp.resolve("i.json").toString())).isEqualTo(InspectCommand.OK);
        assertThat(out()).doesNotContain("Report written");
        assertThat(run("--report")).isEqualTo(InspectCommand.UNUSABLE);
        assertThat(err()).contains("--report needs a folder");
    }

    @Test
    void anUnwritableReportFolderIsStatusTwo() throws Exception {
        Path blocker = Files.writeString(temp.resolve("file"), "x");

        int status = run(
                "--json",
                temp.resolve("i.json").toString(),
                "--report",
                blocker.resolve("sub").toString());

        assertThat(status).isEqualTo(InspectCommand.UNUSABLE);
        assertThat(err().lines()).singleElement().asString().startsWith("xenacpi inspect: cannot write the report");
    }

    @Test
    void anUnwritableJsonFileIsStatusTwo() throws Exception {
        Path blocker = Files.writeString(temp.resolve("file"), "x");

        int status = run("--json", blocker.resolve("inspect.json").toString());

        assertThat(status).isEqualTo(InspectCommand.UNUSABLE);
        assertThat(err().lines()).singleElement().asString().startsWith("xenacpi inspect: cannot write");
    }
}
