package io.github.xenacpi.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Names the platform a test runs on and the versions it is simulated with; parameters of type {@code Platform},
 * {@code AcpiTables}, {@code LoadedNamespace}, {@code Dom0Boot} and {@code SimulationResult} are then injected.
 * An attribute left empty on a method takes the class's (or an enclosing class's) value. Without {@code firmware}
 * and {@code preset} the platform is the {@code qemu-virt} preset. The configuration parameter
 * {@value XenPlatformExtension#FIRMWARE_PARAMETER} replaces both.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ExtendWith(XenPlatformExtension.class)
public @interface XenPlatform {

    /**
     * Tables to read: a file or folder relative to the project directory (or absolute), else a class-path
     * resource; a {@code xenacpi.json} beside them is read as the platform descriptor.
     */
    String firmware() default "";

    /**
     * A built-in platform by id ({@code seed-rfc}, {@code qemu-virt}, {@code server-ras}, {@code new-tables},
     * {@code hostile}); a preset brings its own descriptor (versions, SMMU mode, DMA), which the other attributes
     * override.
     */
    String preset() default "";

    /** The Xen version, such as {@code 4.17}; empty: the descriptor's. */
    String xen() default "";

    /** The Linux version of Dom0, such as {@code 6.6}; empty: the descriptor's. */
    String linux() default "";

    /** The SMMU mode, {@code none} or {@code shared}; empty: the descriptor's. */
    String smmu() default "";

    /** The mapping strategy of an injected {@code SimulationResult}; empty: {@code stage2-fault}. */
    String strategy() default "";
}
