#!/usr/bin/env bash
# KPIs over a practice of 1,000,000 accounts: the statements GET /kpis runs (KpiStore.FIGURES over kpi_day, one row
# per posting date, and AR_NOW over aging_day) against the same figures summed from the movement rows (what the
# service did before kpi_day: the period's movements, the 90-day window's charges and every movement dated after
# `to`), both by pgbench at the same concurrency, with p50/p99 from pgbench's per-transaction log.
# Run it under the shared locks: flock /tmp/revcycle-bench.lock flock /tmp/revcycle-it.lock bench/collections-kpis.sh
#
# Then (HTTP=1, the default) GET /kpis and GET /aging through HTTP: the packaged service, started as ./revcycle up starts
# it (the launcher's JVM options), on its own port and database (collections_kpis_bench, its practice of ACCOUNTS
# accounts with their aging_day and kpi_day rows: bench/collections-kpis-seed.sql), driven by wrk
# (bench/collections-kpis.lua) at the same concurrency after a warm-up.
# Environment: ACCOUNTS (1000000; four movements each: a charge, an insurance payment, a contractual adjustment and a
# patient payment on half of them), DAYS (1095), CLIENTS (4), SECONDS_MEASURED (20), RUNS (3), PGHOST/PGPORT,
# HTTP (1), WARMUP (10 s), JAVA_OPTS (the launcher's SERVICE_JAVA_OPTS).
# Own schema bench_kpis in collections_test and database collections_kpis_bench, dropped afterwards unless KEEP=1.
set -euo pipefail
ACCOUNTS="${ACCOUNTS:-1000000}"
DAYS="${DAYS:-1095}"
CLIENTS="${CLIENTS:-4}"
SECONDS_MEASURED="${SECONDS_MEASURED:-20}"
RUNS="${RUNS:-3}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER=collections PGPASSWORD=collections PGDATABASE=collections_test
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

seeded="$(psql -XAtqc "SELECT count(DISTINCT account_id) FROM bench_kpis.movement" 2>/dev/null || echo 0)"
if [ "$seeded" != "$ACCOUNTS" ]; then
  echo "seeding $ACCOUNTS accounts' movements over $DAYS days" >&2
  psql -Xq -v ON_ERROR_STOP=1 <<SQL
DROP SCHEMA IF EXISTS bench_kpis CASCADE;
CREATE SCHEMA bench_kpis;
SET search_path = bench_kpis;
-- the columns of V1's movement and aging_day, and V22's kpi_day, that the KPIs read, with the same keys and indexes
CREATE TABLE movement (id UUID PRIMARY KEY, account_id UUID NOT NULL, practice_id VARCHAR(40) NOT NULL,
    type VARCHAR(20) NOT NULL, kind VARCHAR(20), entry_type VARCHAR(20), amount NUMERIC(14,2) NOT NULL, method VARCHAR(20),
    insurance_effect NUMERIC(14,2), patient_effect NUMERIC(14,2), effective_date DATE NOT NULL);
CREATE TABLE aging_day (practice_id VARCHAR(40) NOT NULL, service_date DATE NOT NULL, accounts INTEGER NOT NULL,
    patient_accounts INTEGER NOT NULL, insurance_accounts INTEGER NOT NULL, patient_balance NUMERIC(16,2) NOT NULL,
    insurance_balance NUMERIC(16,2) NOT NULL, PRIMARY KEY (practice_id, service_date));
CREATE TABLE kpi_day (practice_id VARCHAR(40) NOT NULL, day DATE NOT NULL, charges NUMERIC(16,2) NOT NULL DEFAULT 0,
    payments NUMERIC(16,2) NOT NULL DEFAULT 0, payment_reversals NUMERIC(16,2) NOT NULL DEFAULT 0,
    adjustments NUMERIC(16,2) NOT NULL DEFAULT 0, contractual NUMERIC(16,2) NOT NULL DEFAULT 0,
    recovered NUMERIC(16,2) NOT NULL DEFAULT 0, balance_effect NUMERIC(16,2) NOT NULL DEFAULT 0,
    placed NUMERIC(16,2) NOT NULL DEFAULT 0, movements INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (practice_id, day));
CREATE TEMP TABLE acct AS SELECT gen_random_uuid() AS id, n, DATE '2026-12-01' - (random() * $DAYS)::int AS dos,
    round((50 + random() * 450)::numeric, 2) AS charge FROM generate_series(1, $ACCOUNTS) n;
