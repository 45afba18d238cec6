/**
 * The AML vocabulary the parser, the interpreter and the survey share: names, terms, objects, values and the
 * namespace tree ({@link io.github.xenacpi.aml.Namespace}, {@link io.github.xenacpi.aml.LoadedNamespace}).
 * Loading lives in {@code aml.parse}, evaluation in {@code aml.interp}, the boot walk in {@code aml.survey}.
 */
package io.github.xenacpi.aml;
