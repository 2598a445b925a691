package dev.revcycle.payments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revcycle.payments.app.Partners;
import dev.revcycle.payments.store.PaymentStore;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A partner's signing secret never reaches a log through toString. */
class NoPhiInToStringTest {
    @Test
    void secretsAreNotPrinted() {
        String secret = "whsec_supersecretvalue";
        assertThat(new Partners.Registered(UUID.randomUUID(), "Pay Co", List.of("p1"), true, secret).toString())
                .doesNotContain(secret);
        assertThat(new PaymentStore.PartnerRecord(UUID.randomUUID(), "Pay Co", List.of("p1"), true,
                secret.getBytes()).toString()).doesNotContain("Pay Co");
    }
}
