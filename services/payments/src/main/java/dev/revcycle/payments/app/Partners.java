package dev.revcycle.payments.app;

import dev.revcycle.common.crypto.FieldCipher;
import dev.revcycle.common.domain.FieldError;
import dev.revcycle.common.domain.NotFound;
import dev.revcycle.common.domain.Violations;
import dev.revcycle.common.security.CurrentCaller;
import dev.revcycle.payments.domain.Signatures;
import dev.revcycle.payments.store.PaymentStore;
import dev.revcycle.payments.store.PaymentStore.PartnerRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Payment partners: registration, signing secrets (kept encrypted with the service's field cipher) and verification. */
@ApplicationScoped
public class Partners {
    static final String SECRET_FIELD = "partner-signing-secret";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A registered partner; {@code secret} only when just created or rotated (shown once). */
    public record Registered(UUID id, String name, List<String> practices, boolean signing, String secret) {
        @Override
        public String toString() {
            return "Registered[" + id + "]";
        }
    }

    @Inject
    PaymentStore store;

    @Inject
    FieldCipher cipher;

    @Inject
    Clock clock;

    @Transactional
    public Registered register(String name, List<String> practices, Boolean signing) {
        List<FieldError> errors = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 200) {
            errors.add(new FieldError("name", "is required (at most 200 characters)"));
        }
        if (practices == null || practices.isEmpty()) {
            errors.add(new FieldError("practices", "must name at least one practice"));
        } else {
            for (int i = 0; i < practices.size(); i++) {
                String p = practices.get(i);
                if (p == null || !CurrentCaller.PRACTICE_CODE.matcher(p).matches()) {
                    errors.add(new FieldError("practices[" + i + "]", "must be a practice code"));
                }
            }
        }
        if (signing == null) {
            errors.add(new FieldError("signing", "is required (true or false)"));
        }
        Violations.check(errors);
        UUID id = UUID.randomUUID();
        String secret = signing ? newSecret() : null;
        store.insertPartner(new PartnerRecord(id, name.trim(), List.copyOf(practices), signing,
                secret == null ? null : cipher.encrypt(SECRET_FIELD, secret)), clock.instant());
        return new Registered(id, name.trim(), List.copyOf(practices), signing, secret);
    }

    @Transactional
    public Registered rotate(UUID id) {
        PartnerRecord p = store.partner(id).orElseThrow(() -> new NotFound("Partner"));
        String secret = newSecret();
        store.setSecret(id, cipher.encrypt(SECRET_FIELD, secret));
        return new Registered(id, p.name(), p.practices(), true, secret);
    }

    @Transactional
    public Optional<PartnerRecord> find(UUID id) {
        return store.partner(id);
    }

    /** A partner's request checked: its practices, or why it is refused (401). */
    public record PartnerCheck(List<String> practices, String problem) {
    }

    /**
     * One read of the partner's row, in no transaction of its own (one round trip, not three: this runs before every
     * partner payment, whose own transaction starts after it).
     */
    public PartnerCheck check(UUID partnerId, String signatureHeader, byte[] body) {
        Optional<PartnerRecord> partner = store.partner(partnerId);
        if (partner.isEmpty()) {
            return new PartnerCheck(List.of(), "the token's sub is not a registered partner");
        }
        return new PartnerCheck(partner.get().practices(), signatureProblem(partner.get(), signatureHeader, body));
    }

    /** @return null when the partner needs no signature or the request is well signed, else why it is not */
    public String signatureProblem(PartnerRecord partner, String header, byte[] body) {
        if (partner.secretEncrypted() == null) {
            return null;
        }
        String secret = cipher.decrypt(SECRET_FIELD, partner.secretEncrypted());
        return Signatures.problem(header, secret, body, clock.instant().getEpochSecond());
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
