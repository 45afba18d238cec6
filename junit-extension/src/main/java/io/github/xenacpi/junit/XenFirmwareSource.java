package io.github.xenacpi.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test once per platform below a folder: each sub-folder (tables, optionally with a
 * {@code xenacpi.json}) and each dump file, in name order; the versions and strategy come from
 * {@link XenPlatform}, the invocation's display name is the platform's name.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@TestTemplate
@ExtendWith(XenFirmwareSourceProvider.class)
public @interface XenFirmwareSource {

    /** The folder: relative to the project directory (or absolute), else a class-path resource. */
    String value();
}
