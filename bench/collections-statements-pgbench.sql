-- The database work of a statement run, set-based, in one transaction rolled back at the end (pgbench -t):
-- the due accounts' facts (StatementStore.CANDIDATES over the whole practice at once instead of 2,000-id chunks), the
-- statements of the ones to state in one INSERT … SELECT, their dunning positions, their collections versions and one
-- outbox row each. The date is a later cycle's (@ASOF@), so every account the service stated is due again.
BEGIN;
INSERT INTO statement_run (id, practice_id, as_of, status, started_by, started_at)
VALUES ('00000000-0000-0000-0000-0000000000b1', '@PRACTICE@', DATE '@ASOF@', 'RUNNING', 'pgbench', now());
CREATE TEMP TABLE due ON COMMIT DROP AS
SELECT a.id, a.patient_id, a.patient_balance, a.balance_version, d.level, d.last_statement_on,
    EXISTS (SELECT 1 FROM placement p WHERE p.account_id = a.id AND p.recalled_at IS NULL) AS placed,
    EXISTS (SELECT 1 FROM collection_hold h WHERE h.account_id = a.id AND h.released_at IS NULL
            AND (h.until IS NULL OR h.until >= DATE '@ASOF@')) AS held,
    COALESCE(pt.address_undeliverable, FALSE) AS undeliverable,
    EXISTS (SELECT 1 FROM payment_plan pp WHERE pp.account_id = a.id AND pp.status = 'ACTIVE') AS on_plan
FROM account a
LEFT JOIN account_dunning d ON d.account_id = a.id
LEFT JOIN patient pt ON pt.id = a.patient_id
WHERE a.practice_id = '@PRACTICE@' AND a.patient_balance > 0 AND a.merged_into IS NULL;
INSERT INTO statement (id, run_id, seq, account_id, practice_id, patient_id, level, statement_date, due_date, amount_due,
    account_version, issued_at)
SELECT gen_random_uuid(), '00000000-0000-0000-0000-0000000000b1', row_number() OVER (ORDER BY id), id, '@PRACTICE@',
    patient_id, CASE COALESCE(level, '') WHEN '' THEN 'STATEMENT' WHEN 'STATEMENT' THEN 'REMINDER' WHEN 'REMINDER' THEN 'PAST_DUE'
    ELSE 'FINAL_NOTICE' END, DATE '@ASOF@', DATE '@ASOF@' + 21, patient_balance, balance_version, now()
FROM due WHERE NOT placed AND NOT held AND NOT undeliverable AND NOT on_plan AND patient_balance >= 5.00
    AND (last_statement_on IS NULL OR last_statement_on <= DATE '@ASOF@' - 30);
INSERT INTO account_dunning AS d (account_id, practice_id, level, first_statement_on, last_statement_on, last_statement_id,
    statements)
SELECT account_id, practice_id, level, statement_date, statement_date, id, 1 FROM statement
WHERE run_id = '00000000-0000-0000-0000-0000000000b1'
ON CONFLICT (account_id) DO UPDATE SET level = EXCLUDED.level, last_statement_on = EXCLUDED.last_statement_on,
    last_statement_id = EXCLUDED.last_statement_id, statements = d.statements + 1;
UPDATE account SET collections_version = collections_version + 1
WHERE id IN (SELECT account_id FROM statement WHERE run_id = '00000000-0000-0000-0000-0000000000b1');
INSERT INTO outbox_event (id, topic, message_key, event_type, payload, created_at)
SELECT gen_random_uuid(), 'revcycle.collections.events.v1', account_id::text, 'StatementIssued',
    json_build_object('statementId', id, 'runId', run_id, 'accountId', account_id, 'patientId', patient_id,
        'practiceId', practice_id, 'level', level, 'amountDue', amount_due, 'statementDate', statement_date,
        'dueDate', due_date, 'issuedAt', issued_at, 'version', 2)::text, now()
FROM statement WHERE run_id = '00000000-0000-0000-0000-0000000000b1';
ROLLBACK;
