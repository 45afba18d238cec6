package io.github.xenacpi.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.acpi.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The catalogue: complete, well-formed, and the committed Markdown page up to date. */
class RuleCatalogTest {

    private static final Path PAGE = Path.of("../src-site/markdown/rules.md");

    @Test
    void everyRuleSetContributesAndIdsAreUnique() {
        for (RuleSet set : RuleCatalog.ruleSets()) {
            assertThat(set.rules()).as(set.getClass().getSimpleName()).isNotEmpty();
        }
        assertThat(RuleCatalog.all()).extracting(Rule::id).doesNotHaveDuplicates().isSorted();
        assertThat(RuleCatalog.all()).hasSizeGreaterThan(100);
    }

    @Test
    void everyRuleIsDescribed() {
        for (Rule r : RuleCatalog.all()) {
            assertThat(r.title()).as(r.id()).isNotBlank();
            assertThat(r.rationale()).as(r.id()).isNotBlank();
            assertThat(r.reference()).as(r.id()).isNotBlank();
        }
        assertThat(RuleCatalog.byId("ACPI.HEADER.CHECKSUM")).get().extracting(Rule::fwtsLabel)
                .isEqualTo("ACPITableChecksum");
        assertThat(RuleCatalog.byId("MADT.DECODE")).isPresent();
        assertThat(RuleCatalog.byId("SBBR.TABLE.PPTT.REQUIRED")).get().extracting(Rule::profiles)
                .isEqualTo(Set.of(Profile.SBBR_1_2));
    }

    @Test
    void ruleIdsMustBeDottedUpperCase() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Rule.of("mcfg.base", Severity.ERROR, "t", "r", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void committedCataloguePageIsCurrent() throws IOException {
        String page = RuleCatalog.markdown();
        if (Boolean.getBoolean("xenacpi.regenerateRules")) {
            Files.createDirectories(PAGE.getParent());
            Files.writeString(PAGE, page);
        }
        assertThat(PAGE).as("the rule catalogue page; regenerate it with: mvn -o -q test -pl core-model"
                + " -Dtest=RuleCatalogTest -Dxenacpi.regenerateRules=true").exists();
        assertThat(Files.readString(PAGE)).as("%s is stale; regenerate it with: mvn -o -q test -pl core-model"
                + " -Dtest=RuleCatalogTest -Dxenacpi.regenerateRules=true", PAGE).isEqualTo(page);
    }
}
