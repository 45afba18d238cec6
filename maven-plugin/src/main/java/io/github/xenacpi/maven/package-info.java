/**
 * The Maven goals ({@code validate}, {@code report}, {@code inspect}, {@code baseline}): parameters and logging
 * around the core façade {@code io.github.xenacpi.api}, plus the one piece of pipeline only a build has, running
 * the project's own conformance tests against each platform ({@code ConformanceTests}).
 */
package io.github.xenacpi.maven;
