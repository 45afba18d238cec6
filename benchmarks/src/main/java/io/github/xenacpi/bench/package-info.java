/**
 * JMH benchmarks and the corpus benchmark that times the whole pipeline side by side with iasl -d; built only
 * with the bench profile.
 */
package io.github.xenacpi.bench;
