package com.meetergo.apiauth.security.credential;

import java.util.Optional;

/** A {@link SecretDigester} outside the container, for in-process measurements. */
public final class Digesters {

    private Digesters() {}

    public static SecretDigester withPepper(String value) {
        var pepper = new Pepper();
        pepper.configured = Optional.of(value);
        pepper.load();
        var digester = new SecretDigester();
        digester.pepper = pepper;
        digester.init();
        return digester;
    }
}
