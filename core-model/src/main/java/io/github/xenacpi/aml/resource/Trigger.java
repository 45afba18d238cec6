package io.github.xenacpi.aml.resource;

/** How an interrupt is signalled (ASL EdgeLevel: _HE). */
public enum Trigger {
    LEVEL,
    EDGE
}
