package dev.revcycle.patients.api;

import static dev.revcycle.patients.api.Fixtures.patient;
import static dev.revcycle.patients.api.Fixtures.practice;
import static org.assertj.core.api.Assertions.assertThat;

import dev.revcycle.testing.RevcycleTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;

/**
 * A registration reuses Hibernate's query plans: it adds nothing to the plan cache. A native
 * query whose cache key never equals the last one's (a basic result class) added one entry per
 * request, all in one hash bucket, and the lookups grew to half the service's CPU.
 */
@QuarkusTest
@QuarkusTestResource(RevcycleTestResource.class)
class QueryPlanCacheTest {
    @Inject
    EntityManagerFactory emf;

    @Test
    void registrationsDoNotGrowTheQueryPlanCache() {
        String practice = practice();
        for (int i = 0; i < 5; i++) {
            Fixtures.register(patient(practice));
        }
        int before = plans();
        for (int i = 0; i < 40; i++) {
            Fixtures.register(patient(practice));
        }
        assertThat(plans() - before).isLessThan(3);
    }

    private int plans() {
        return emf.unwrap(SessionFactoryImplementor.class).getQueryEngine().getInterpretationCache()
                .getNumberOfCachedQueryPlans();
    }
}
