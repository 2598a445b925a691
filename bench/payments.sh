#!/usr/bin/env bash
# Payments benchmark: partner payments per second and p50/p99 at $CLIENTS clients (wrk, POST /payments with
# an Idempotency-Key each, spread over 1,000 accounts), beside pgbench doing the equivalent writes
# (bench/pgbench-pay.sql) at the same concurrency. Own database payments_bench; the consumer is off.
# Run it under the machine's lock:   flock /tmp/revcycle-it.lock bench/payments.sh   (after ./revcycle infra)
# Environment: CLIENTS (32), SECONDS_MEASURED (10), WARMUP (10). Figures to stdout and bench/results/.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
CLIENTS="${CLIENTS:-32}"
SECONDS_MEASURED="${SECONDS_MEASURED:-10}"
WARMUP="${WARMUP:-10}"
PORT=18084
DB=payments_bench
PRACTICE=bench
OUT="$ROOT/bench/results/payments-$(date +%Y%m%d-%H%M).txt"
mkdir -p "$ROOT/bench/results" "$ROOT/.revcycle/logs"
say() { echo "$*" | tee -a "$OUT"; }

./revcycle infra >/dev/null
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[ -f services/payments/target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q -pl services/payments -am package -DskipTests
export PGPASSWORD=payments
psql_bench() { psql -X -q -h 127.0.0.1 -U payments -d "$DB" "$@"; }
runuser -u postgres -- psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB OWNER payments"

say "# payments benchmark $(date -u +%FT%TZ) on $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg) (shared machine)"
(cd services/payments && \
 QUARKUS_HTTP_PORT=$PORT QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
 REVCYCLE_JWT_PUBLIC_KEY_LOCATION="$ROOT/.revcycle/keys/jwt-public.pem" \
 REVCYCLE_PHI_ENCRYPTION_KEY="$(cat "$ROOT/.revcycle/secrets/phi-encryption.key")" \
 REVCYCLE_IDEMPOTENCY_FINGERPRINT_KEY="$(cat "$ROOT/.revcycle/secrets/idempotency-fingerprint.key")" \
 REVCYCLE_INBOX_ENABLED=false REVCYCLE_LOG_JSON=false \
 exec java -Xms128m -Xmx512m -jar target/quarkus-app/quarkus-run.jar > "$ROOT/.revcycle/logs/payments-bench.log" 2>&1) &
PID=$!
trap 'kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true' EXIT
until curl -fs -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; do
  kill -0 "$PID" 2>/dev/null || { tail -20 "$ROOT/.revcycle/logs/payments-bench.log"; exit 1; }
  sleep 0.1
done
psql_bench -c "INSERT INTO account (id, patient_id, practice_id, version, patient_version, opened_at)
               SELECT gen_random_uuid(), gen_random_uuid(), '$PRACTICE', 1, 1, now() FROM generate_series(1, 1000)" \
           -c "CREATE TABLE bench_accounts AS SELECT row_number() OVER (ORDER BY id) AS n, id FROM account WHERE practice_id = '$PRACTICE'" \
           -c "CREATE UNIQUE INDEX ON bench_accounts (n)"
psql_bench -tA -c "SELECT id FROM bench_accounts ORDER BY n" > /tmp/payments-bench-accounts
TOKEN="$(./revcycle token --role poster --practice "$PRACTICE" --hours 2)"
run_wrk() {
  TOKEN="$TOKEN" PRACTICE="$PRACTICE" ACCOUNT_FILE=/tmp/payments-bench-accounts \
    wrk -t2 -c"$CLIENTS" -d"$1s" --latency -s bench/pay.lua "http://127.0.0.1:$PORT" \
    | awk '/Requests\/sec/{rps=$2} /^p50=/{line=$0} END{printf "throughput=%s/s %s\n", rps, line}'
}
run_wrk "$WARMUP" >/dev/null
SERVICE="$(run_wrk "$SECONDS_MEASURED")"
say "service, $CLIENTS clients: $SERVICE"
kill "$PID"; wait "$PID" 2>/dev/null || true
sed "s/@PRACTICE@/$PRACTICE/g" bench/pgbench-pay.sql > /tmp/pgbench-pay.sql
PGB="$(pgbench -h 127.0.0.1 -U payments -n -f /tmp/pgbench-pay.sql -c "$CLIENTS" -j 2 -T "$SECONDS_MEASURED" "$DB" 2>&1 \
  | awk -F'= ' '/^tps/{split($2, a, " "); print a[1]}' | head -1)"
say "pgbench, equivalent writes, $CLIENTS clients: ${PGB} tps"
rate="$(echo "$SERVICE" | sed -E 's/throughput=([0-9.]+).*/\1/')"
say "service / pgbench: $(awk -v a="$rate" -v b="$PGB" 'BEGIN{printf "%.0f %%", 100*a/b}') (target >= 50 %, p99 < 100 ms)"
