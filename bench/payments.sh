#!/usr/bin/env bash
# Payments benchmark: partner payments per second and p50/p99 at $CLIENTS clients (wrk, POST /payments with
# an Idempotency-Key each, spread over $ACCOUNTS accounts of one large practice, one in five with an open
# patient balance on a claim), beside pgbench running the statements the service runs per payment
# (bench/pgbench-pay.sql) at the same concurrency. Own database payments_bench; the consumer is off.
# Run it under the machine's lock:   flock /tmp/revcycle-it.lock bench/payments.sh   (after ./revcycle infra)
# Environment: CLIENTS (32), SECONDS_MEASURED (20), WARMUP (20), ACCOUNTS (1000000),
#   JAVA_OPTS (default: the launcher's SERVICE_JAVA_OPTS, C1 only and 192 MB, as ./revcycle up runs the service;
#   e.g. JAVA_OPTS="-Xms128m -Xmx512m" for C2), POOL (the service's pool, default its own: 24),
#   JFR=1 (a flight recording of the measured part to bench/results/). Figures to stdout and bench/results/.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
CLIENTS="${CLIENTS:-32}"
SECONDS_MEASURED="${SECONDS_MEASURED:-20}"
WARMUP="${WARMUP:-20}"
ACCOUNTS="${ACCOUNTS:-1000000}"
JAVA_OPTS="${JAVA_OPTS:--Xms64m -Xmx192m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=64m -Xss512k}"
PORT=18084
DB=payments_bench
PRACTICE=bench
STAMP="$(date +%Y%m%d-%H%M%S)"
OUT="$ROOT/bench/results/payments-$STAMP.txt"
mkdir -p "$ROOT/bench/results" "$ROOT/.revcycle/logs"
say() { echo "$*" | tee -a "$OUT"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

./revcycle infra >/dev/null
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[ -f services/payments/target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q -pl services/payments -am package -DskipTests
export PGPASSWORD=payments
psql_bench() { psql -X -q -h 127.0.0.1 -U payments -d "$DB" "$@"; }
runuser -u postgres -- psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB OWNER payments"

say "# payments benchmark $(date -u +%FT%TZ) on $(nproc) cores; load average before: $(load) (shared machine)"
say "# $ACCOUNTS accounts, $CLIENTS clients, warm-up ${WARMUP}s, measured ${SECONDS_MEASURED}s, JAVA_OPTS=$JAVA_OPTS${POOL:+, pool $POOL}"
(cd services/payments && if [ -n "${POOL:-}" ]; then export QUARKUS_DATASOURCE_JDBC_MAX_SIZE="$POOL"; fi && \
 QUARKUS_HTTP_PORT=$PORT QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
 REVCYCLE_JWT_PUBLIC_KEY_LOCATION="$ROOT/.revcycle/keys/jwt-public.pem" \
 REVCYCLE_PHI_ENCRYPTION_KEY="$(cat "$ROOT/.revcycle/secrets/phi-encryption.key")" \
 REVCYCLE_IDEMPOTENCY_FINGERPRINT_KEY="$(cat "$ROOT/.revcycle/secrets/idempotency-fingerprint.key")" \
 REVCYCLE_INBOX_ENABLED=false REVCYCLE_LOG_JSON=false \
 exec java $JAVA_OPTS ${JFR:+-XX:FlightRecorderOptions:stackdepth=256} -jar target/quarkus-app/quarkus-run.jar > "$ROOT/.revcycle/logs/payments-bench.log" 2>&1) &
PID=$!
trap 'kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true' EXIT
until curl -fs -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; do
  kill -0 "$PID" 2>/dev/null || { tail -20 "$ROOT/.revcycle/logs/payments-bench.log"; exit 1; }
  sleep 0.1
done
# One large practice: $ACCOUNTS accounts; every fifth has a self-pay claim with 150.00 open on the patient's
# side (its CHARGE entry), so payments go to open claims first and the open-claims queries have work.
psql_bench -v ON_ERROR_STOP=1 <<SQL
INSERT INTO account (id, patient_id, practice_id, version, patient_version, opened_at)
SELECT gen_random_uuid(), gen_random_uuid(), '$PRACTICE', 1, 1, now() FROM generate_series(1, $ACCOUNTS);
CREATE TABLE bench_accounts AS SELECT row_number() OVER () AS n, id FROM account WHERE practice_id = '$PRACTICE';
CREATE UNIQUE INDEX ON bench_accounts (n);
INSERT INTO claim (id, account_id, practice_id, patient_id, patient_control_number, made_from_another,
    first_service_date, version)
SELECT gen_random_uuid(), b.id, '$PRACTICE', gen_random_uuid(), 'PCN' || b.n, false, DATE '2026-01-01' + (b.n % 270)::int, 1
FROM bench_accounts b WHERE b.n % 5 = 0;
INSERT INTO ledger_entry (id, account_id, practice_id, type, amount, responsibility, insurance_delta, patient_delta,
    claim_id, source, source_reference, effective_date, posted_at, actor)
SELECT gen_random_uuid(), k.account_id, k.practice_id, 'CHARGE', 150, 'PATIENT', 0, 150, k.id, 'CLAIM', k.id::text,
    k.first_service_date, now(), 'bench-seed' FROM claim k WHERE k.practice_id = '$PRACTICE';
UPDATE account a SET patient_sum = 150, oldest_open_service_date = k.first_service_date, version = 2
FROM claim k WHERE k.account_id = a.id AND k.practice_id = '$PRACTICE';
VACUUM ANALYZE account; VACUUM ANALYZE claim; VACUUM ANALYZE ledger_entry; VACUUM ANALYZE bench_accounts;
SQL
psql_bench -tA -c "SELECT id FROM bench_accounts ORDER BY n" > /tmp/payments-bench-accounts
say "# seeded $(load)"
TOKEN="$(./revcycle token --role poster --practice "$PRACTICE" --hours 2)"
run_wrk() {
  TOKEN="$TOKEN" PRACTICE="$PRACTICE" ACCOUNT_FILE=/tmp/payments-bench-accounts \
    wrk -t2 -c"$CLIENTS" -d"$1s" --latency -s bench/pay.lua "http://127.0.0.1:$PORT" \
    | awk '/Requests\/sec/{rps=$2} /^p50=/{line=$0} END{printf "throughput=%s/s %s\n", rps, line}'
}
run_wrk "$WARMUP" >/dev/null
if [ "${JFR:-}" = 1 ]; then
  jcmd "$PID" JFR.start name=bench settings=profile filename="$ROOT/bench/results/payments-$STAMP.jfr" >/dev/null
fi
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }   # user + system clock ticks
JAVA_PID="$(pgrep -P "$PID" java || echo "$PID")"
CPU0="$(cpu "$JAVA_PID")"
SERVICE="$(run_wrk "$SECONDS_MEASURED")"
CPU1="$(cpu "$JAVA_PID")"
JAVA_CPU="$(awk -v a="$CPU0" -v b="$CPU1" -v t="$(getconf CLK_TCK)" -v s="$SECONDS_MEASURED" 'BEGIN{printf "%.0f %%", 100*(b-a)/t/s}')"
say "service, $CLIENTS clients: $SERVICE; the JVM's CPU: $JAVA_CPU of one core (load average after: $(load))"
if [ "${JFR:-}" = 1 ]; then
  jcmd "$PID" JFR.stop name=bench >/dev/null
  say "# flight recording: bench/results/payments-$STAMP.jfr"
fi
kill "$PID"; wait "$PID" 2>/dev/null || true
sed "s/@PRACTICE@/$PRACTICE/g" bench/pgbench-pay.sql > /tmp/pgbench-pay.sql
sed -i "s/@ACCOUNTS@/$ACCOUNTS/g" /tmp/pgbench-pay.sql
PGB_LOGS="$(mktemp -d)"
PGB_OUT="$(cd "$PGB_LOGS" && pgbench -h 127.0.0.1 -U payments -n -l -f /tmp/pgbench-pay.sql -c "$CLIENTS" -j 2 -T "$SECONDS_MEASURED" "$DB" 2>&1)"
PGB="$(echo "$PGB_OUT" | awk -F'= ' '/^tps/{split($2, a, " "); print a[1]}' | head -1)"
# per-transaction log: the third field is the latency in microseconds
PGB_LAT="$(cat "$PGB_LOGS"/pgbench_log.* | awk '{print $3}' | sort -n | awk '{v[NR]=$1} END{printf "p50=%.2fms p99=%.2fms", v[int(NR*0.5)]/1000, v[int(NR*0.99)]/1000}')"
rm -rf "$PGB_LOGS"
say "pgbench, the service's statements, $CLIENTS clients: ${PGB} tps $PGB_LAT (load average after: $(load))"
rate="$(echo "$SERVICE" | sed -E 's/throughput=([0-9.]+).*/\1/')"
say "service / pgbench: $(awk -v a="$rate" -v b="$PGB" 'BEGIN{printf "%.0f %%", 100*a/b}') (target >= 50 %, p99 < 100 ms)"
