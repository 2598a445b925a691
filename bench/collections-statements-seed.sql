-- bench/collections-statements.sh's practice: :accounts accounts of practice :'practice', every one with a patient
-- balance due and never stated, written as collections' read model holds them (V1, V20's tables): the patient (named,
-- addressed, 2 % whose mail comes back), the account, and its claim line's movements (a charge, the insurance payment,
-- a contractual adjustment and the transfer of what is left to the patient), so that each statement has its services.
-- Of them: 5 % under a DISPUTE hold, 5 % on an ACTIVE payment plan, 5 % under the small-balance threshold (3.00).
CREATE TEMP TABLE seed AS
SELECT g AS n, gen_random_uuid() AS account, gen_random_uuid() AS patient, gen_random_uuid() AS claim,
       gen_random_uuid() AS line, DATE :'day' - 40 - (g % 300) AS dos,
       CASE WHEN g % 20 = 2 THEN 3.00 ELSE round(25 + (g % 47500) / 100.0, 2) END AS due
FROM generate_series(1, :accounts) g;

INSERT INTO patient (id, practice_id, mrn, first_name, last_name, date_of_birth, address_line1, address_line2, address_city,
    address_state, address_postal_code, address_undeliverable, undeliverable_since, phone, version, updated_at)
SELECT patient, :'practice', 'MRN' || n, 'First' || n, 'Patient-' || n, DATE '1950-01-01' + (n % 20000),
    (n % 9000 + 1) || ' Main Street', CASE WHEN n % 3 = 0 THEN 'Apt ' || (n % 40 + 1) END, 'Springfield', 'IL', '62701',
    n % 50 = 3, CASE WHEN n % 50 = 3 THEN DATE :'day' - 10 END, '555-01' || lpad((n % 100)::text, 2, '0'), 1, now()
FROM seed;

INSERT INTO account (id, practice_id, patient_id, balance, insurance_balance, patient_balance, oldest_open_service_date,
    balance_version, first_seen_at, updated_at)
SELECT account, :'practice', patient, due, 0, due, dos, 4, now(), now() FROM seed;

INSERT INTO movement (id, account_id, practice_id, patient_id, type, kind, entry_type, amount, responsibility,
    insurance_effect, patient_effect, claim_id, claim_line_id, method, service_date, effective_date, account_version, learnt_at)
SELECT gen_random_uuid(), account, :'practice', patient, 'CHARGE', NULL, 'CHARGE', due + 80, 'INSURANCE', due + 80, 0,
    claim, line, NULL, dos, dos, 1, now() FROM seed
UNION ALL
SELECT gen_random_uuid(), account, :'practice', patient, 'PAYMENT', 'ERA', 'PAYMENT', 60, 'INSURANCE', -60, 0,
    claim, line, 'ERA', dos, dos + 20, 2, now() FROM seed
UNION ALL
SELECT gen_random_uuid(), account, :'practice', patient, 'ADJUSTMENT', 'CONTRACTUAL', 'ADJUSTMENT', 20, 'INSURANCE', -20, 0,
    claim, line, NULL, dos, dos + 20, 3, now() FROM seed
UNION ALL
SELECT gen_random_uuid(), account, :'practice', patient, 'ADJUSTMENT', 'TRANSFER', 'TRANSFER', due, 'PATIENT', -due, due,
    claim, line, NULL, dos, dos + 20, 4, now() FROM seed;

INSERT INTO collection_hold (id, account_id, practice_id, patient_id, type, disputed, placed_by, placed_at)
SELECT gen_random_uuid(), account, :'practice', patient, 'DISPUTE', 'the lab charge', 'bench', now() FROM seed WHERE n % 20 = 0;

INSERT INTO payment_plan (id, account_id, practice_id, total_amount, installment_amount, frequency, first_due_date,
    installments, status, next_due_date, created_by, created_at, version)
SELECT gen_random_uuid(), account, :'practice', due, round(due / 4, 2), 'MONTHLY', DATE :'day' + 5, 4, 'ACTIVE',
    DATE :'day' + 5, 'bench', now(), 1 FROM seed WHERE n % 20 = 1;

VACUUM ANALYZE patient;
VACUUM ANALYZE account;
VACUUM ANALYZE movement;
VACUUM ANALYZE collection_hold;
VACUUM ANALYZE payment_plan;
