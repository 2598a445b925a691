-- bench/payments-835.sh: the ledger of a large practice, as claims' and eligibility's events would have left it
-- in payments (schema from the service's own migrations: start the service once before this).
--
--   psql -v practice=bench835 -v accounts=1000000 -v claims=2000000 \
--        -v other_practice=bench835-other -v other_accounts=100000 -v other_claims=100000 -f bench/seed-payments.sql
--
-- Per practice (prefix 'bp' for :practice, 'bo' for :other_practice):
--   account a (1..accounts)  id md5(prefix-account-a), patient md5(prefix-patient-a) — the other practice's every
--                            10th patient is also a patient of the first (one person, two practices, two accounts);
--                            a PRIMARY coverage (x12 SBX01) each, every 10th patient a SECONDARY too (SBX02)
--   claim n (1..claims)      id md5(prefix-claim-n), account 1 + (n - 1) % accounts, patient control number
--                            'BP' || lpad(n, 10, '0') ('BQ' for the other practice), 1 + n % 3 lines (line l: code,
--                            charge and the service date 2026-01-05 + n % 300 as bench/gen835.py computes them),
--                            one CHARGE ledger entry per line (INSURANCE, source CLAIM, as app/Charges posts them)
--   balances (after both)    insurance_sum = the sum of the account's entries, version = 1 + its claims (one posting
--                            each), oldest_open_service_date = its oldest claim still owing: GET /accounts/{id}/verify
--                            holds for every account.
-- Deterministic ids and ON CONFLICT DO NOTHING: re-running it adds what is missing (chunks of 100,000 claims, each
-- committed: an interrupted seed resumes at its first incomplete chunk). No outbox rows (the relay would publish
-- millions of events). Ends with VACUUM ANALYZE.
\set ON_ERROR_STOP on
SELECT set_config('bench.practice', :'practice', false), set_config('bench.accounts', :'accounts', false),
       set_config('bench.claims', :'claims', false), set_config('bench.other_practice', :'other_practice', false),
       set_config('bench.other_accounts', :'other_accounts', false),
       set_config('bench.other_claims', :'other_claims', false) \g /dev/null

CREATE OR REPLACE PROCEDURE bench835_seed(practice TEXT, prefix TEXT, pcn_prefix TEXT, shared_prefix TEXT,
                                          accounts INT, claims INT, chunk INT DEFAULT 100000)
LANGUAGE plpgsql AS $$
DECLARE
    lo INT;
    hi INT;
BEGIN
    lo := 1;
    WHILE lo <= accounts LOOP
        hi := least(lo + chunk * 2 - 1, accounts);
        IF NOT EXISTS (SELECT 1 FROM account WHERE id = md5(prefix || '-account-' || hi)::uuid) THEN
            INSERT INTO account (id, patient_id, practice_id, version, patient_version, opened_at)
            SELECT md5(prefix || '-account-' || a)::uuid,
                   md5(CASE WHEN shared_prefix IS NOT NULL AND a % 10 = 0 THEN shared_prefix ELSE prefix END
                       || '-patient-' || a)::uuid,
                   practice, 1, 1, TIMESTAMPTZ '2025-12-01 08:00Z' + (a % 1000) * interval '1 minute'
            FROM generate_series(lo, hi) a
            ON CONFLICT DO NOTHING;
            INSERT INTO coverage (id, patient_id, practice_id, x12_payer_id, priority, effective_date, termination_date, version)
            SELECT md5(prefix || '-coverage-' || a || '-' || c.priority)::uuid,
                   md5(CASE WHEN shared_prefix IS NOT NULL AND a % 10 = 0 THEN shared_prefix ELSE prefix END
                       || '-patient-' || a)::uuid,
                   practice, c.payer, c.priority, DATE '2025-01-01', NULL, 1
            FROM generate_series(lo, hi) a
            CROSS JOIN (VALUES ('PRIMARY', 'SBX01'), ('SECONDARY', 'SBX02')) c (priority, payer)
            WHERE c.priority = 'PRIMARY' OR a % 10 = 3
            ON CONFLICT DO NOTHING;
            RAISE NOTICE '% accounts % .. %', practice, lo, hi;
        END IF;
        COMMIT;
        lo := hi + 1;
    END LOOP;
    ANALYZE account;
    COMMIT;

    lo := 1;
    WHILE lo <= claims LOOP
        hi := least(lo + chunk - 1, claims);
        -- the chunk's last charge is written last in the chunk's transaction
        IF NOT EXISTS (SELECT 1 FROM ledger_entry WHERE id = md5(prefix || '-charge-' || hi || '-' || (1 + hi % 3))::uuid) THEN
            INSERT INTO claim (id, account_id, practice_id, patient_id, coverage_id, payer_id, patient_control_number,
                               made_from_another, first_service_date, version)
            SELECT md5(prefix || '-claim-' || n)::uuid, a.id, practice, a.patient_id,
                   md5(prefix || '-coverage-' || (1 + (n - 1) % accounts) || '-PRIMARY')::uuid,
                   md5('bench835-payer')::uuid, pcn_prefix || lpad(n::text, 10, '0'), false,
                   DATE '2026-01-05' + n % 300, 1
            FROM generate_series(lo, hi) n
            JOIN account a ON a.id = md5(prefix || '-account-' || (1 + (n - 1) % accounts))::uuid
            ON CONFLICT DO NOTHING;
            INSERT INTO claim_line (id, claim_id, line_number, procedure_code, charge_amount, service_date, current)
            SELECT md5(prefix || '-line-' || n || '-' || l)::uuid, md5(prefix || '-claim-' || n)::uuid, l,
                   (ARRAY['99213', '99214', '85025', '80053', '93000', '71046'])[1 + (n + l) % 6],
                   60 + (7 * n + 31 * l) % 240 + 0.25 * ((n + l) % 4), DATE '2026-01-05' + n % 300, true
            FROM generate_series(lo, hi) n CROSS JOIN LATERAL generate_series(1, 1 + n % 3) l
            ON CONFLICT DO NOTHING;
            INSERT INTO ledger_entry (id, account_id, practice_id, type, amount, responsibility, insurance_delta,
                                      patient_delta, claim_id, claim_line_id, source, source_reference, effective_date,
                                      posted_at, actor)
            SELECT md5(prefix || '-charge-' || n || '-' || l)::uuid, md5(prefix || '-account-' || (1 + (n - 1) % accounts))::uuid,
                   practice, 'CHARGE', x.charge, 'INSURANCE', x.charge, 0, md5(prefix || '-claim-' || n)::uuid,
                   md5(prefix || '-line-' || n || '-' || l)::uuid, 'CLAIM', md5(prefix || '-claim-' || n)::uuid || ' v1',
                   DATE '2026-01-05' + n % 300, TIMESTAMPTZ '2026-01-05 18:00Z' + (n % 300) * interval '1 day',
                   'claims-events'
            FROM generate_series(lo, hi) n CROSS JOIN LATERAL generate_series(1, 1 + n % 3) l
            CROSS JOIN LATERAL (SELECT (60 + (7 * n + 31 * l) % 240 + 0.25 * ((n + l) % 4))::numeric(14, 2) AS charge) x
            ORDER BY n, l
            ON CONFLICT DO NOTHING;
            RAISE NOTICE '% claims % .. %', practice, lo, hi;
        END IF;
        COMMIT;
        lo := hi + 1;
    END LOOP;

