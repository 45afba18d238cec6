package io.github.xenacpi.conformance;

import io.github.xenacpi.acpi.Severity;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One conformance rule: a stable id (dot-separated upper-case words such as {@code MCFG.ALLOCATION.ALIGNMENT}),
 * the severity of its findings, a title, why it matters, the reference it rests on (a specification section or
 * the Linux/Xen function that depends on it), the FWTS label of the same check ({@code ""} when FWTS has none)
 * and the profiles that enable it.
 */
public record Rule(
        String id,
        Severity severity,
        String title,
        String rationale,
        String reference,
        String fwtsLabel,
        Set<Profile> profiles) {

    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9_]*(\\.[A-Z0-9][A-Z0-9_]*)+");

    public Rule {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(rationale, "rationale");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(fwtsLabel, "fwtsLabel");
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("rule id must be dot-separated upper-case words: " + id);
        }
        if (profiles.isEmpty()) {
            throw new IllegalArgumentException(id + ": a rule belongs to at least one profile");
        }
        // EnumSet order: Set.copyOf iterates in an order that changes from one JVM to the next, and reports list it.
        profiles = Collections.unmodifiableSet(EnumSet.copyOf(profiles));
    }

    /** A rule of the {@link Profile#ACPI} profile with no FWTS counterpart. */
    static Rule of(String id, Severity severity, String title, String rationale, String reference) {
        return new Rule(id, severity, title, rationale, reference, "", Set.of(Profile.ACPI));
    }

    /** This rule naming the FWTS label of the same check. */
    Rule fwts(String label) {
        return new Rule(id, severity, title, rationale, reference, label, profiles);
    }

    /** This rule enabled by the given profiles instead. */
    Rule in(Profile first, Profile... more) {
        return new Rule(id, severity, title, rationale, reference, fwtsLabel, EnumSet.of(first, more));
    }

    /** Whether any of the active profiles enables this rule. */
    public boolean enabledBy(Set<Profile> active) {
        return profiles.stream().anyMatch(active::contains);
    }
}
