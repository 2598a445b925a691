package dev.revcycle.archgood.domain;

import dev.revcycle.common.domain.NotFound;
import dev.revcycle.common.domain.Violations;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A domain type as the rules want it: plain Java (JPA mapping allowed), refusing with the domain's errors. */
@Entity
public class Thing {
    @Id
    private String id;

    public void rename(String name) {
        if (name == null) {
            throw Violations.of("name", "is required");
        }
        if (id == null) {
            throw new NotFound("Thing");
        }
    }
}
