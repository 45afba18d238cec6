package io.github.xenacpi.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.region.AddressSpace;
import io.github.xenacpi.acpi.table.GenericAddress;
import io.github.xenacpi.acpi.table.load.AcpiTables;
import io.github.xenacpi.aml.AmlTerm;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.PlatformDescriptor;
import io.github.xenacpi.platform.builder.FadtBuilder;
import io.github.xenacpi.platform.builder.McfgBuilder;
import io.github.xenacpi.platform.builder.OemIdentity;
import io.github.xenacpi.platform.builder.PlatformBuilder;
import io.github.xenacpi.platform.builder.SpcrBuilder;
import io.github.xenacpi.platform.builder.aml.DefinitionBlockBuilder;
import io.github.xenacpi.platform.preset.Preset;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Opens the HTML report of hostile firmware in the system's headless Chromium: no script from the firmware runs,
 * its text shows literally, the matrix, timeline and map are drawn, and the page's own script filters, sorts and
 * recolours. Saves screenshots under {@code target/browser-report/}. Needs {@code /usr/bin/chromium} and
 * {@code /usr/bin/chromedriver} (Debian's chromium and chromium-driver; other paths through
 * {@code -Dxenacpi.chromium} and {@code -Dxenacpi.chromedriver}); Selenium Manager is never asked for a driver.
 */
@Tag("browser")
class HtmlReportBrowserTest {

    /** Firmware strings that would run script if the page ever let them through raw. */
    static final String SCRIPT = "<script>window.__pwned=1</script>";

    static final String IMG = "<img src=x onerror=window.__pwned=2>";
    static final String LONG = "VeryLongFirmwareGivenName".repeat(12);
    static final String PLATFORM = "hostile " + SCRIPT + " \"quoted\" 'single' & </svg> " + LONG;

    static final Path DIR = Path.of("target", "browser-report");
    static ChromeDriver driver;

    @BeforeAll
    static void openReport() throws Exception {
        List<Platform> platforms = List.of(
                hostile(),
                new Platform(
                        Preset.QEMU_VIRT.id(), AcpiTables.load(Preset.QEMU_VIRT.image()), PlatformDescriptor.DEFAULT),
                new Platform(Preset.HOSTILE.id(), AcpiTables.load(Preset.HOSTILE.image()), PlatformDescriptor.DEFAULT));
        ReportWriter.write(ConformanceReport.of(platforms, Instant.parse("2026-01-02T03:04:05Z")), DIR);
        driver = chromium();
        driver.get(DIR.resolve("index.html").toAbsolutePath().toUri().toString());
    }

    @AfterAll
    static void close() {
        if (driver != null) {
            driver.quit();
        }
    }

    /** The HOSTILE preset's kind of damage, with markup, quotes and very long text in every firmware string. */
    static Platform hostile() {
        var image = PlatformBuilder.create()
                .oem(new OemIdentity("\"'&<i>", "</svg>&'", 1, "X&<'", 1))
                .add(new FadtBuilder().hardwareReducedArm(false))
                .add(DefinitionBlockBuilder.dsdt()
                        .content(root -> root.scope(
                                "\\_SB",
                                sb -> sb.device(
                                                "EVIL",
                                                dev -> dev.hid(SCRIPT)
                                                        .uid(0)
                                                        .name("_STR", AmlTerm.string(IMG + " </svg> \"'& " + LONG))
                                                        .name("NAMS", AmlTerm.string(IMG))
                                                        .operationRegion(
                                                                "EVRG",
                                                                AddressSpace.SYSTEM_MEMORY,
                                                                AmlTerm.integer(0x0C30_0000L),
                                                                AmlTerm.integer(0x100)))
                                        .device(
                                                "LONG",
                                                dev -> dev.hid(IMG + LONG).uid(1)))))
                .add(new McfgBuilder().allocation(0x40_1000_0000L, 0, 0, 0xFF))
                // Xen 4.8 builds an ACPI Dom0 only with an SPCR (acpi_iomem_deny_access before 4.15).
                .add(new SpcrBuilder().baseAddress(GenericAddress.memory(0x0900_0000L, 32)))
                .build()
                .image();
        return new Platform(PLATFORM, AcpiTables.load(image), PlatformDescriptor.SEED_ERA);
    }

