#!/usr/bin/env bash
# Aging over a practice of 1,000,000 accounts: the statement GET /aging runs (one aggregate over aging_day, one
# row per oldest open date of service) against the same report computed from the account rows themselves (one
# aggregate over the practice's index), both by pgbench at the same concurrency, with p50/p99 from pgbench's
# per-transaction log. Run it under the shared lock: flock /tmp/revcycle-it.lock bench/collections-aging.sh
#
# Environment: ACCOUNTS (1000000), DAYS (1095: the span of oldest open dates of service), CLIENTS (4),
# SECONDS_MEASURED (20), RUNS (3), PGHOST/PGPORT (127.0.0.1:5432). Uses its own schema bench_aging in
# collections_test (Flyway's clean of the tests leaves it alone); KEEP=1 keeps the seed for a next run.
set -euo pipefail
ACCOUNTS="${ACCOUNTS:-1000000}"
DAYS="${DAYS:-1095}"
CLIENTS="${CLIENTS:-4}"
SECONDS_MEASURED="${SECONDS_MEASURED:-20}"
RUNS="${RUNS:-3}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER=collections PGPASSWORD=collections PGDATABASE=collections_test
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

seeded="$(psql -XAtqc "SELECT count(*) FROM bench_aging.account" 2>/dev/null || echo 0)"
if [ "$seeded" != "$ACCOUNTS" ]; then
  echo "seeding $ACCOUNTS accounts over $DAYS days of service" >&2
  psql -Xq -v ON_ERROR_STOP=1 <<SQL
DROP SCHEMA IF EXISTS bench_aging CASCADE;
CREATE SCHEMA bench_aging;
SET search_path = bench_aging;
-- the columns of V1's account and aging_day that aging reads, with the same keys and indexes
CREATE TABLE account (id UUID PRIMARY KEY, practice_id VARCHAR(40) NOT NULL, patient_id UUID NOT NULL,
    insurance_balance NUMERIC(14,2) NOT NULL, patient_balance NUMERIC(14,2) NOT NULL, oldest_open_service_date DATE);
CREATE TABLE aging_day (practice_id VARCHAR(40) NOT NULL, service_date DATE NOT NULL, accounts INTEGER NOT NULL,
    patient_accounts INTEGER NOT NULL, insurance_accounts INTEGER NOT NULL, patient_balance NUMERIC(16,2) NOT NULL,
    insurance_balance NUMERIC(16,2) NOT NULL, PRIMARY KEY (practice_id, service_date));
INSERT INTO account SELECT gen_random_uuid(), 'bench-1m', gen_random_uuid(),
    CASE WHEN n % 3 = 0 THEN 0 ELSE round((random() * 900)::numeric, 2) END,
    CASE WHEN n % 4 = 0 THEN 0 ELSE round((random() * 300)::numeric, 2) END,
    CASE WHEN n % 50 = 0 THEN NULL ELSE DATE '2026-12-01' - (random() * $DAYS)::int END
  FROM generate_series(1, $ACCOUNTS) n;
INSERT INTO account SELECT gen_random_uuid(), 'bench-small', gen_random_uuid(), 100, 50, DATE '2026-11-01' FROM generate_series(1, 100);
-- what the service's AgingContribution keeps: one row per (practice, oldest open date), undated under 9999-12-31
INSERT INTO aging_day SELECT practice_id, coalesce(oldest_open_service_date, DATE '9999-12-31'), count(*),
    count(*) FILTER (WHERE patient_balance > 0), count(*) FILTER (WHERE insurance_balance > 0),
    sum(patient_balance), sum(insurance_balance)
  FROM account WHERE patient_balance > 0 OR insurance_balance > 0 GROUP BY 1, 2;
CREATE INDEX account_aging ON account (practice_id, oldest_open_service_date) INCLUDE (patient_balance, insurance_balance)
    WHERE patient_balance > 0 OR insurance_balance > 0;
