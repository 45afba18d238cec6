package io.github.xenacpi.aml.resource;

/** Whether a descriptor's device consumes the resource or produces it for its children (ASL ResourceUsage). */
public enum Usage {
    CONSUMER,
    PRODUCER
}
