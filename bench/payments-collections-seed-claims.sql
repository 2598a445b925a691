-- The claims of bench/payments-collections-lag.sh's practice, included (\ir) by both databases' seeds so that they
-- agree: account a (1..accounts) has 1 + a % 2 claims; claim k's date of service, charge, contractual (30 %) and the
-- patient's part (10-30 % of the allowed amount, 7.00 at least). Ids are md5 of their names.
CREATE TEMP TABLE lag_claims AS
SELECT a, k,
       md5('lag-account-' || a)::uuid AS account_id, md5('lag-patient-' || a)::uuid AS patient_id,
       md5('lag-claim-' || a || '-' || k)::uuid AS claim_id, md5('lag-line-' || a || '-' || k)::uuid AS line_id,
       current_date - (15 + (7 * a + 131 * k) % 525) AS service_date,
       x.charge, round(x.charge * 0.30, 2) AS contractual,
       greatest(7.00, round((x.charge - round(x.charge * 0.30, 2)) * (0.10 + (a % 5) * 0.05), 2)) AS patient
FROM generate_series(1, current_setting('lag.accounts')::int) a
CROSS JOIN LATERAL generate_series(1, 1 + a % 2) k
CROSS JOIN LATERAL (SELECT (100 + (37 * a + 11 * k) % 400 + 0.25 * (a % 4))::numeric(14, 2) AS charge) x;
