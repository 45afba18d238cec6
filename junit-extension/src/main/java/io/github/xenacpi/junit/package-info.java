/**
 * JUnit Jupiter support for firmware conformance tests: {@link io.github.xenacpi.junit.XenPlatform} injects a
 * platform and its simulation, {@link io.github.xenacpi.junit.XenStrategies} and
 * {@link io.github.xenacpi.junit.XenFirmwareSource} run a test over strategies or over a folder of platforms, and
 * {@link io.github.xenacpi.junit.XenAssertions} checks results in the domain's words.
 */
package io.github.xenacpi.junit;