INSERT INTO movement SELECT gen_random_uuid(), id, 'bench-1m', 'CHARGE', NULL, 'CHARGE', charge, NULL, charge, 0, dos FROM acct;
INSERT INTO movement SELECT gen_random_uuid(), id, 'bench-1m', 'PAYMENT', 'ERA', 'PAYMENT', round(charge * 0.6, 2), 'ERA',
    -round(charge * 0.6, 2), 0, dos + 20 FROM acct;
INSERT INTO movement SELECT gen_random_uuid(), id, 'bench-1m', 'ADJUSTMENT', 'CONTRACTUAL', 'ADJUSTMENT',
    round(charge * 0.2, 2), NULL, -round(charge * 0.2, 2), 0, dos + 20 FROM acct;
INSERT INTO movement SELECT gen_random_uuid(), id, 'bench-1m', 'PAYMENT', 'CARD', 'PAYMENT', round(charge * 0.1, 2), 'CARD',
    0, -round(charge * 0.1, 2), dos + 40 FROM acct WHERE n % 2 = 0;
CREATE INDEX movement_practice_date ON movement (practice_id, effective_date);
-- what the consumer keeps (KpiStore.ADD_MOVEMENT), one row per posting date: the migration's backfill
INSERT INTO kpi_day (practice_id, day, charges, payments, payment_reversals, adjustments, contractual, recovered,
                     balance_effect, movements)
SELECT practice_id, effective_date,
    COALESCE(SUM(amount) FILTER (WHERE type = 'CHARGE'), 0), COALESCE(SUM(amount) FILTER (WHERE type = 'PAYMENT'), 0),
    COALESCE(SUM(amount) FILTER (WHERE type = 'PAYMENT_REVERSAL'), 0),
    COALESCE(SUM(amount) FILTER (WHERE type = 'ADJUSTMENT' AND COALESCE(entry_type, '') NOT IN ('TRANSFER', 'REVERSAL')), 0),
    COALESCE(SUM(amount) FILTER (WHERE type = 'ADJUSTMENT' AND kind = 'CONTRACTUAL'), 0),
    COALESCE(SUM(amount) FILTER (WHERE type = 'PAYMENT' AND method = 'AGENCY'), 0),
    COALESCE(SUM(COALESCE(insurance_effect, 0) + COALESCE(patient_effect, 0)), 0), count(*)
FROM movement GROUP BY practice_id, effective_date;
INSERT INTO aging_day SELECT 'bench-1m', dos, count(*), count(*), count(*), sum(round(charge * 0.1, 2)), sum(round(charge * 0.1, 2))
  FROM acct GROUP BY dos;
VACUUM ANALYZE movement;
VACUUM ANALYZE kpi_day;
VACUUM ANALYZE aging_day;
SQL
fi
[ -n "${KEEP:-}" ] || trap 'rm -rf "$WORK"; psql -Xqc "DROP SCHEMA IF EXISTS bench_kpis CASCADE"' EXIT

# the service's statements (KpiStore.FIGURES, AR_NOW): a month's KPIs, `to` drawn over the last year
cat > "$WORK/kpi_day.sql" <<'SQL'
\set e random(1, 365)
SELECT COALESCE(SUM(charges) FILTER (WHERE day BETWEEN CURRENT_DATE - :e - 29 AND CURRENT_DATE - :e), 0) AS charges,
    COALESCE(SUM(payments - payment_reversals) FILTER (WHERE day BETWEEN CURRENT_DATE - :e - 29 AND CURRENT_DATE - :e), 0),
    COALESCE(SUM(adjustments) FILTER (WHERE day BETWEEN CURRENT_DATE - :e - 29 AND CURRENT_DATE - :e), 0),
    COALESCE(SUM(contractual) FILTER (WHERE day BETWEEN CURRENT_DATE - :e - 29 AND CURRENT_DATE - :e), 0),
    COALESCE(SUM(recovered) FILTER (WHERE day BETWEEN CURRENT_DATE - :e - 29 AND CURRENT_DATE - :e), 0),
    COALESCE(SUM(placed) FILTER (WHERE day BETWEEN CURRENT_DATE - :e - 29 AND CURRENT_DATE - :e), 0),
    COALESCE(SUM(charges) FILTER (WHERE day BETWEEN CURRENT_DATE - :e - 89 AND CURRENT_DATE - :e), 0),
    COALESCE(SUM(balance_effect) FILTER (WHERE day > CURRENT_DATE - :e), 0)
