package io.github.xenacpi.report;

import io.github.xenacpi.acpi.Severity;
import io.github.xenacpi.conformance.Profile;
import io.github.xenacpi.conformance.Rule;
import io.github.xenacpi.report.ConformanceReport.PlatformReport;
import io.github.xenacpi.report.ConformanceReport.ReportFinding;
import io.github.xenacpi.report.XmlDocument.Element;
import io.github.xenacpi.simulation.Verdict;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The report as JUnit XML in the shape Surefire writes: a {@code testsuites} root with two {@code testsuite}s per
 * platform, kept apart: {@code <platform> firmware}, one case per table rule that ran or found something (class
 * {@code <platform>.firmware}; it fails on a finding at error severity, warnings go to its standard output), and
 * {@code <platform> strategies}, one case per simulated strategy (class {@code <platform>.strategies}; it fails
 * when the verdict is FAIL, with one line per region and cause; on a platform whose input is damaged every such
 * case is skipped with the input defect as its message, since no verdict stands). Written platform by platform:
 * each platform's suites are set aside in a {@link PartFile} as they are made, and the root, whose attributes are the
 * totals, is written around them at the end.
 */
final class JunitReport implements FormatWriter {

    /** The suite of a platform's firmware findings (the table rules), and its class name's last part. */
    static final String FIRMWARE_SUITE = "firmware";
    /** The suite of a platform's strategy outcomes (one case per strategy), and its class name's last part. */
    static final String STRATEGY_SUITE = "strategies";

    private static final Set<Profile> ACTIVE = active();

    private final List<Rule> rules;
    private final Path file;
    private final PartFile suites;
    private final XmlDocument doc = new XmlDocument();
    private int allTests;
    private int allFailures;
    private Duration total = Duration.ZERO;

    /** A writer of {@code file} for a report with the rules of {@code head}. */
    JunitReport(ConformanceReport head, Path file) throws IOException {
        this.rules = head.rules();
        this.file = file;
        this.suites = new PartFile(file.getParent());
    }

    private static Set<Profile> active() {
        Set<Profile> active = EnumSet.of(Profile.ACPI);
        active.addAll(ConformanceReport.PROFILES);
        return active;
    }

    @Override
    public void add(PlatformReport p) throws IOException {
        Element firmware = suite(p.name() + " " + FIRMWARE_SUITE);
        int tests = 0;
        int failures = 0;
        for (Rule r : rules) {
            boolean ran = r.enabledBy(ACTIVE) && !r.profiles().contains(Profile.XEN_DOM0);
            boolean found = p.findings().stream().anyMatch(f -> f.ruleId().equals(r.id()));
            if (!ran && !found) {
                continue;
            }
            tests++;
            failures += testcase(doc, firmware, p.name() + "." + FIRMWARE_SUITE, r.id(), findings(p, r.id()), null);
        }
        // Findings of rules outside the report's catalogue (a front end's own) are cases too.
        for (String other : p.findings().stream()
                .map(ReportFinding::ruleId)
                .distinct()
                .filter(id -> rules.stream().noneMatch(r -> r.id().equals(id)))
                .toList()) {
            tests++;
            failures += testcase(doc, firmware, p.name() + "." + FIRMWARE_SUITE, other, findings(p, other), null);
        }
        counts(firmware, tests, failures);
        firmware.setAttribute("time", seconds(p.timing().rules()));
        allTests += tests;
        allFailures += failures;
        Element strategies = suite(p.name() + " " + STRATEGY_SUITE);
        tests = 0;
        failures = 0;
        for (StrategyReport s : p.strategies()) {
            tests++;
            failures += strategyCase(doc, strategies, p, s);
        }
        counts(strategies, tests, failures);
        if (!p.complete() || p.summary().notBuilt() != null) {
            strategies.setAttribute("skipped", Integer.toString(tests));
        }
        if (p.timing().simulations() != null) {
            strategies.setAttribute("time", seconds(p.timing().simulations()));
            total = total.plus(p.timing().simulations());
        } else {
            strategies.removeAttribute("time");
        }
        total = total.plus(p.timing().rules());
        allTests += tests;
        allFailures += failures;
        StringBuilder out = new StringBuilder(4096);
        firmware.write(out, 1);
        strategies.write(out, 1);
        suites.append(out);
    }

    @Override
    public void finish() throws IOException {
        Element root = doc.createElement("testsuites");
        root.setAttribute("name", "xen-acpi-conformance");
        root.setAttribute("tests", Integer.toString(allTests));
        root.setAttribute("failures", Integer.toString(allFailures));
        root.setAttribute("errors", "0");
        root.setAttribute("time", seconds(total));
        try (Writer out = ReportWriter.newWriter(file)) {
            StringBuilder text = new StringBuilder(XmlDocument.DECLARATION);
            if (suites.isEmpty()) {
                root.write(text, 0);
                out.append(text);
                return;
            }
            root.writeStart(text, 0);
            out.append(text);
            suites.copyTo(out);
            text.setLength(0);
            root.close(text, 0);
            out.append(text);
        }
    }

    @Override
    public void close() throws IOException {
        suites.close();
    }

