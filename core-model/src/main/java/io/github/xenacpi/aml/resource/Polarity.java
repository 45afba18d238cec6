package io.github.xenacpi.aml.resource;

/** An interrupt's active level (ASL ActiveLevel: _LL / _POL); ACTIVE_BOTH exists for GPIO interrupts only. */
public enum Polarity {
    ACTIVE_HIGH,
    ACTIVE_LOW,
    ACTIVE_BOTH
}