FROM bench_kpis.kpi_day WHERE practice_id = 'bench-1m' AND day >= CURRENT_DATE - :e - 89;
SELECT COALESCE(SUM(patient_balance + insurance_balance), 0),
    COALESCE(SUM(patient_balance + insurance_balance) FILTER (WHERE service_date < CURRENT_DATE - :e - 90), 0)
FROM bench_kpis.aging_day WHERE practice_id = 'bench-1m';
SQL
# the same figures from the movement rows (the statements the service ran before kpi_day)
cat > "$WORK/movements.sql" <<'SQL'
\set e random(1, 365)
SELECT COALESCE(SUM(amount) FILTER (WHERE type = 'CHARGE'), 0.00),
    COALESCE(SUM(amount) FILTER (WHERE type = 'PAYMENT'), 0.00) - COALESCE(SUM(amount) FILTER (WHERE type = 'PAYMENT_REVERSAL'), 0.00),
    COALESCE(SUM(amount) FILTER (WHERE type = 'ADJUSTMENT' AND COALESCE(entry_type, '') NOT IN ('TRANSFER', 'REVERSAL')), 0.00),
    COALESCE(SUM(amount) FILTER (WHERE type = 'ADJUSTMENT' AND kind = 'CONTRACTUAL'), 0.00),
    COALESCE(SUM(amount) FILTER (WHERE type = 'PAYMENT' AND method = 'AGENCY'), 0.00)
FROM bench_kpis.movement WHERE practice_id = 'bench-1m' AND effective_date BETWEEN CURRENT_DATE - :e - 29 AND CURRENT_DATE - :e;
SELECT COALESCE(SUM(amount), 0.00) FROM bench_kpis.movement
WHERE practice_id = 'bench-1m' AND effective_date BETWEEN CURRENT_DATE - :e - 89 AND CURRENT_DATE - :e AND type = 'CHARGE';
SELECT COALESCE(SUM(COALESCE(insurance_effect, 0.00) + COALESCE(patient_effect, 0.00)), 0.00) FROM bench_kpis.movement
WHERE practice_id = 'bench-1m' AND effective_date > CURRENT_DATE - :e;
SELECT COALESCE(SUM(patient_balance + insurance_balance), 0.00),
    COALESCE(SUM(patient_balance + insurance_balance) FILTER (WHERE service_date < CURRENT_DATE - :e - 90), 0.00)
FROM bench_kpis.aging_day WHERE practice_id = 'bench-1m';
SQL

# both must give the same figures (a month ending 100 days ago)
first="$(sed -e '1d' -e 's/:e/100/g' "$WORK/kpi_day.sql" | psql -XAtq | sed -n 1p)"  # not head: psql would die of SIGPIPE under pipefail
second="$(sed -e '1d' -e 's/:e/100/g' "$WORK/movements.sql" | psql -XAtq | paste -sd'|' | cut -d'|' -f1-7)"
service="$(echo "$first" | cut -d'|' -f1-5,7-8)"
[ "$service" = "$second" ] && echo "kpi_day and the movement rows agree ($service)" \
  || { echo "kpi_day ($service) and the movement rows ($second) DIFFER" >&2; exit 1; }

percentiles() { # pgbench log (column 3: latency in µs) → "tps p50 p99 max" in ms
  local tps="$1"; shift
  cat "$@" | awk '{print $3}' | sort -n | awk -v tps="$tps" '{a[NR]=$1} END {
    printf "%s tps, p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d reports)\n", tps, a[int(NR*0.5)]/1000, a[int(NR*0.99)]/1000, a[NR]/1000, NR}'
}

echo "rows: kpi_day $(psql -XAtqc "SELECT count(*) FROM bench_kpis.kpi_day"), movement $(psql -XAtqc "SELECT count(*) FROM bench_kpis.movement"), aging_day $(psql -XAtqc "SELECT count(*) FROM bench_kpis.aging_day")"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)  $(date -u '+%Y-%m-%d %H:%M UTC')"
for run in $(seq 1 "$RUNS"); do
  for variant in kpi_day movements; do
    rm -f "$WORK"/pgbench_log.*
    tps="$(cd "$WORK" && pgbench -n -l -c "$CLIENTS" -j "$CLIENTS" -T "$SECONDS_MEASURED" -f "$variant.sql" 2>/dev/null \
      | awk '/^tps/ {printf "%.1f", $3}')"
    printf 'run %s  %-9s  %s\n' "$run" "$variant" "$(percentiles "$tps" "$WORK"/pgbench_log.*)"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
