/**
 * The AML namespace as Linux loads and walks it at boot: the parser and loader (both passes), the bounded
 * interpreter with its budgets, and the survey that evaluates _STA, _INI, _REG and _CRS in ACPICA's order to
 * find the devices and the memory AML touches.
 */
package io.github.xenacpi.aml;
