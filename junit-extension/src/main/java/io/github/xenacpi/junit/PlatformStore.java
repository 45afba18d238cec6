package io.github.xenacpi.junit;

import io.github.xenacpi.api.ValidationException;
import io.github.xenacpi.platform.Platform;
import io.github.xenacpi.simulation.Simulation;
import io.github.xenacpi.simulation.SimulationInput;
import io.github.xenacpi.simulation.SimulationResult;
import io.github.xenacpi.strategy.MappingStrategy;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;

/**
 * Platforms and simulation results, each computed once per test run in the root context's store under
 * {@link #NAMESPACE}; a platform that cannot be loaded is remembered with its reason.
 */
// Store.getOrComputeIfAbsent is the one atomic get-or-create both supported JUnit lines have: JUnit 6 deprecates it
// for computeIfAbsent, which JUnit 5.14 lacks. The extension builds against both (.ci/run), so it keeps the old name.
@SuppressWarnings("deprecation")
final class PlatformStore {
    /** The one namespace of the extension's store entries. */
    static final Namespace NAMESPACE = Namespace.create(XenPlatformExtension.class);

    private PlatformStore() {}

    /** The platform of a key, loaded on first use. */
    static LoadedPlatform platform(ExtensionContext context, PlatformKey key) {
        Store store = store(context);
        LoadLedger ledger = ledger(store);
        return store.getOrComputeIfAbsent(key, k -> load(ledger, key), LoadedPlatform.class);
    }

    /** The result of a strategy on a loaded platform, simulated on first use. */
    static SimulationResult simulation(
            ExtensionContext context, PlatformKey key, Platform platform, MappingStrategy strategy) {
        record SimulationKey(PlatformKey platform, String strategy) {}
        return store(context)
                .getOrComputeIfAbsent(
                        new SimulationKey(key, strategy.id()),
                        k -> Simulation.run(SimulationInput.of(platform), strategy),
                        SimulationResult.class);
    }

    /** How many platforms this run has loaded so far. */
    static int loads(ExtensionContext context) {
        return ledger(store(context)).loads();
    }

    private static LoadedPlatform load(LoadLedger ledger, PlatformKey key) {
        ledger.loaded();
        try {
            return new LoadedPlatform(key.platform().load(key.overrides()), null);
        } catch (ValidationException e) {
            return new LoadedPlatform(null, e.getMessage());
        } catch (RuntimeException e) {
            return new LoadedPlatform(null, "the platform at " + key.source() + " does not load: " + e);
        }
    }

    private static LoadLedger ledger(Store store) {
        return store.getOrComputeIfAbsent(LoadLedger.class, k -> new LoadLedger(), LoadLedger.class);
    }

    private static Store store(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE);
    }
}
