package com.meetergo.apiauth.domain.model.credential;

import com.meetergo.apiauth.domain.shared.DomainException;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The scopes a credential holds, and the two rules that read them: whether they grant an endpoint's scope
 * ({@link #grant}) and whether they cover another set ({@link #cover}: no credential mints or rotates into more than it
 * holds).
 *
 * <p>{@link #FULL} is every scope, present and future — what a credential made without {@code "scopes"} holds (the
 * contract's full-access credential). Naming every scope is the same thing: {@link #of} gives {@code FULL} then, so
 * there is one way to be full access. Stored as {@code null} when full, else the sorted names joined by spaces (OAuth's
 * scope syntax, RFC 6749 §3.3).
 */
public final class Scopes {

    public static final Scopes FULL = new Scopes(EnumSet.allOf(Scope.class));

    public static final Scopes NONE = new Scopes(EnumSet.noneOf(Scope.class));

    private final Set<Scope> held;

    /** Everything {@code held} grants, write scopes' reads included: what {@link #grant} reads. */
    private final Set<Scope> granted;

    private Scopes(EnumSet<Scope> held) {
        this.held = held;
        var granted = EnumSet.copyOf(held);
        held.forEach(s -> granted.add(s.impliedRead()));
        this.granted = granted;
    }

    public static Scopes of(Collection<Scope> scopes) {
        var set = scopes.isEmpty() ? EnumSet.noneOf(Scope.class) : EnumSet.copyOf(scopes);
        return set.equals(FULL.held) ? FULL : set.isEmpty() ? NONE : new Scopes(set);
    }

    /** The API's names; an unknown one is the client's mistake, named back to it. */
    public static Scopes named(Collection<String> names) {
        return of(names.stream()
                .map(n -> Scope.named(n).orElseThrow(() -> DomainException.invalid("Unknown scope '" + n + "'")))
                .toList());
    }

    /** What {@link #stored()} wrote; null is full access. */
    public static Scopes fromStored(String stored) {
        if (stored == null) {
            return FULL;
        }
        return of(Arrays.stream(stored.split(" "))
                .filter(s -> !s.isEmpty())
                .map(n -> Scope.named(n).orElseThrow(() -> new IllegalStateException("stored scope unknown: " + n)))
                .toList());
    }

    /** Null for full access (so that scopes added later are included), else the sorted names. */
    public String stored() {
        return isFull() ? null : String.join(" ", names());
    }

    public boolean isFull() {
        return this == FULL;
    }

    /** Whether an endpoint that needs {@code required} is open to this credential. */
    public boolean grant(Scope required) {
        return granted.contains(required);
    }

    /** Whether everything {@code other} grants, these grant too (full access, future scopes included, only full). */
    public boolean cover(Scopes other) {
        return isFull() || !other.isFull() && granted.containsAll(other.granted);
    }

    /** The names held, sorted: what lists and creation answers show. */
    public List<String> names() {
        return held.stream().map(Scope::apiName).sorted().toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scopes other && held.equals(other.held);
    }

    @Override
    public int hashCode() {
        return held.hashCode();
    }

    @Override
    public String toString() {
        return isFull()
                ? "full access"
                : held.stream().map(Scope::apiName).sorted().collect(Collectors.joining(" ", "[", "]"));
    }
}
