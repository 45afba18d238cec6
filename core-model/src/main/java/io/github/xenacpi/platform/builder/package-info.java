/**
 * The table builder: writes every table the decoders read through the same layouts, and lays whole platforms
 * out as acpidump text, acpixtract folders or sysfs folders. Test fixtures and presets are made with it.
 */
package io.github.xenacpi.platform.builder;
