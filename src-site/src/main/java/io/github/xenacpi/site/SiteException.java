package io.github.xenacpi.site;

/** A page of the site cannot be generated: a missing source file, a snippet that is not there, an unknown id. */
public final class SiteException extends Exception {
    private static final long serialVersionUID = 1L;

    /** A problem whose message names the file or id to fix. */
    public SiteException(String message) {
        super(message);
    }

    /** A problem caused by an I/O or model failure. */
    public SiteException(String message, Throwable cause) {
        super(message, cause);
    }
}
