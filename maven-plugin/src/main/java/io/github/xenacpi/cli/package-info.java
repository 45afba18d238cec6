/**
 * The inspect command line ({@code InspectCommand}): reads arguments, calls the core's
 * {@code io.github.xenacpi.api.Inspection} and prints; it holds no pipeline of its own.
 */
package io.github.xenacpi.cli;
