-- bench/collections-kpis.sh's HTTP part: a practice (:'practice') of :accounts accounts in collections' own tables (its
-- migrations made them), open dates of service over :days days, with the aging_day and kpi_day rows the consumer
-- would have kept for them (a charge on the date of service, an insurance payment and a contractual adjustment 20
-- days later, a patient payment 40 days later on half of them), as bench/collections-kpis.sh's schema has them.
CREATE TEMP TABLE acct AS SELECT gen_random_uuid() AS id, gen_random_uuid() AS patient, n,
    CURRENT_DATE - (random() * :days)::int AS dos, round((50 + random() * 450)::numeric, 2) AS charge
FROM generate_series(1, :accounts) n;
INSERT INTO account (id, practice_id, patient_id, balance, insurance_balance, patient_balance, oldest_open_service_date,
    balance_version, first_seen_at, updated_at)
SELECT id, :'practice', patient, round(charge * 0.2, 2) - CASE WHEN n % 2 = 0 THEN round(charge * 0.1, 2) ELSE 0 END,
    round(charge * 0.1, 2), round(charge * 0.1, 2) - CASE WHEN n % 2 = 0 THEN round(charge * 0.1, 2) ELSE 0 END, dos, 4,
    now(), now()
FROM acct;
INSERT INTO aging_day (practice_id, service_date, accounts, patient_accounts, insurance_accounts, patient_balance,
    insurance_balance)
SELECT practice_id, oldest_open_service_date, count(*), count(*) FILTER (WHERE patient_balance > 0),
    count(*) FILTER (WHERE insurance_balance > 0), sum(patient_balance), sum(insurance_balance)
FROM account WHERE practice_id = :'practice' AND balance > 0 GROUP BY 1, 2;
INSERT INTO kpi_day (practice_id, day, charges, payments, adjustments, contractual, balance_effect, movements)
SELECT :'practice', day, sum(charges), sum(payments), sum(adjustments), sum(adjustments), sum(effect), sum(movements)
FROM (SELECT dos AS day, charge AS charges, 0 AS payments, 0 AS adjustments, charge AS effect, 1 AS movements FROM acct
      UNION ALL
      SELECT dos + 20, 0, round(charge * 0.6, 2) , round(charge * 0.2, 2), -round(charge * 0.6, 2) - round(charge * 0.2, 2), 2
      FROM acct
      UNION ALL
      SELECT dos + 40, 0, round(charge * 0.1, 2), 0, -round(charge * 0.1, 2), 1 FROM acct WHERE n % 2 = 0) m
GROUP BY day;
VACUUM ANALYZE account;
VACUUM ANALYZE aging_day;
VACUUM ANALYZE kpi_day;
