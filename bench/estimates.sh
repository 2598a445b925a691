#!/usr/bin/env bash
# Estimates benchmark (figures in services/claims/README.md, "Estimates"): POST /estimates per second with p50/p99 at
# $CLIENTS clients (wrk, bench/estimate.lua: an insured patient, three procedure codes) over a practice of
# $SEED_PATIENTS patients with coverages and benefits, a 6,000-item charge master and a 2,000-rate fee schedule
# (bench/seed-estimates.sql), beside pgbench doing the same reads and writes in one transaction
# (bench/pgbench-estimate.sql). Its own database (claims_estimates_bench), kept between runs (FRESH=1 starts over).
#
#   flock /tmp/revcycle-it.lock bash bench/estimates.sh     (PostgreSQL and Kafka up; ROUNDS=3; SKIP_BUILD=1 reuses the jar)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
CLIENTS="${CLIENTS:-32}"
SECONDS_MEASURED="${SECONDS_MEASURED:-10}"
WARMUP="${WARMUP:-10}"
ROUNDS="${ROUNDS:-3}"
SEED_PATIENTS="${SEED_PATIENTS:-10000}"
PORT=18093
DB=claims_estimates_bench
PRACTICE=bench-estimates
RUN="$(date +%H%M%S)"
OUT="$ROOT/bench/results/estimates-$(date +%Y%m%d-%H%M).txt"
LAUNCHER_OPTS="$(sed -n 's/^SERVICE_JAVA_OPTS="\${REVCYCLE_JAVA_OPTS:-\(.*\)}"$/\1/p' revcycle)"
mkdir -p "$ROOT/bench/results" "$ROOT/.revcycle/logs"
say() { echo "$*" | tee -a "$OUT"; }

ss -ltn | grep -q ':5432 ' || { echo "PostgreSQL is not listening on 5432" >&2; exit 1; }
ss -ltn | grep -q ':9092 ' || { echo "Kafka is not listening on 9092" >&2; exit 1; }
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -B -q -o -pl services/claims -am package -DskipTests
export PGPASSWORD=claims
psql_bench() { psql -X -q -h 127.0.0.1 -U claims -d "$DB" "$@"; }
exists="$(runuser -u postgres -- psql -X -tAq -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")"
if [ "${FRESH:-0}" = 1 ] || [ "$exists" != 1 ]; then
  runuser -u postgres -- psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB OWNER claims"
fi
say "# estimates benchmark $(date -u +%FT%TZ) on $(nproc) cores; $(java -version 2>&1 | head -1)"
say "# load average before: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared)"

start_service() {
  (cd services/claims && \
   QUARKUS_HTTP_PORT=$PORT QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
   REVCYCLE_JWT_PUBLIC_KEY_LOCATION="$ROOT/.revcycle/keys/jwt-public.pem" REVCYCLE_LOG_JSON=false \
   REVCYCLE_IDEMPOTENCY_FINGERPRINT_KEY="$(cat "$ROOT/.revcycle/secrets/idempotency-fingerprint.key")" \
   REVCYCLE_INBOX_GROUP_ID="claims-estimates-bench-$RUN" REVCYCLE_INBOX_AUTO_OFFSET_RESET=latest \
   REVCYCLE_CLEARINGHOUSE_MAILBOX_ENABLED=false \
   exec java $LAUNCHER_OPTS -jar target/quarkus-app/quarkus-run.jar > "$ROOT/.revcycle/logs/claims-estimates-bench.log" 2>&1) &
  PID=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; do
    kill -0 "$PID" 2>/dev/null || { tail -20 "$ROOT/.revcycle/logs/claims-estimates-bench.log"; exit 1; }
    sleep 0.2
  done
}
stop_service() { kill "${PID:-0}" 2>/dev/null || true; wait "${PID:-0}" 2>/dev/null || true; }
trap stop_service EXIT

start_service   # the schema comes from the service's own migrations
seeded="$(psql_bench -tA -c "SELECT count(*) FROM known_coverage WHERE practice_id = '$PRACTICE'")"
if [ "${seeded:-0}" -lt "$SEED_PATIENTS" ]; then
  psql_bench -v practice="$PRACTICE" -v patients="$SEED_PATIENTS" -f bench/seed-estimates.sql
fi
say "practice $PRACTICE: $(psql_bench -tA -c "SELECT count(*) FROM known_coverage WHERE practice_id = '$PRACTICE'") patients with coverages, $(psql_bench -tA -c "SELECT count(*) FROM charge_master_item") charge-master items, $(psql_bench -tA -c "SELECT count(*) FROM estimate") estimates kept"
psql_bench -tA -F, -c "SELECT md5('est-patient-' || i)::uuid, md5('est-coverage-' || i)::uuid FROM generate_series(1, $SEED_PATIENTS) i" > /tmp/estimates-bench-ids-$RUN.txt
TOKEN="$(./revcycle token --role registrar --practice "$PRACTICE" --hours 2)"
export TOKEN PRACTICE IDS=/tmp/estimates-bench-ids-$RUN.txt
curl -fsS -o /dev/null -X POST "http://127.0.0.1:$PORT/estimates" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d "{\"practiceId\":\"$PRACTICE\",\"patientId\":\"$(head -1 "$IDS" | cut -d, -f1)\",\"coverageId\":\"$(head -1 "$IDS" | cut -d, -f2)\",\"serviceDate\":\"2026-11-20\",\"procedureCodes\":[\"E0001\"]}" \
  || { echo "a first estimate failed" >&2; exit 1; }
run_wrk() {
  wrk -t2 -c"$CLIENTS" -d"${SECONDS_MEASURED}s" --latency -s bench/estimate.lua "http://127.0.0.1:$PORT" \
    | awk '/Requests\/sec/{rps=$2} /^p50=/{line=$0} END{printf "throughput=%s/s %s\n", rps, line}'
}
run_pgbench() {
  sed -e "s/@PRACTICE@/$PRACTICE/g" -e "s/@PATIENTS@/$SEED_PATIENTS/g" bench/pgbench-estimate.sql > /tmp/pgbench-estimate-$RUN.sql
  pgbench -h 127.0.0.1 -U claims -n -f /tmp/pgbench-estimate-$RUN.sql -c "$CLIENTS" -j 2 -T "$SECONDS_MEASURED" "$DB" 2>&1 \
    | awk -F'= ' '/^tps/{split($2, a, " "); print a[1]}' | head -1
}
wrk -t2 -c"$CLIENTS" -d"${WARMUP}s" -s bench/estimate.lua "http://127.0.0.1:$PORT" >/dev/null
for round in $(seq 1 "$ROUNDS"); do
  pg="$(run_pgbench)"
  svc="$(run_wrk)"
  rate="$(echo "$svc" | sed -E 's/throughput=([0-9.]+).*/\1/')"
  say "round $round: pgbench ${pg} tps | service $svc | service / pgbench $(awk -v a="$rate" -v b="$pg" 'BEGIN{printf "%.0f %%", 100*a/b}') | load $(cut -d' ' -f1-3 /proc/loadavg)"
done
rm -f /tmp/estimates-bench-ids-$RUN.txt /tmp/pgbench-estimate-$RUN.sql
say "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
say "results in $OUT"
