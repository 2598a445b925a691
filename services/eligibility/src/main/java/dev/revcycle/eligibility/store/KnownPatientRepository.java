package dev.revcycle.eligibility.store;

import dev.revcycle.eligibility.domain.KnownPatient;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class KnownPatientRepository implements PanacheRepositoryBase<KnownPatient, UUID> {
}
