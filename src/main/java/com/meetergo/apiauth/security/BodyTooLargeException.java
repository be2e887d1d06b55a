package com.meetergo.apiauth.security;

import java.io.IOException;

/** Thrown while a body is read, when it passes {@code apiauth.request.max-body-bytes}: answered 413. */
public class BodyTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    public BodyTooLargeException() {
        super("Request body too large");
    }

    /** Whether {@code thrown} or one of its causes is a body over the limit. */
    public static boolean isCauseOf(Throwable thrown) {
        return Causes.find(thrown, BodyTooLargeException.class).isPresent();
    }
}
