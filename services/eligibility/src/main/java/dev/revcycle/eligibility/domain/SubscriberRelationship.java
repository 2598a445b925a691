package dev.revcycle.eligibility.domain;

/** The patient's relationship to the insured person (the subscriber). */
public enum SubscriberRelationship {
    SELF, SPOUSE, CHILD, OTHER
}
