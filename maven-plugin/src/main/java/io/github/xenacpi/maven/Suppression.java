package io.github.xenacpi.maven;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code <suppression>} of the {@code validate} goal: a rule, optionally a platform, a table and one finding's
 * id, and the required reason. Maven fills the fields from the configuration.
 */
public class Suppression {

    /** The rule id, such as {@code SBBR.TABLE.DBG2.REQUIRED}; required. */
    String rule;

    /** The platform's name; empty: every platform. */
    String platform;

    /** The table signature; empty: every table. */
    String table;

    /** One finding's id (from the report or the baseline); empty: every finding of the rule. */
    String finding;

    /** Why the finding is accepted; required. */
    String reason;

    /** The core's suppressions of a configured list ({@code null}: none), checked when the gate reads them. */
    static List<io.github.xenacpi.api.Suppression> toCore(List<Suppression> configured) {
        List<io.github.xenacpi.api.Suppression> out = new ArrayList<>();
        for (Suppression s : configured == null ? List.<Suppression>of() : configured) {
            out.add(new io.github.xenacpi.api.Suppression(s.rule, s.platform, s.table, s.finding, s.reason));
        }
        return out;
    }
}
