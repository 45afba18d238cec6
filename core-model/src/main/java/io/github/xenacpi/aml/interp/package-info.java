/**
 * The bounded AML interpreter: {@link io.github.xenacpi.aml.interp.AmlInterpreter} runs control methods over a
 * loaded namespace within a {@link io.github.xenacpi.aml.interp.Budget}, recording the regions it touches.
 */
package io.github.xenacpi.aml.interp;