    /** A duration in seconds as JUnit XML writes it, to the millisecond. */
    static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.3f", d.toNanos() / 1e9);
    }

    private Element suite(String name) {
        Element suite = doc.createElement("testsuite");
        suite.setAttribute("name", clean(name));
        return suite;
    }

    private static void counts(Element suite, int tests, int failures) {
        suite.setAttribute("tests", Integer.toString(tests));
        suite.setAttribute("failures", Integer.toString(failures));
        suite.setAttribute("errors", "0");
        suite.setAttribute("skipped", "0");
    }

    /**
     * One strategy's test case: it fails when the verdict is FAIL, with the outcome groups (one line per region
     * and cause) as the failure's text; a DEGRADED strategy passes with its groups as standard output.
     */
    private static int strategyCase(XmlDocument doc, Element suite, PlatformReport p, StrategyReport s) {
        Element tc = doc.createElement("testcase");
        tc.setAttribute("name", clean(s.strategy()));
        tc.setAttribute("classname", clean(p.name() + "." + STRATEGY_SUITE));
        suite.appendChild(tc);
        String lines = String.join(
                "\n",
                s.outcomes().stream()
                        .map(g -> g.result() + " " + g.region() + " ("
                                + g.describedBy() + ") via " + String.join(", ", g.functions()) + ", for " + g.feature()
                                + ": "
                                + g.reason() + " [" + g.accesses() + " accesses]")
                        .toList());
        boolean failed = p.complete() && s.verdict().equals(Verdict.FAIL.name());
        if (!p.complete()) {
            // Empty: JUnit's jenkins-junit.xsd allows no attribute on <skipped>, so the reason goes to system-out.
            tc.appendChild(doc.createElement("skipped"));
            Element out = doc.createElement("system-out");
            out.setTextContent(
                    clean("no verdict: the input is damaged (" + p.input().firstLoss() + ")"));
            tc.appendChild(out);
        } else if (s.verdict().equals(Verdict.NOT_BUILT.name())) {
            // The strategy never ran: Xen refused the tables (a firmware failure, XEN.DOM0.NOT_BUILT).
            tc.appendChild(doc.createElement("skipped"));
            Element out = doc.createElement("system-out");
            out.setTextContent(clean("not run: Xen refuses these tables ("
                    + p.summary().notBuilt().function() + ": "
                    + p.summary().notBuilt().reason() + "); the firmware vendor must act"));
            tc.appendChild(out);
        } else if (failed) {
            Element f = doc.createElement("failure");
            String worst = HtmlReport.headline(s);
            f.setAttribute(
                    "message",
                    clean("Dom0 does not boot cleanly under " + s.strategy() + (worst.isEmpty() ? "" : ": " + worst)
                            + " (" + s.outcomes().size() + " region/cause groups)"));
            f.setAttribute("type", "verdict");
            f.setTextContent(clean(lines));
            tc.appendChild(f);
        } else if (!lines.isEmpty()) {
            Element out = doc.createElement("system-out");
            out.setTextContent(clean(s.verdict() + "\n" + lines));
            tc.appendChild(out);
        }
        return failed ? 1 : 0;
    }

    private static List<ReportFinding> findings(PlatformReport p, String ruleId) {
        return p.findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    /** Appends one test case; returns 1 when it failed. */
    private static int testcase(
            XmlDocument doc,
            Element suite,
            String classname,
            String name,
            List<ReportFinding> findings,
            String verdictFailure) {
        Element tc = doc.createElement("testcase");
        tc.setAttribute("name", name);
        tc.setAttribute("classname", clean(classname));
        suite.appendChild(tc);
        List<ReportFinding> errors =
                findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
        String failure = verdictFailure;
        if (!errors.isEmpty()) {
            failure = errors.size() + " error finding" + (errors.size() == 1 ? "" : "s") + ": "
                    + errors.get(0).message();
        }
        if (failure != null) {
            Element f = doc.createElement("failure");
            f.setAttribute("message", clean(failure));
            f.setAttribute("type", verdictFailure != null ? "verdict" : name);
            f.setTextContent(clean(
                    String.join("\n", errors.stream().map(JunitReport::line).toList())));
            tc.appendChild(f);
        }
        List<ReportFinding> rest =
                findings.stream().filter(x -> x.severity() != Severity.ERROR).toList();
        if (!rest.isEmpty()) {
            Element out = doc.createElement("system-out");
            out.setTextContent(
                    clean(String.join("\n", rest.stream().map(JunitReport::line).toList())));
            tc.appendChild(out);
        }
        return failure == null ? 0 : 1;
    }

    private static String line(ReportFinding f) {
        String where = f.table().isEmpty() ? "platform" : f.table() + (f.instance() > 1 ? "#" + f.instance() : "");
        return f.severity().label() + " " + where + (f.offset() >= 0 ? String.format(" @0x%X", f.offset()) : "") + ": "
                + f.message();
    }

    /** Firmware text with the characters XML 1.0 cannot carry replaced by U+FFFD. */
    static String clean(String s) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints()
                .forEach(c -> out.appendCodePoint(
                        c == 0x9
                                        || c == 0xA
                                        || c == 0xD
                                        || (c >= 0x20 && c <= 0xD7FF)
                                        || (c >= 0xE000 && c <= 0xFFFD)
                                        || (c >= 0x10000 && c <= 0x10FFFF)
                                ? c
                                : 0xFFFD));
        return out.toString();
    }
}
