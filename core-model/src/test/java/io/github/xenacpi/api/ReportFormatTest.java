package io.github.xenacpi.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportFormatTest {

    @Test
    void nothingNamedIsEveryFormat() throws Exception {
        assertThat(ReportFormat.parse(null)).isEqualTo(EnumSet.allOf(ReportFormat.class));
        assertThat(ReportFormat.parse(List.of(" "))).isEqualTo(EnumSet.allOf(ReportFormat.class));
    }

    @Test
    void listsAndCommaSeparatedIdsAreRead() throws Exception {
        assertThat(ReportFormat.parse(List.of("HTML,json", "sarif")))
                .containsExactlyInAnyOrder(ReportFormat.HTML, ReportFormat.JSON, ReportFormat.SARIF);
    }

    @Test
    void anUnknownFormatNamesTheKnownOnes() {
        assertThatThrownBy(() -> ReportFormat.parse(List.of("pdf")))
                .isInstanceOf(ValidationException.class)
                .hasMessage("xenacpi.formats: unknown format(s) [pdf]; known: [html, json, sarif, junit]");
    }
}
