package dev.revcycle.eligibility.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An insurer or programme that pays claims; global, not owned by a practice. */
@Entity
@Table(name = "payer")
public class Payer {
    @Id
    private UUID id;
    @Column(nullable = false)
    private String name;
    @Enumerated(EnumType.STRING)
    @Column(name = "payer_type", nullable = false)
    private PayerType payerType;
    @Column(name = "x12_payer_id", nullable = false, updatable = false)
    private String x12PayerId;
    @Column(name = "timely_filing_days", nullable = false)
    private int timelyFilingDays;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Payer() {
        // for JPA
    }

    /** @param details normalised and checked */
    public static Payer register(UUID id, PayerDetails details, Instant now) {
        Payer p = new Payer();
        p.id = id;
        p.name = details.name();
        p.payerType = details.payerType();
        p.x12PayerId = details.x12PayerId();
        p.timelyFilingDays = details.timelyFilingDays();
        p.createdAt = now;
        return p;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    public PayerType payerType() {
        return payerType;
    }

    public String x12PayerId() {
        return x12PayerId;
    }

    public int timelyFilingDays() {
        return timelyFilingDays;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
