package io.github.xenacpi.api;

/**
 * A firmware finding the project has decided not to act on, with the reason, as SpotBugs', PMD's and detekt's
 * suppressions are: it names a rule and optionally a platform, a table and one finding's {@link FindingId}; every
 * finding it matches is reported as suppressed with the reason and does not fail the build.
 *
 * @param rule     the rule id, such as {@code SBBR.TABLE.DBG2.REQUIRED}; required
 * @param platform the platform's name, or empty for every platform
 * @param table    the table signature, or empty for every table
 * @param finding  one finding's id (from the report or the baseline), or empty for every finding of the rule
 * @param reason   why the finding is accepted; required
 */
public record Suppression(String rule, String platform, String table, String finding, String reason) {

    public Suppression {
        rule = blankToEmpty(rule);
        platform = blankToEmpty(platform);
        table = blankToEmpty(table);
        finding = blankToEmpty(finding);
        reason = blankToEmpty(reason);
    }

    /**
     * A suppression from a build's configuration.
     *
     * @throws ValidationException when the rule or the reason is missing, naming the suppression
     */
    public static Suppression of(String rule, String platform, String table, String finding, String reason)
            throws ValidationException {
        return new Suppression(rule, platform, table, finding, reason).checked();
    }

    /**
     * This suppression, once it names its rule and its reason, as a build's configuration must.
     *
     * @throws ValidationException when the rule or the reason is missing, naming the suppression
     */
    public Suppression checked() throws ValidationException {
        if (rule.isEmpty()) {
            throw new ValidationException("xenacpi suppressions: a <suppression> names no <rule> (reason: \"" + reason
                    + "\"); name the rule id it suppresses");
        }
        if (reason.isEmpty()) {
            throw new ValidationException("xenacpi suppressions: the suppression of " + describe()
                    + " has no <reason>; say why the finding is accepted");
        }
        return this;
    }

    /** Whether it matches a finding on a platform. */
    public boolean matches(Threshold.Hit hit) {
        return rule.equals(hit.finding().ruleId())
                && (platform.isEmpty() || platform.equals(hit.platform()))
                && (table.isEmpty() || table.equalsIgnoreCase(hit.finding().table()))
                && (finding.isEmpty() || finding.equalsIgnoreCase(FindingId.of(hit.platform(), hit.finding())));
    }

    /** What it names, for messages: {@code RULE on PLATFORM in TABLE (finding ID)}. */
    public String describe() {
        return rule
                + (platform.isEmpty() ? "" : " on " + platform)
                + (table.isEmpty() ? "" : " in " + table)
                + (finding.isEmpty() ? "" : " (finding " + finding + ")");
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.trim();
    }
}