[ "${HTTP:-1}" = 1 ] || exit 0

# ---- through HTTP: GET /kpis and GET /aging of the packaged service over a practice of $ACCOUNTS accounts
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DB=collections_kpis_bench
PORT=18186
PRACTICE=bench-kpis
WARMUP="${WARMUP:-10}"
JAVA_OPTS="${JAVA_OPTS:--Xms64m -Xmx192m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=64m -Xss512k}"
LOG="$ROOT/.revcycle/logs/collections-kpis-bench.log"
mkdir -p "$ROOT/.revcycle/logs"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
(cd "$ROOT" && { [ -f services/collections/target/quarkus-app/quarkus-run.jar ] \
  || ./mvnw -B -q -pl services/collections -am package -DskipTests; })
# as postgres over its socket (the variables above name the collections role)
pg_admin() { env -u PGUSER -u PGPASSWORD -u PGHOST -u PGPORT -u PGDATABASE runuser -u postgres -- psql -X -q -d postgres "$@"; }
PID=
http_cleanup() {
  if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
  if [ -z "${KEEP:-}" ]; then
    psql -Xqc "DROP SCHEMA IF EXISTS bench_kpis CASCADE"
    pg_admin -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
  fi
}
trap http_cleanup EXIT
pg_admin -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB OWNER collections"
(cd "$ROOT/services/collections" && \
 QUARKUS_HTTP_PORT=$PORT QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" \
 REVCYCLE_JWT_PUBLIC_KEY_LOCATION="$ROOT/.revcycle/keys/jwt-public.pem" \
 REVCYCLE_IDEMPOTENCY_FINGERPRINT_KEY="$(cat "$ROOT/.revcycle/secrets/idempotency-fingerprint.key")" \
 REVCYCLE_INBOX_ENABLED=false REVCYCLE_OUTBOX_BOOTSTRAP_SERVERS=127.0.0.1:9 REVCYCLE_LOG_JSON=false \
 exec java $JAVA_OPTS -jar target/quarkus-app/quarkus-run.jar > "$LOG" 2>&1) &
PID=$!
until curl -fs -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; do
  kill -0 "$PID" 2>/dev/null || { tail -20 "$LOG"; exit 1; }
  sleep 0.2
done
PGDATABASE=$DB psql -Xq -v ON_ERROR_STOP=1 -v accounts="$ACCOUNTS" -v days="$DAYS" -v practice="$PRACTICE" \
  -f "$ROOT/bench/collections-kpis-seed.sql"
echo "HTTP: $(PGDATABASE=$DB psql -XAtqc "SELECT count(*) FROM account") accounts, $(PGDATABASE=$DB psql -XAtqc \
  "SELECT count(*) FROM aging_day") aging days, $(PGDATABASE=$DB psql -XAtqc "SELECT count(*) FROM kpi_day") kpi days; JAVA_OPTS=$JAVA_OPTS"
TOKEN="$(cd "$ROOT" && ./revcycle token --role collector --practice "$PRACTICE" --hours 2)"
curl -fs -o /dev/null -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/kpis?practiceId=$PRACTICE&from=$(date -u -d '-30 days' +%F)&to=$(date -u +%F)" \
  || { echo "GET /kpis failed" >&2; exit 1; }
run_wrk() { # endpoint seconds
  TOKEN="$TOKEN" PRACTICE="$PRACTICE" ENDPOINT="$1" wrk -t2 -c"$CLIENTS" -d"$2s" --latency -s "$ROOT/bench/collections-kpis.lua" \
    "http://127.0.0.1:$PORT" | awk '/Requests\/sec/ {rps=$2} /^p50=/ {line=$0} END {printf "%s req/s, %s\n", rps, line}'
}
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)  $(date -u '+%Y-%m-%d %H:%M UTC')"
for endpoint in kpis aging; do run_wrk "$endpoint" "$WARMUP" >/dev/null; done
for run in $(seq 1 "$RUNS"); do
  for endpoint in kpis aging; do
    printf 'run %s  GET /%-6s %s clients  %s\n' "$run" "$endpoint" "$CLIENTS" "$(run_wrk "$endpoint" "$SECONDS_MEASURED")"
  done
done
echo "service RSS peak: $(awk '/VmHWM/ {printf "%.0f MB", $2 / 1024}' "/proc/$PID/status"); load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
