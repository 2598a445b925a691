package dev.revcycle.eligibility.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The payer refused to answer (an AAA segment): the X12 reject reason code and its standard text. */
@Embeddable
public record Rejection(@Column(name = "code") String code, @Column(name = "description") String description) {
}
