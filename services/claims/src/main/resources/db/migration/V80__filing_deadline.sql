-- The timely filing deadline stored on the claim: its first date of service + its coverage's timely filing days
-- (90 when the payer has none; null for self-pay or a claim without a date of service). A value computed from
-- another table cannot be an index key, so the claim keeps it, written with the claim (ClaimRepository) and again
-- when its coverage's days change (ReadModelRepository.REFRESH_FILING_DEADLINES). GET /claims/at-risk is then one
-- range of claim_unsent_by_filing_deadline in the list's order, whatever the practice's size.
ALTER TABLE claim ADD COLUMN filing_deadline DATE;

UPDATE claim c SET filing_deadline = c.first_service_date + COALESCE(k.timely_filing_days, 90)
FROM known_coverage k
WHERE k.id = c.coverage_id AND c.first_service_date IS NOT NULL;

CREATE INDEX claim_unsent_by_filing_deadline ON claim (practice_id, filing_deadline, id)
    WHERE status IN ('DRAFT', 'READY', 'REJECTED') AND filing_deadline IS NOT NULL;
-- a coverage's claims, whose deadlines follow a change of its timely filing days
CREATE INDEX claim_by_coverage ON claim (coverage_id) WHERE coverage_id IS NOT NULL;
-- read by nothing else (the at-risk list's former range of first dates of service)
DROP INDEX claim_unsent_by_service_date;
