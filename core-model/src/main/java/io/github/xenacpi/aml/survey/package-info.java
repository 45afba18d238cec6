/**
 * The boot walk Linux makes over the namespace: _STA, _INI, _REG and _CRS in ACPICA's order, summed up by
 * {@link io.github.xenacpi.aml.survey.NamespaceSurvey} (the devices present and the memory AML touches).
 */
package io.github.xenacpi.aml.survey;
