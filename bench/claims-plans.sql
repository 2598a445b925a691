-- bench/claims.sh: the generic plans (plan_cache_mode = force_generic_plan, what the JDBC driver's
-- server-side prepared statements may cache) of creating a claim and of the queues, at the bench's size.
-- The texts are those of store/ClaimRepository, ReadModelRepository, ProviderRepository (and the queue's
-- for a few of its 32 filter combinations; ClaimsQueryPlansTest checks all of them over 30,000 rows).
SET plan_cache_mode = force_generic_plan;
\pset pager off
\echo '-- creation: patient, coverage, provider, control number, the claim, its history'
PREPARE patient(uuid) AS SELECT id, practice_id, mrn, first_name, last_name, date_of_birth FROM known_patient WHERE id = $1;
EXPLAIN (COSTS OFF) EXECUTE patient(md5('bench-patient-7')::uuid);
PREPARE coverage(uuid) AS SELECT id, payer_id, member_id FROM known_coverage WHERE id = $1;
EXPLAIN (COSTS OFF) EXECUTE coverage(md5('bench-coverage-7')::uuid);
PREPARE provider(uuid) AS SELECT id, practice_id, npi FROM provider WHERE id = $1;
EXPLAIN (COSTS OFF) EXECUTE provider(md5('bench-provider')::uuid);
PREPARE claim_insert(uuid, text, uuid, uuid, uuid, text, text, text, uuid, text, text[], jsonb, numeric, date) AS
  INSERT INTO claim (id, practice_id, patient_id, coverage_id, payer_id, type, status, patient_control_number,
      billing_provider_id, place_of_service, diagnoses, lines, total_charge, first_service_date, frequency_code, version,
      created_at, updated_at, status_changed_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, '1', 1, now(), now(), now());
EXPLAIN (COSTS OFF) EXECUTE claim_insert(gen_random_uuid(), :'practice', md5('bench-patient-7')::uuid,
  md5('bench-coverage-7')::uuid, md5('bench-payer')::uuid, 'PROFESSIONAL', 'DRAFT', 'PLAN0000001',
  md5('bench-provider')::uuid, '11', ARRAY['E11.9'], '[]', 1.00, DATE '2026-11-20');
PREPARE by_id(uuid) AS SELECT id, status, version FROM claim WHERE id = $1;
EXPLAIN (COSTS OFF) EXECUTE by_id(gen_random_uuid());
PREPARE by_pcn(text) AS SELECT id FROM claim WHERE patient_control_number = $1;
EXPLAIN (COSTS OFF) EXECUTE by_pcn('SEED000000000007');
PREPARE history(uuid) AS SELECT id FROM claim_history WHERE claim_id = $1 ORDER BY occurred_at, id;
EXPLAIN (COSTS OFF) EXECUTE history(gen_random_uuid());
\echo '-- the queues (first page of 21 rows; a later page; the serviceDateFrom window of 500 keys)'
PREPARE q_status(text, text, int) AS SELECT id FROM claim WHERE practice_id = $1 AND status = $2
  ORDER BY status_changed_at, id LIMIT $3;
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) EXECUTE q_status(:'practice', 'REJECTED', 21);
PREPARE q_payer_status_older_after(text, text, uuid, timestamptz, timestamptz, uuid, int) AS
  SELECT id FROM claim WHERE practice_id = $1 AND status = $2 AND payer_id = $3 AND status_changed_at < $4
  AND (status_changed_at, id) > ($5, $6) ORDER BY status_changed_at, id LIMIT $7;
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) EXECUTE q_payer_status_older_after(:'practice', 'REJECTED',
  md5('bench-payer')::uuid, now() - interval '30 days', now() - interval '300 days', gen_random_uuid(), 21);
PREPARE q_payer(text, uuid, int) AS SELECT id FROM claim WHERE practice_id = $1 AND payer_id = $2
  ORDER BY status_changed_at, id LIMIT $3;
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) EXECUTE q_payer(:'practice', md5('bench-payer')::uuid, 21);
PREPARE q_patient_status(text, text, uuid, int) AS SELECT id FROM claim WHERE practice_id = $1 AND status = $2
  AND patient_id = $3 ORDER BY status_changed_at, id LIMIT $4;
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) EXECUTE q_patient_status(:'practice', 'REJECTED',
  md5('bench-patient-7')::uuid, 21);
PREPARE q_window(text, text, int) AS SELECT id, status_changed_at, first_service_date FROM claim
  WHERE practice_id = $1 AND status = $2 ORDER BY status_changed_at, id LIMIT $3;
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) EXECUTE q_window(:'practice', 'REJECTED', 500);
