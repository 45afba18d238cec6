package io.github.xenacpi.junit;

import io.github.xenacpi.platform.Platform;

/** A store entry: the platform a key loaded, or why it could not be loaded (then {@code platform} is null). */
record LoadedPlatform(Platform platform, String error) {}
