package io.github.xenacpi.platform;

/**
 * The checked failure of the platform layer: a platform descriptor that cannot be read or says something
 * invalid. The message names the file, the key and what was expected.
 */
public class PlatformException extends Exception {
    private static final long serialVersionUID = 1L;

    public PlatformException(String message) {
        super(message);
    }

    public PlatformException(String message, Throwable cause) {
        super(message, cause);
    }
}
