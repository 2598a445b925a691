-- Claims part 2: the payer's 835 adjudicates a claim (PAID, PARTIALLY_PAID, DENIED) and a void ends it (VOIDED).
ALTER TABLE claim DROP CONSTRAINT claim_status_check;
ALTER TABLE claim ADD CONSTRAINT claim_status_check
    CHECK (status IN ('DRAFT', 'READY', 'SUBMITTED', 'ACCEPTED', 'REJECTED', 'PAID', 'PARTIALLY_PAID', 'DENIED', 'VOIDED'));
