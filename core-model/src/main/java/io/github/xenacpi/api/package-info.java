/**
 * The core's one API for front ends (the Maven goals, the JUnit extension, the inspect CLI): {@link
 * io.github.xenacpi.api.Firmware} and {@link io.github.xenacpi.api.FirmwareFolder} find firmware by one rule,
 * {@link io.github.xenacpi.api.PlatformSource} loads a platform with its settings ({@link
 * io.github.xenacpi.api.Overrides}), {@link io.github.xenacpi.api.ValidationRun} runs a validation into a report,
 * {@link io.github.xenacpi.api.Threshold} says which findings reach the build's severity threshold, and {@link
 * io.github.xenacpi.api.Inspection} shows one platform. A goal's parameters arrive as written, in parameter groups
 * ({@link io.github.xenacpi.api.ValidationParameters}, {@link io.github.xenacpi.api.GateParameters}), and are read
 * here, each error naming its property; {@link io.github.xenacpi.api.ViolationPolicy} ends a build. Front ends
 * declare their parameters, log and render; the pipeline lives here.
 */
package io.github.xenacpi.api;