END;
$$;

CALL bench835_seed(current_setting('bench.practice'), 'bp', 'BP', NULL,
                   current_setting('bench.accounts')::int, current_setting('bench.claims')::int);
CALL bench835_seed(current_setting('bench.other_practice'), 'bo', 'BQ', 'bp',
                   current_setting('bench.other_accounts')::int, current_setting('bench.other_claims')::int);
DROP PROCEDURE bench835_seed;
ANALYZE account; ANALYZE claim; ANALYZE claim_line; ANALYZE ledger_entry; ANALYZE coverage;

-- balances from the entries, in one pass over the ledger: accounts never posted to after the seed (version 1, zero
-- sums) get their claims' sums, oldest open claim and version; a re-run after benchmark runs changes nothing
CREATE TEMP TABLE bench835_claim_sums AS
SELECT claim_id, sum(insurance_delta) AS insurance, sum(patient_delta) AS patient FROM ledger_entry
WHERE claim_id IS NOT NULL GROUP BY claim_id;
UPDATE account a
SET insurance_sum = s.insurance, patient_sum = s.patient, oldest_open_service_date = s.oldest, version = 1 + s.claims,
    credit_since = CASE WHEN s.insurance < 0 OR s.patient < 0 THEN now() END
FROM (SELECT k.account_id, sum(c.insurance) AS insurance, sum(c.patient) AS patient, count(*) AS claims,
             min(k.first_service_date) FILTER (WHERE c.insurance + c.patient > 0) AS oldest
      FROM claim k JOIN bench835_claim_sums c ON c.claim_id = k.id
      GROUP BY k.account_id) s
WHERE a.id = s.account_id AND a.insurance_sum = 0 AND a.patient_sum = 0 AND a.version = 1;
DROP TABLE bench835_claim_sums;

-- the seed's own check: every account's stored sums are its entries' (what /verify recomputes per account)
CREATE TABLE IF NOT EXISTS bench835_seeded (practice TEXT PRIMARY KEY, accounts INT NOT NULL, claims INT NOT NULL,
                                            seeded_at TIMESTAMPTZ NOT NULL);
SELECT count(*) AS inconsistent, count(*) > 0 AS inconsistent_found FROM account a
LEFT JOIN (SELECT account_id, sum(insurance_delta) AS i, sum(patient_delta) AS p FROM ledger_entry GROUP BY account_id) s
       ON s.account_id = a.id
WHERE a.insurance_sum <> coalesce(s.i, 0) OR a.patient_sum <> coalesce(s.p, 0) \gset
\if :inconsistent_found
\echo 'seed:' :inconsistent 'accounts whose balances are not their entries'
\quit 1
\endif
INSERT INTO bench835_seeded VALUES (:'practice', :accounts, :claims, now()), (:'other_practice', :other_accounts, :other_claims, now())
ON CONFLICT (practice) DO UPDATE SET accounts = EXCLUDED.accounts, claims = EXCLUDED.claims, seeded_at = now();
VACUUM ANALYZE account, coverage, claim, claim_line, ledger_entry;
