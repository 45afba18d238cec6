package io.github.xenacpi.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.Severity;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The catalogue: complete and well-formed, and its Markdown page lists every rule under each of its profiles. */
class RuleCatalogTest {

    @Test
    void everyRuleSetContributesAndIdsAreUnique() {
        for (RuleSet set : RuleCatalog.ruleSets()) {
            assertThat(set.rules()).as(set.getClass().getSimpleName()).isNotEmpty();
        }
        assertThat(RuleCatalog.all())
                .extracting(Rule::id)
                .doesNotHaveDuplicates()
                .isSorted();
        assertThat(RuleCatalog.all()).hasSizeGreaterThan(100);
    }

    @Test
    void everyRuleIsDescribed() {
        for (Rule r : RuleCatalog.all()) {
            assertThat(r.title()).as(r.id()).isNotBlank();
            assertThat(r.rationale()).as(r.id()).isNotBlank();
            assertThat(r.reference()).as(r.id()).isNotBlank();
        }
        assertThat(RuleCatalog.byId("ACPI.HEADER.CHECKSUM"))
                .get()
                .extracting(Rule::fwtsLabel)
                .isEqualTo("ACPITableChecksum");
        assertThat(RuleCatalog.byId("MADT.DECODE")).isPresent();
        assertThat(RuleCatalog.byId("SBBR.TABLE.PPTT.REQUIRED"))
                .get()
                .extracting(Rule::profiles)
                .isEqualTo(Set.of(Profile.SBBR_1_2));
    }

    @Test
    void ruleIdsMustBeDottedUpperCase() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Rule.of("mcfg.base", Severity.ERROR, "t", "r", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cataloguePageHasOneRowPerRuleAndProfile() {
        // The site module writes this page at site build (rules.md); nothing of it is committed.
        String page = RuleCatalog.markdown();
        assertThat(page)
                .startsWith("# Conformance rules\n")
                .contains(RuleCatalog.all().size() + " rules.");
        for (Rule r : RuleCatalog.all()) {
            assertThat(page.split("\n"))
                    .as(r.id())
                    .filteredOn(line -> line.startsWith("| `" + r.id() + "` |"))
                    .hasSize(r.profiles().size());
        }
    }
}
