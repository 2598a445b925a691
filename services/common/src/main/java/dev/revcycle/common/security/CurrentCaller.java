package dev.revcycle.common.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The {@link Caller} of the current request, from its verified JWT. Request-scoped: inject this
 * (never a {@code Caller} field) into resources, which Quarkus REST makes singletons.
 */
@RequestScoped
public class CurrentCaller {
    /** Practice codes: letters, digits and dashes, e.g. {@code p1}, {@code north-clinic}. */
    public static final Pattern PRACTICE_CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    public static final String PRACTICES_CLAIM = "practices";

    @Inject
    JsonWebToken jwt;

    private Caller caller;

    public Caller get() {
        if (caller == null) {
            String subject = jwt.getSubject() == null ? "anonymous" : jwt.getSubject();
            Set<String> roles = jwt.getGroups() == null ? Set.of() : jwt.getGroups();
            caller = new Caller(subject, roles, practices(jwt.getClaim(PRACTICES_CLAIM)));
        }
        return caller;
    }

    static Set<String> practices(Object claim) {
        Set<String> practices = new LinkedHashSet<>();
        if (claim instanceof JsonArray array) {
            array.forEach(value -> {
                if (value instanceof JsonString s) {
                    practices.add(s.getString());
                }
            });
        } else if (claim instanceof Iterable<?> values) {
            values.forEach(v -> practices.add(String.valueOf(v)));
        } else if (claim instanceof String text) {
            practices.addAll(Arrays.asList(text.split("[\\s,]+")));
        } else if (claim instanceof JsonString s) {
            practices.addAll(Arrays.asList(s.getString().split("[\\s,]+")));
        }
        practices.removeIf(p -> !PRACTICE_CODE.matcher(p).matches());
        return practices;
    }
}
