package io.github.xenacpi.junit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Injects the platform {@link XenPlatform} names and what is derived from it: {@code Platform},
 * {@code AcpiTables}, {@code LoadedNamespace}, {@code Dom0Boot} and the {@code SimulationResult} of the named
 * strategy. Each platform is loaded once per test run and kept in the root context's store; the extension holds
 * no state and is safe in parallel runs. Methods of {@link XenStrategies} and {@link XenFirmwareSource} are
 * left to their invocations' own resolvers.
 */
public final class XenPlatformExtension implements ParameterResolver {

    /** The configuration parameter whose path replaces every test's firmware or preset. */
    public static final String FIRMWARE_PARAMETER = io.github.xenacpi.api.Firmware.PROPERTY;

    /** How many platforms the current test run has loaded so far (each key once, failed loads included). */
    public static int platformsLoaded(ExtensionContext context) {
        return PlatformStore.loads(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        boolean template = context.getTestMethod()
                .filter(m -> AnnotationSupport.isAnnotated(m, XenStrategies.class)
                        || AnnotationSupport.isAnnotated(m, XenFirmwareSource.class)
                        || AnnotationSupport.isAnnotated(m, XenVersionMatrix.class))
                .isPresent();
        return !template && Parameters.supports(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return Parameters.resolve(parameter.getParameter().getType(), Settings.of(context), context);
    }
}
