package io.github.xenacpi.simulation;

/**
 * Per-operation costs used to estimate the boot time a strategy adds. The defaults are assumptions of this
 * project, of the right order for a current Armv8 server core, not measurements: a hypercall or a stage-2
 * fault round trip (trap to EL2, handler, return) of a few microseconds, and a P2M entry update (a 4 KiB page or a
 * whole block) well under a microsecond. Reports print the model they used; callers can supply their own measurements.
 */
public record CostModel(double hypercallMicros, double faultMicros, double entryMicros) {

    /** The default assumptions: 2 µs per hypercall, 3 µs per fault, 0.2 µs per P2M entry written. */
    public static final CostModel DEFAULT = new CostModel(2.0, 3.0, 0.2);

    long estimate(long hypercalls, long faults, long entries) {
        return Math.round(hypercalls * hypercallMicros + faults * faultMicros + entries * entryMicros);
    }
}
