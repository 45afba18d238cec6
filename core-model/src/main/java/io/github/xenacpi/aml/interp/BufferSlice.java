package io.github.xenacpi.aml.interp;

import io.github.xenacpi.aml.AmlValue;

/** The bits of a buffer that a buffer field (CreateField and its kin) stands for. */
record BufferSlice(AmlValue.Buffer buffer, long bitIndex, long bitLength) {}
