package io.github.xenacpi.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.preset.Preset;
import io.github.xenacpi.strategy.MappingStrategy;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Every verdict cell, matrix header and picker state of the HTML report agrees with report.json, read back from
 * the same folder, for a report of every strategy, of a two-strategy subset, and of a damaged platform: opened
 * from {@code file://} in the system's headless Chromium (see {@link HtmlReportBrowserTest}).
 */
@Tag("browser")
class HtmlAgreementBrowserTest {

    static final Path DIR = Path.of("target", "browser-agreement");
    static final Instant TIME = Instant.parse("2026-01-02T03:04:05Z");
    static ChromeDriver driver;

    @BeforeAll
    static void open() throws Exception {
        driver = HtmlReportBrowserTest.chromium();
    }

    @AfterAll
    static void close() {
        if (driver != null) {
            driver.quit();
        }
    }

    private static ConformanceReport report(String which) {
        List<Platform> platforms =
                List.of(Preset.QEMU_VIRT.platform(), Preset.SERVER_RAS.platform(), HtmlReportBrowserTest.hostile());
        return switch (which) {
            case "all" -> ConformanceReport.of(platforms, ReportOptions.DEFAULT, TIME);
            case "subset" ->
                ConformanceReport.of(
                        platforms,
                        Stream.of("xen-premap", "stage2-fault")
                                .map(MappingStrategy::byId)
                                .toList(),
                        ReportOptions.DEFAULT,
                        TIME);
            default ->
                ConformanceReport.of(
                        List.of(Preset.HOSTILE.platform(), Preset.QEMU_VIRT.platform()), ReportOptions.DEFAULT, TIME);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"all", "subset", "damaged"})
    void everyVerdictCellHeaderAndPickerStateAgreesWithReportJson(String which) throws Exception {
        Path dir = DIR.resolve(which);
        ReportWriter.write(report(which), dir);
        JsonNode json = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        driver.get(dir.resolve("index.html").toAbsolutePath().toUri().toString());

        Set<String> columns = new LinkedHashSet<>();
        json.path("platforms")
                .forEach(p -> p.path("strategies")
                        .forEach(s -> columns.add(s.path("strategy").asText())));
        List<String> header = new ArrayList<>();
        driver.findElements(By.cssSelector("table.matrix tr:first-child th code"))
                .forEach(c -> header.add(c.getText()));
        assertThat(header).as("matrix header").containsExactlyElementsOf(columns);

        List<WebElement> rows = driver.findElements(By.cssSelector("table.matrix tr"));
        assertThat(rows).hasSize(json.path("platforms").size() + 1);
        List<WebElement> sections = driver.findElements(By.cssSelector("section[data-platform]"));
        assertThat(sections).hasSize(json.path("platforms").size());
        for (int i = 0; i < json.path("platforms").size(); i++) {
            JsonNode p = json.path("platforms").get(i);
            Map<String, String> verdicts = new java.util.LinkedHashMap<>();
            boolean complete = p.path("input").path("complete").asBoolean();
            p.path("strategies")
                    .forEach(s -> verdicts.put(
                            s.path("strategy").asText(),
                            complete ? s.path("verdict").asText() : "INCOMPLETE"));
            if (!complete) {
                assertThat(p.path("summary").path("status").asText()).isEqualTo("incomplete");
            }
            List<WebElement> cells = rows.get(i + 1).findElements(By.cssSelector("td.v"));
            assertThat(cells).as("one cell per column").hasSize(columns.size());
            int c = 0;
            for (String column : columns) {
                WebElement cell = cells.get(c++);
                String verdict = verdicts.get(column);
                assertThat(cell.getAttribute("data-strategy")).isEqualTo(column);
                assertThat(cell.getText().lines().findFirst().orElse(""))
                        .as("%s under %s", p.path("name"), column)
                        .isEqualTo(verdict == null ? "\u2013" : verdict);
            }
            JsonNode recommended = p.path("summary").path("recommended");
            String last = rows.get(i + 1)
                    .findElements(By.tagName("td"))
                    .get(columns.size())
                    .getText();
            if (recommended.isNull()) {
                assertThat(last).doesNotContain("\u00b5s added");
                assertThat(rows.get(i + 1).findElements(By.cssSelector("td.rec")))
                        .isEmpty();
            } else {
                assertThat(last).startsWith(recommended.asText());
                assertThat(rows.get(i + 1).findElement(By.cssSelector("td.rec")).getAttribute("data-strategy"))
                        .isEqualTo(recommended.asText());
            }

            WebElement section = sections.get(i);
            List<WebElement> pickerOptions = section.findElements(By.cssSelector(".strategy-select option"));
            List<String> options =
                    pickerOptions.stream().map(WebElement::getText).toList();
            List<String> expected = new ArrayList<>();
            verdicts.keySet()
                    .forEach(id -> expected.add(id + (id.equals(recommended.asText(null)) ? " (recommended)" : "")));
            assertThat(options).as("picker of %s", p.path("name")).containsExactlyElementsOf(expected);
            if (!recommended.isNull()) {
                assertThat(pickerOptions.stream().filter(WebElement::isSelected).map(WebElement::getText))
                        .containsExactly(recommended.asText() + " (recommended)");
            }
            List<String> ids = new ArrayList<>(verdicts.keySet());
            for (int k = 0; k < ids.size(); k++) {
                pickerOptions.get(k).click();
                assertThat(section.findElement(By.cssSelector(".verdict-now"))
                                .getText()
                                .strip())
                        .as("picked %s", ids.get(k))
                        .isEqualTo(verdicts.get(ids.get(k)));
            }
            List<WebElement> costs = section.findElements(By.cssSelector("table.costs tr"));
            assertThat(costs).hasSize(ids.size() + 1);
            for (int k = 0; k < ids.size(); k++) {
                List<WebElement> td = costs.get(k + 1).findElements(By.tagName("td"));
                assertThat(td.get(0).getText()).startsWith(ids.get(k));
                assertThat(td.get(1).getText()).isEqualTo(verdicts.get(ids.get(k)));
            }
            int groups = 0;
            for (JsonNode s : p.path("strategies")) {
                groups += s.path("outcomes").size();
            }
            assertThat(section.findElements(By.cssSelector("table.outcomes tbody tr")))
                    .hasSize(groups);
            assertThat(section.findElements(By.cssSelector("table.findings tbody tr")))
                    .hasSize(p.path("findings").size());
        }
    }
}
