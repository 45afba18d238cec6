package io.github.xenacpi.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Any firmware-given platform name becomes a safe, unique file name. */
class PageNamesTest {

    @Test
    void namesAreReducedToSafeCharactersAndMadeUnique() {
        List<String> files = PageNames.of(List.of(
                "qemu-virt",
                "a/b c",
                "A/B c",
                "../../etc/passwd",
                "con",
                "<script>x</script>",
                "",
                ".hidden",
                "x".repeat(100),
                "qemu-virt"));
        assertThat(files)
                .containsExactly(
                        "qemu-virt.html",
                        "a_b_c.html",
                        "A_B_c-2.html",
                        "etc_passwd.html",
                        "_con.html",
                        "script_x_script.html",
                        "platform.html",
                        "hidden.html",
                        "x".repeat(60) + ".html",
                        "qemu-virt-2.html");
        assertThat(files).allSatisfy(f -> assertThat(f).matches("[A-Za-z0-9_][A-Za-z0-9._-]*\\.html"));
    }
}
