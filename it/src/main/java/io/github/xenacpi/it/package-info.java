/**
 * Firmware that the invoker projects of the integration tests use, made by the project's builder.
 */
package io.github.xenacpi.it;
