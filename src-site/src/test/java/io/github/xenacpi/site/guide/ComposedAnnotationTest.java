package io.github.xenacpi.site.guide;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.xenacpi.junit.XenPlatform;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.XenVersion;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;

/** The guide's composed annotation: a team's own name for a platform and the versions it ships. */
class ComposedAnnotationTest {

    // tag::composed[]
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD})
    @XenPlatform(preset = "server-ras", xen = "4.17", linux = "6.6")
    @interface OurRasServer {}

    @Test
    @OurRasServer
    void runsOnTheTeamsPlatform(Platform platform) {
        assertThat(platform.name()).isEqualTo("server-ras");
        assertThat(platform.descriptor().xen()).isEqualTo(XenVersion.V4_17);
    }
    // end::composed[]
}
