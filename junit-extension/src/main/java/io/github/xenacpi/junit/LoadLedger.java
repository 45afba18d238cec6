package io.github.xenacpi.junit;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts the platforms loaded under one root context; lives in that context's store. */
final class LoadLedger {
    private final AtomicInteger loads = new AtomicInteger();

    void loaded() {
        loads.incrementAndGet();
    }

    int loads() {
        return loads.get();
    }
}