    static ChromeDriver chromium() throws Exception {
        String binary = System.getProperty("xenacpi.chromium", "/usr/bin/chromium");
        String chromedriver = System.getProperty("xenacpi.chromedriver", "/usr/bin/chromedriver");
        assertThat(new File(binary)).as("Chromium (apt-get install chromium)").canRead();
        assertThat(new File(chromedriver))
                .as("chromedriver (apt-get install chromium-driver)")
                .canRead();
        System.setProperty("webdriver.chrome.driver", chromedriver);
        Path profile =
                Files.createDirectories(Path.of("target", "browser-profile")).toAbsolutePath();
        Path userData = Files.createTempDirectory(profile, "user-data-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--hide-scrollbars",
                "--window-size=1400,1000",
                "--user-data-dir=" + userData);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver))
                .build();
        return new ChromeDriver(service, options);
    }

    private static Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    private static WebElement section(int index) {
        return driver.findElements(By.cssSelector("section[data-platform]")).get(index);
    }

    @Test
    void noFirmwareScriptRunsAndItsTextShowsLiterally() {
        assertThat(js("return typeof window.__pwned")).isEqualTo("undefined");
        assertThat(js("return document.scripts.length"))
                .as("only the page's own script")
                .isEqualTo(1L);
        assertThat(js("return document.images.length")).isEqualTo(0L);
        String text = (String) js("return document.body.textContent");
        assertThat(text)
                .contains(PLATFORM)
                .contains(SCRIPT)
                .contains(IMG + LONG)
                .contains("\"'&<i>")
                .contains("</svg>&'")
                .contains("X&<'");
        assertThat(driver.getTitle()).isEqualTo("Xen Dom0 ACPI conformance report");
        WebElement link = driver.findElement(By.cssSelector("table.matrix th.pname a"));
        assertThat(link.getAttribute("title")).isEqualTo(PLATFORM);
        assertThat(link.getText())
                .as("shortened in the matrix")
                .startsWith("hostile " + SCRIPT)
                .endsWith("\u2026");
        assertThat(driver.findElement(By.cssSelector("section h2")).getText()).isEqualTo(PLATFORM);
    }

    @Test
    void matrixTimelineAndMapAreDrawn() throws Exception {
        WebElement matrix = driver.findElement(By.cssSelector("table.matrix"));
        assertThat(matrix.isDisplayed()).isTrue();
        assertThat(matrix.getSize().getWidth()).isPositive();
        assertThat(matrix.findElements(By.cssSelector("td.v"))).hasSize(3 * 8);
        for (int i = 0; i < 3; i++) {
            WebElement map = section(i).findElement(By.cssSelector("svg.map"));
            assertThat(map.isDisplayed()).isTrue();
            assertThat(map.getSize().getWidth()).isPositive();
            assertThat(map.getSize().getHeight()).isPositive();
            assertThat(map.findElements(By.cssSelector("rect.bar"))).isNotEmpty();
            WebElement timeline = section(i).findElement(By.cssSelector(".tl"));
            assertThat(timeline.isDisplayed()).isTrue();
            assertThat(timeline.findElements(By.cssSelector(".chip")))
                    .isNotEmpty()
                    .allSatisfy(c -> assertThat(c.getAttribute("class")).matches("chip r-[a-z0-9-]+"));
        }
        screenshot(1400, 1000, "report-top.png", null);
        section(1)
                .findElement(By.cssSelector(".strategy-select option[value='0']"))
                .click();
        assertThat(section(1)
                        .findElement(By.cssSelector(".verdict-now"))
                        .getText()
                        .strip())
                .isIn("PASS", "DEGRADED", "FAIL");
        screenshot(1400, 1500, "report-platform.png", section(1));
        screenshot(1400, 1500, "report-findings.png", section(1).findElement(By.cssSelector("table.costs")));
        long height = (Long) js("return document.documentElement.scrollHeight");
        screenshot(1400, (int) Math.min(height, 16000), "report-full.png", null);
        driver.manage().window().setSize(new Dimension(1400, 1000));
        assertThat(DIR.resolve("report-top.png")).isNotEmptyFile();
    }

    @Test
    void choosingAStrategyRecoloursTheMapAndTheTimeline() {
        WebElement s = section(1);
        WebElement select = s.findElement(By.cssSelector(".strategy-select"));
        int strategies = select.findElements(By.tagName("option")).size();
        for (int i = 0; i < strategies; i++) {
            select.findElement(By.cssSelector("option[value='" + i + "']")).click();
            for (WebElement el : s.findElements(By.cssSelector("rect.bar, .chip"))) {
                String expected = el.getAttribute("data-r").split(" ", -1)[i];
                assertThat(el.getAttribute("class")).as("strategy %d", i).endsWith(" r-" + expected);
            }
        }
        @SuppressWarnings("unchecked")
        List<String> kinds = (List<String>) js(
                "var seen = {}; arguments[0].querySelectorAll('rect.bar').forEach("
                        + "function (r) { seen[r.getAttribute('class')] = 1; }); return Object.keys(seen);",
                s);
        assertThat(kinds)
                .as("the last strategy colours regions in more than one way")
                .hasSizeGreaterThan(1);
    }

    @Test
    void findingsFilterBySeverityAndRuleAndSort() {
        WebElement s = section(0);
        s.findElement(By.cssSelector(".f-sev option[value='']")).click();
        int all = visibleRows(s).size();
        assertThat(all).isPositive();
        assertThat(s.findElement(By.cssSelector(".f-count")).getText()).isEqualTo(all + " of " + all + " shown");

        s.findElement(By.xpath(".//select[@class='f-sev']/option[.='error']")).click();
        List<Map<String, String>> errors = visibleRows(s);
        assertThat(errors).isNotEmpty().allSatisfy(r -> assertThat(r.get("sev")).isEqualTo("error"));
        s.findElement(By.cssSelector(".f-sev option[value='']")).click();

        WebElement rule = s.findElements(By.cssSelector(".f-rule option")).get(1);
        String ruleId = rule.getText();
        rule.click();
        assertThat(visibleRows(s))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.get("rule")).isEqualTo(ruleId));
        s.findElement(By.cssSelector(".f-rule option[value='']")).click();

        List<WebElement> headers = s.findElements(By.cssSelector("table.findings th.sort"));
        headers.get(1).click();
        List<String> rules = visibleRows(s).stream().map(r -> r.get("rule")).toList();
        assertThat(rules).isSortedAccordingTo(String::compareTo);
        headers.get(0).click();
        headers.get(0).click();
        List<String> severities = visibleRows(s).stream().map(r -> r.get("sev")).toList();
        assertThat(severities.get(0))
                .isEqualTo("info".equals(severities.get(severities.size() - 1)) ? "error" : severities.get(0));
        assertThat(severities).isSortedAccordingTo((a, b) -> rank(b) - rank(a));
    }

    @Test
    void theMemoryMapStaysReadableWithAddressesAtZeroAndAbove2To63() throws Exception {
        var image = PlatformBuilder.create()
                .add(new FadtBuilder().hardwareReducedArm(false))
                .add(new McfgBuilder()
                        .allocation(0, 0, 0, 0x0F)
                        .allocation(0xFFFF_FFFF_F000_0000L, 1, 0, 0)
                        .allocation(0x8000_0000_0000_0000L, 2, 0, 0))
                .build()
                .image();
        Platform wide = new Platform("unsigned", AcpiTables.load(image), PlatformDescriptor.SEED_ERA);
        Path dir = DIR.resolve("unsigned");
        ReportWriter.write(ConformanceReport.of(List.of(wide), Instant.parse("2026-01-02T03:04:05Z")), dir);
        driver.get(dir.resolve("index.html").toAbsolutePath().toUri().toString());
        try {
            WebElement map = driver.findElement(By.cssSelector("svg.map"));
            double width = map.getSize().getWidth();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> bars = (List<Map<String, Object>>) js(
                    "var out = [];"
                            + "arguments[0].querySelectorAll('rect.bar').forEach(function (r) {"
                            + " var b = r.getBoundingClientRect();"
                            + " out.push({x: b.x, w: b.width, t: r.textContent}); }); return out;",
                    map);
            assertThat(bars)
                    .isNotEmpty()
                    .allSatisfy(b -> assertThat(((Number) b.get("w")).doubleValue())
                            .as("%s", b.get("t"))
                            .isLessThan(width / 2));
            assertThat(bars).anySatisfy(b -> assertThat((String) b.get("t")).contains("0xFFFFFFFFF0000000"));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> labels = (List<Map<String, Object>>) js(
                    "var out = [];"
                            + "arguments[0].querySelectorAll('text').forEach(function (t) { var b = t.getBoundingClientRect();"
                            + " if (t.textContent !== 'log scale') out.push({l: b.left, r: b.right, t: t.textContent}); });"
                            + " return out;",
                    map);
            assertThat(labels).hasSizeLessThanOrEqualTo(17);
            for (int i = 1; i < labels.size(); i++) {
                assertThat(((Number) labels.get(i).get("l")).doubleValue())
                        .as(
                                "%s clear of %s",
                                labels.get(i).get("t"), labels.get(i - 1).get("t"))
                        .isGreaterThanOrEqualTo(((Number) labels.get(i - 1).get("r")).doubleValue());
            }
            screenshot(1400, 1000, "report-unsigned-map.png", map);
        } finally {
            driver.get(DIR.resolve("index.html").toAbsolutePath().toUri().toString());
        }
    }

    private static int rank(String severity) {
        return List.of("error", "warning", "info").indexOf(severity);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, String>> visibleRows(WebElement section) {
        return (List<Map<String, String>>) js(
                "var out = [];"
                        + "arguments[0].querySelectorAll('table.findings tbody tr').forEach(function (tr) {"
                        + "  if (tr.style.display !== 'none') { out.push({ sev: tr.getAttribute('data-sev'),"
                        + "    rule: tr.getAttribute('data-rule') }); } });"
                        + "return out;",
                section);
    }

    private static void screenshot(int width, int height, String name, WebElement top) throws Exception {
        driver.manage().window().setSize(new Dimension(width, height));
        if (top == null) {
            js("window.scrollTo(0, 0)");
        } else {
            js("arguments[0].scrollIntoView(true)", top);
        }
        Files.write(DIR.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
    }
}
