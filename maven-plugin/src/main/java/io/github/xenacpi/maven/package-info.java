/**
 * The Maven goals ({@code validate}, {@code report}, {@code inspect}, {@code baseline}): parameters handed to the
 * core façade {@code io.github.xenacpi.api} as parameter groups, Maven's logging and exceptions, plus the one piece
 * of pipeline only a build has, running the project's own conformance tests against each platform
 * ({@code ConformanceTests}).
 */
package io.github.xenacpi.maven;
