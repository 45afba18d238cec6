package io.github.xenacpi.junit;

import io.github.xenacpi.acpi.table.load.AcpiTables;
import io.github.xenacpi.aml.LoadedNamespace;
import io.github.xenacpi.dom0.Dom0Boot;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.platform.PlatformDescriptor;
import io.github.xenacpi.simulation.SimulationResult;
import io.github.xenacpi.strategy.MappingStrategy;
import java.util.Set;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The parameter types the extension injects and how each is made from the settings in force. */
final class Parameters {
    private static final Set<Class<?>> TYPES =
            Set.of(Platform.class, AcpiTables.class, LoadedNamespace.class, Dom0Boot.class, SimulationResult.class);

    private Parameters() {}

    static boolean supports(Class<?> type) {
        return TYPES.contains(type);
    }

    /** The value of a supported type: loads (or reuses) the platform, then derives the value. */
    static Object resolve(Class<?> type, Settings settings, ExtensionContext context) {
        PlatformKey key = PlatformKey.of(settings);
        LoadedPlatform loaded = PlatformStore.platform(context, key);
        if (loaded.platform() == null) {
            throw PlatformKey.fail(settings, loaded.error());
        }
        Platform platform = loaded.platform();
        if (type == Platform.class) {
            return platform;
        }
        if (type == AcpiTables.class) {
            return platform.tables();
        }
        if (type == LoadedNamespace.class) {
            return platform.namespace();
        }
        if (type == Dom0Boot.class) {
            PlatformDescriptor d = platform.descriptor();
            return Dom0Boot.of(platform.regions(), platform.survey(), d.linux(), d.earlycon(), d.dma());
        }
        return PlatformStore.simulation(context, key, platform, strategy(settings));
    }

    private static MappingStrategy strategy(Settings settings) {
        try {
            return MappingStrategy.byId(settings.strategyOrDefault());
        } catch (IllegalArgumentException e) {
            throw PlatformKey.fail(settings, e.getMessage());
        }
    }
}
