-- A practice of :rows patients (psql -v practice=bench-big -v rows=1000000), as a hospital's looks
-- after years of registrations: each patient with a PHI audit row and a published outbox event.
-- Names are 12 letters from a..p (md5 digits mapped to letters), so a 3-letter prefix matches
-- ~244 patients per million and a 2-letter one ~3,900 (bench/search.lua). Run as the patients
-- role; takes a few minutes for a million.
INSERT INTO patient (id, practice_id, mrn, first_name, last_name, date_of_birth, sex, ssn_last4,
    address_line1, address_city, address_state, address_postal_code, status, version, created_at, updated_at)
SELECT gen_random_uuid(), :'practice', 'S' || lpad(i::text, 9, '0'),
       initcap(translate(substr(md5('f' || i), 1, 8), '0123456789', 'ghijklmnop')),
       initcap(translate(substr(md5('l' || i), 1, 12), '0123456789', 'ghijklmnop')),
       DATE '1930-01-01' + (i % 32000), (ARRAY['F','M','U'])[1 + i % 3], NULL,
       '12 Main St', 'Springfield', 'IL', '62704', 'ACTIVE', 0, now(), now()
FROM generate_series(1, :rows) AS i;
INSERT INTO phi_audit_event (occurred_at, actor, action, resource_type, resource_id, practice_id, outcome)
SELECT created_at, 'seed', 'CREATE', 'patient', id, practice_id, 'SUCCESS' FROM patient WHERE practice_id = :'practice';
INSERT INTO outbox_event (id, topic, message_key, event_type, payload, created_at, published_at, attempts)
SELECT gen_random_uuid(), 'revcycle.patients.events.v1', id::text, 'PatientRegistered', '{}', created_at, now(), 1
FROM patient WHERE practice_id = :'practice';
VACUUM ANALYZE patient;
VACUUM ANALYZE phi_audit_event;
VACUUM ANALYZE outbox_event;
