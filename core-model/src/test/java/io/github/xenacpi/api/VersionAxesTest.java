package io.github.xenacpi.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.xenacpi.platform.LinuxVersion;
import io.github.xenacpi.platform.PlatformDescriptor;
import io.github.xenacpi.platform.XenVersion;
import org.junit.jupiter.api.Test;

/** The goal's {@code xenacpi.xenVersions} and {@code xenacpi.linuxVersions} lists. */
class VersionAxesTest {

    @Test
    void listsKeepTheirOrderWithoutRepeats() throws Exception {
        VersionAxes axes = VersionAxes.parse("4.17, 4.19,4.22,4.17", "6.1,6.6,6.12");

        assertThat(axes.enabled()).isTrue();
        assertThat(axes.xen()).containsExactly(XenVersion.V4_17, XenVersion.V4_19, XenVersion.V4_22);
        assertThat(axes.linux()).containsExactly(LinuxVersion.V6_1, LinuxVersion.V6_6, LinuxVersion.V6_12);
    }

    @Test
    void nothingSetIsNoGridAndAMissingAxisIsThePlatformsOwnVersion() throws Exception {
        assertThat(VersionAxes.parse(null, " ")).isEqualTo(VersionAxes.NONE);
        assertThat(VersionAxes.NONE.enabled()).isFalse();

        VersionAxes onlyXen = VersionAxes.parse("4.8,4.22", null);
        assertThat(onlyXen.linuxFor(PlatformDescriptor.DEFAULT)).containsExactly(PlatformDescriptor.DEFAULT.linux());
        assertThat(onlyXen.xenFor(PlatformDescriptor.DEFAULT)).containsExactly(XenVersion.V4_8, XenVersion.V4_22);
    }

    @Test
    void modelledStandsForEveryModelledVersion() throws Exception {
        VersionAxes axes = VersionAxes.parse("modelled", "MODELLED");

        assertThat(axes.xen()).containsExactlyElementsOf(XenVersion.MODELLED);
        assertThat(axes.linux()).containsExactlyElementsOf(LinuxVersion.MODELLED);
    }

    @Test
    void aBadVersionNamesItsPropertyAndTheList() {
        assertThatThrownBy(() -> VersionAxes.parse("4.17,4.x", null))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("xenacpi.xenVersions: ")
                .hasMessageContaining("4.x")
                .hasMessageContaining("\"4.17,4.x\"")
                .hasMessageNotContaining("For input string");
        assertThatThrownBy(() -> VersionAxes.parse(null, "6"))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("xenacpi.linuxVersions: ")
                .hasMessageContaining("6.6");
        assertThatThrownBy(() -> VersionAxes.parse("4.17,,4.22", null))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("xenacpi.xenVersions: an empty entry");
        assertThatThrownBy(() -> VersionAxes.parse("4.17,4.22,", null))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("xenacpi.xenVersions: an empty entry");
        assertThatThrownBy(() -> VersionAxes.parse("4.17.", null))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("xenacpi.xenVersions: ")
                .hasMessageContaining("\"4.17.\"");
    }
}
