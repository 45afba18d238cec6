package io.github.xenacpi.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test once per Xen x Linux pair (Xen-major), on the platform {@link XenPlatform} names: the core's
 * {@code VersionGrid} as a test matrix. Each invocation's display name is {@code Xen 4.8 / Linux 6.6}; its injected
 * {@code Platform} carries those versions in its descriptor and its {@code SimulationResult} runs under them (the
 * strategy is {@link XenPlatform#strategy()}, or stage2-fault).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@TestTemplate
@ExtendWith(XenVersionMatrixProvider.class)
public @interface XenVersionMatrix {

    /** Xen versions such as {@code 4.8} or {@code 4.20.4}; empty: the report profiles (XenVersion.PROFILES). */
    String[] xen() default {};

    /** Linux versions such as {@code 6.1}; empty: every modelled kernel (LinuxVersion.MODELLED). */
    String[] linux() default {};
}
