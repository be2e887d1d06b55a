package com.meetergo.apiauth.security;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A failure and its causes, walked in one place: what the mechanism, the introspection and the REST layer's last mapper
 * look for in what was thrown. A database fault — JPA's or JDBC's, anywhere in the chain — is the rule they share: it
 * is answered 503, never as a bad credential.
 */
public final class Causes {

    private Causes() {}

    /** {@code thrown}, then its cause, then that one's, to the end of the chain. */
    public static Stream<Throwable> chain(Throwable thrown) {
        return Stream.iterate(thrown, Objects::nonNull, Throwable::getCause);
    }

    /** The first of {@code thrown} and its causes that passes {@code test}, in the chain's order. */
    public static Optional<Throwable> first(Throwable thrown, Predicate<Throwable> test) {
        return chain(thrown).filter(test).findFirst();
    }

    /** The first of {@code thrown} and its causes that is a {@code type}. */
    public static <T extends Throwable> Optional<T> find(Throwable thrown, Class<T> type) {
        return first(thrown, type::isInstance).map(type::cast);
    }

    /** Whether the database failed somewhere under {@code thrown}: the server answers 503. */
    public static boolean isDatabaseFault(Throwable thrown) {
        return first(thrown, Causes::isDatabaseError).isPresent();
    }

    /** Whether {@code t} itself, not one of its causes, is JPA's or JDBC's failure. */
    public static boolean isDatabaseError(Throwable t) {
        return t instanceof PersistenceException || t instanceof SQLException;
    }
}
