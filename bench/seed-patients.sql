-- 1,000,000 patients in practice bench-search, for the name-prefix search benchmark. Names are
-- 12 letters from a..p (md5 digits mapped to letters), so a 3-letter prefix matches ~244 patients
-- and a 2-letter one ~3,900. Run as the patients role; takes about a minute.
INSERT INTO patient (id, practice_id, mrn, first_name, last_name, date_of_birth, sex, ssn_last4,
    address_line1, address_city, address_state, address_postal_code, status, version, created_at, updated_at)
SELECT gen_random_uuid(), 'bench-search', 'S' || lpad(i::text, 9, '0'),
       initcap(translate(substr(md5('f' || i), 1, 8), '0123456789', 'ghijklmnop')),
       initcap(translate(substr(md5('l' || i), 1, 12), '0123456789', 'ghijklmnop')),
       DATE '1930-01-01' + (i % 32000), (ARRAY['F','M','U'])[1 + i % 3], NULL,
       '12 Main St', 'Springfield', 'IL', '62704', 'ACTIVE', 0, now(), now()
FROM generate_series(1, 1000000) AS i;
VACUUM ANALYZE patient;
