package io.github.xenacpi.simulation;

import io.github.xenacpi.dom0.BootEvent;

/** One boot event and what became of it, with the reason in words a Xen or firmware engineer reads. */
public record Outcome(BootEvent event, OutcomeResult result, String reason) {}
