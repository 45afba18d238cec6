/**
 * What the inspect front end shows of one platform: its tables, regions, namespace, diagnostics and verdicts,
 * as text and as the {@code xenacpi-inspect/1} JSON document.
 */
package io.github.xenacpi.inspect;
