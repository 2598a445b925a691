package dev.revcycle.common.security;

import dev.revcycle.common.domain.NotFound;
import java.util.Set;

/**
 * Who is calling: the token's subject, roles and the practices it may see. Plain data, so use
 * cases take it without knowing about HTTP or JWT.
 */
public record Caller(String subject, Set<String> roles, Set<String> practices) {

    public Caller {
        roles = Set.copyOf(roles);
        practices = Set.copyOf(practices);
    }

    public boolean canSee(String practiceId) {
        return practiceId != null && practices.contains(practiceId);
    }

    /**
     * A record of a practice the caller may not see is answered exactly like one that does not
     * exist, so its existence does not leak.
     */
    public void requirePractice(String practiceId, String what) {
        if (!canSee(practiceId)) {
            throw new NotFound(what);
        }
    }

    /**
     * The practices a list or search may cover: all of the caller's, or only {@code practiceId} when
     * one is asked for, and none when the caller may not see that one (an empty result, not an error:
     * a filter names no record).
     */
    public Set<String> practicesWithin(String practiceId) {
        if (practiceId == null) {
            return practices;
        }
        return canSee(practiceId) ? Set.of(practiceId) : Set.of();
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
