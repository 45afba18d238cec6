/**
 * The core's one API for front ends (the Maven goals, the JUnit extension, the inspect CLI): {@link
 * io.github.xenacpi.api.Firmware} and {@link io.github.xenacpi.api.FirmwareFolder} find firmware by one rule,
 * {@link io.github.xenacpi.api.PlatformSource} loads a platform with its settings ({@link
 * io.github.xenacpi.api.Overrides}), {@link io.github.xenacpi.api.ValidationRun} runs a validation into a report,
 * {@link io.github.xenacpi.api.Threshold} says which findings reach the build's severity threshold, and {@link
 * io.github.xenacpi.api.Inspection} shows one platform. Front ends parse their own parameters and render; the
 * pipeline lives here.
 */
package io.github.xenacpi.api;
