/**
 * Generates the documentation pages that must never be typed by hand (presets, sample report, assertion
 * output) from the model itself, at pre-site.
 */
package io.github.xenacpi.site;
