/**
 * AML bytes into the namespace: the bounded reader, the term grammar, the two-pass loader
 * ({@link io.github.xenacpi.aml.parse.AmlLoader}) and the method-body parser the interpreter calls on first use.
 */
package io.github.xenacpi.aml.parse;
