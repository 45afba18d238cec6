/**
 * The reports a user reads and tools consume: the report model over platforms, findings and simulations, and
 * its writers (JSON, HTML, SARIF, JUnit XML).
 */
package io.github.xenacpi.report;
