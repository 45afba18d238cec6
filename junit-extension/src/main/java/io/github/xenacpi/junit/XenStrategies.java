package io.github.xenacpi.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test once per mapping strategy (every strategy, or the ids listed), on the platform
 * {@link XenPlatform} names; each invocation's display name carries the strategy id and its injected
 * {@code SimulationResult} is that strategy's.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@TestTemplate
@ExtendWith(XenStrategiesProvider.class)
public @interface XenStrategies {

    /** Strategy ids such as {@code stage2-fault}; empty: every strategy, in report order. */
    String[] value() default {};
}
