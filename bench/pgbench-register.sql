-- What one registration writes, done directly by pgbench: the yardstick for the service's
-- registrations per second (bench/patients.sh replaces @PRACTICE@). Same statements as the service
-- issues: the identity lock with the MRN, the duplicate check (as PatientRepository.claimIdentity
-- writes it), the patient row (with a 29-byte encrypted SSN), its outbox event and its audit row,
-- in one transaction.
\set n random(1, 1000000000)
\set dob_days random(0, 32000)
BEGIN;
SELECT pg_advisory_xact_lock(hashtextextended('@PRACTICE@|pat' || :n || '|bench' || :n, 0))::text, nextval('patient_mrn_seq');
SELECT id FROM patient WHERE practice_id = '@PRACTICE@' AND date_of_birth = DATE '1930-01-01' + :dob_days
  AND lower(last_name) COLLATE "C" = 'bench' || :n AND lower(first_name) COLLATE "C" = 'pat' || :n AND status = 'ACTIVE'
  ORDER BY created_at;
INSERT INTO patient (id, practice_id, mrn, first_name, last_name, date_of_birth, sex, ssn_encrypted, ssn_last4,
    address_line1, address_city, address_state, address_postal_code, phone, email, status, version, created_at, updated_at)
VALUES (gen_random_uuid(), '@PRACTICE@', 'P' || lpad(currval('patient_mrn_seq')::text, 9, '0'), 'Pat' || :n, 'Bench' || :n,
    DATE '1930-01-01' + :dob_days, 'F', decode(md5(:n::text) || md5(:n::text), 'hex'), '6789', '12 Main St', 'Springfield', 'IL', '62704',
    '2175550199', 'bench@example.com', 'ACTIVE', 0, now(), now());
INSERT INTO outbox_event (id, topic, message_key, event_type, payload, created_at)
VALUES (gen_random_uuid(), 'revcycle.patients.events.v1', :n::text, 'PatientRegistered',
    repeat('x', 520), now());
INSERT INTO phi_audit_event (occurred_at, actor, action, resource_type, resource_id, practice_id, outcome)
VALUES (now(), 'bench', 'CREATE', 'patient', gen_random_uuid(), '@PRACTICE@', 'SUCCESS');
COMMIT;
