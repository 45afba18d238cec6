/**
 * The Maven goals ({@code validate}, {@code report}, {@code inspect}, {@code baseline}): parameters handed to the
 * core façade {@code io.github.xenacpi.api} as parameter groups, Maven's logging and exceptions, and the project's
 * test class path, from which the façade's {@code ConformanceTests} runs the project's own tests on each platform.
 */
package io.github.xenacpi.maven;
