package io.github.xenacpi.conformance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every rule of this project, collected from the rule sets themselves (each declares its rules as constants),
 * and the catalogue rendered as Markdown for the site.
 */
public final class RuleCatalog {

    private static final List<RuleSet> RULE_SETS = List.of(
            new HeaderRules(),
            new McfgRules(),
            new MadtRules(),
            new GtdtRules(),
            new IortRules(),
            new SpcrRules(),
            new Dbg2Rules(),
            new FadtRules(),
            new PpttRules(),
            new SratRules(),
            new SbbrRules(),
            new LinuxArm64Rules(),
            new XenDom0Rules(),
            // Last: a decoder or loader diagnostic at the byte a rule above already reported is left out.
            new DecodeRules(),
            new AmlRules());

    private static final List<Rule> ALL = collect();

    private RuleCatalog() {}

    /** The rule sets in the order they run. */
    static List<RuleSet> ruleSets() {
        return RULE_SETS;
    }

    /** Every rule, sorted by id. */
    public static List<Rule> all() {
        return ALL;
    }

    /** The rule with this id. */
    public static Optional<Rule> byId(String id) {
        return ALL.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    private static List<Rule> collect() {
        List<Rule> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (RuleSet set : RULE_SETS) {
            for (Rule r : set.rules()) {
                if (!ids.add(r.id())) {
                    throw new IllegalStateException("rule id declared twice: " + r.id());
                }
                out.add(r);
            }
        }
        out.sort(Comparator.comparing(Rule::id));
        return List.copyOf(out);
    }

    /** The catalogue as a Markdown page: one table per profile, rules sorted by id. */
    public static String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Conformance rules\n\n");
        md.append("Generated from the rule classes (`RuleCatalog.all()`) while the site is built.\n");
        md.append(ALL.size())
                .append(" rules. A finding's severity is the rule's, except for the `.DECODE` rules,"
                        + " whose findings keep the severity of the decoder's diagnostic. The FWTS column names the label"
                        + " FWTS reports for the same check, where it has one.\n");
        for (Profile p : Profile.values()) {
            List<Rule> rules =
                    ALL.stream().filter(r -> r.profiles().contains(p)).toList();
            md.append("\n## ").append(p.title()).append(" (`").append(p.name()).append("`)\n\n");
            md.append(p.source()).append(". ").append(rules.size()).append(" rules.\n\n");
            md.append("| Rule | Severity | Title | Rationale | Reference | FWTS |\n");
            md.append("|---|---|---|---|---|---|\n");
            for (Rule r : rules) {
                md.append("| `")
                        .append(r.id())
                        .append("` | ")
                        .append(r.severity().label())
                        .append(" | ")
                        .append(cell(r.title()))
                        .append(" | ")
                        .append(cell(r.rationale()))
                        .append(" | ")
                        .append(cell(r.reference()))
                        .append(" | ")
                        .append(
                                r.fwtsLabel().isEmpty()
                                        ? ""
                                        : "`" + r.fwtsLabel().strip() + "`")
                        .append(" |\n");
            }
        }
        return md.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
