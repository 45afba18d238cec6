package io.github.xenacpi.aml.resource;

/** Whether an interrupt or pin is shared and whether it can wake the system (ASL Shared: _SHR and _WKC). */
public enum Sharing {
    EXCLUSIVE(false, false),
    SHARED(true, false),
    EXCLUSIVE_AND_WAKE(false, true),
    SHARED_AND_WAKE(true, true);

    private final boolean shared;
    private final boolean wake;

    Sharing(boolean shared, boolean wake) {
        this.shared = shared;
        this.wake = wake;
    }

    public boolean shared() {
        return shared;
    }

    public boolean wake() {
        return wake;
    }

    /** The value for the two flag bits. */
    public static Sharing of(boolean shared, boolean wake) {
        return shared ? (wake ? SHARED_AND_WAKE : SHARED) : (wake ? EXCLUSIVE_AND_WAKE : EXCLUSIVE);
    }
}
