-- Claims part 2: secondary claims (coordination of benefits), corrections (frequency 7) and voids (frequency 8).
-- A claim made from another points at it: primary_claim_id (the claim whose adjudication a secondary or tertiary
-- claim follows) or replaces_claim_id (the claim a correction or a void supersedes); both columns are V1's.

-- One secondary (or tertiary) claim per adjudicated claim and next coverage: a redelivered RemittancePosted, or a
-- second adjudication of the same claim, finds it and creates nothing. Corrections of a secondary claim keep its
-- primary_claim_id (so their 837 still carries the 2320 loops) and are left out of the rule.
CREATE UNIQUE INDEX claim_one_secondary_per_coverage ON claim (primary_claim_id, coverage_id)
    WHERE primary_claim_id IS NOT NULL AND replaces_claim_id IS NULL;

-- At most one void per claim (a rejected void is fixed and resubmitted, never keyed again).
CREATE UNIQUE INDEX claim_one_void ON claim (replaces_claim_id) WHERE frequency_code = '8';

-- The corrections and voids of a claim (is one pending? which one voided it?).
CREATE INDEX claim_by_replaced ON claim (replaces_claim_id) WHERE replaces_claim_id IS NOT NULL;