VACUUM ANALYZE account;
VACUUM ANALYZE aging_day;
SQL
fi
[ -n "${KEEP:-}" ] || trap 'rm -rf "$WORK"; psql -Xqc "DROP SCHEMA IF EXISTS bench_aging CASCADE"' EXIT

# the service's statement (AccountStore.AGING), asOf drawn over a year either side of today
cat > "$WORK/aging_day.sql" <<'SQL'
\set d random(-365, 365)
SELECT CASE WHEN service_date = DATE '9999-12-31' THEN -1
            WHEN CAST(CURRENT_DATE + :d AS date) - service_date <= 30 THEN 0
            WHEN CAST(CURRENT_DATE + :d AS date) - service_date <= 60 THEN 1
            WHEN CAST(CURRENT_DATE + :d AS date) - service_date <= 90 THEN 2
            WHEN CAST(CURRENT_DATE + :d AS date) - service_date <= 120 THEN 3
            ELSE 4 END AS bucket,
       sum(accounts), sum(patient_accounts), sum(insurance_accounts), sum(patient_balance), sum(insurance_balance)
FROM bench_aging.aging_day WHERE practice_id = 'bench-1m' GROUP BY 1;
SQL
# the same report from the account rows (an index-only aggregate over the practice's million)
cat > "$WORK/accounts.sql" <<'SQL'
\set d random(-365, 365)
SELECT CASE WHEN oldest_open_service_date IS NULL THEN -1
            WHEN CAST(CURRENT_DATE + :d AS date) - oldest_open_service_date <= 30 THEN 0
            WHEN CAST(CURRENT_DATE + :d AS date) - oldest_open_service_date <= 60 THEN 1
            WHEN CAST(CURRENT_DATE + :d AS date) - oldest_open_service_date <= 90 THEN 2
            WHEN CAST(CURRENT_DATE + :d AS date) - oldest_open_service_date <= 120 THEN 3
            ELSE 4 END AS bucket,
       count(*), count(*) FILTER (WHERE patient_balance > 0), count(*) FILTER (WHERE insurance_balance > 0),
       sum(patient_balance), sum(insurance_balance)
FROM bench_aging.account WHERE practice_id = 'bench-1m' AND (patient_balance > 0 OR insurance_balance > 0) GROUP BY 1;
SQL

# both must give the same figures
diff <(psql -XAtq -c "$(sed -e '1d' -e 's/:d/0/g' "$WORK/aging_day.sql")" | sort) \
     <(psql -XAtq -c "$(sed -e '1d' -e 's/:d/0/g' "$WORK/accounts.sql")" | sort) >/dev/null \
  && echo "aging_day and the account rows agree" || { echo "aging_day and the account rows DIFFER" >&2; exit 1; }

percentiles() { # pgbench log (column 3: latency in µs) → "tps p50 p99 max" in ms
  local tps="$1"; shift
  cat "$@" | awk '{print $3}' | sort -n | awk -v tps="$tps" '{a[NR]=$1} END {
    printf "%s tps, p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d queries)\n", tps, a[int(NR*0.5)]/1000, a[int(NR*0.99)]/1000, a[NR]/1000, NR}'
}

echo "rows read per report: aging_day $(psql -XAtqc "SELECT count(*) FROM bench_aging.aging_day WHERE practice_id = 'bench-1m'"), account $(psql -XAtqc "SELECT count(*) FROM bench_aging.account WHERE practice_id = 'bench-1m' AND (patient_balance > 0 OR insurance_balance > 0)")"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq 1 "$RUNS"); do
  for variant in aging_day accounts; do
    rm -f "$WORK"/pgbench_log.*
    tps="$(cd "$WORK" && pgbench -n -l -c "$CLIENTS" -j "$CLIENTS" -T "$SECONDS_MEASURED" -f "$variant.sql" 2>/dev/null \
      | awk '/^tps/ {printf "%.0f", $3}')"
    printf 'run %s  %-9s  %s' "$run" "$variant" "$(percentiles "$tps" "$WORK"/pgbench_log.*)"
  done
done
