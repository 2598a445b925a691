#!/usr/bin/env bash
# Claims service benchmark, side by side in one run (figures in services/claims/README.md):
#   - claim creation/s with p50/p99 at $CLIENTS clients (wrk, POST /claims with two lines) into a
#     practice that already has $SEED_CLAIMS claims and $SEED_PATIENTS patients with coverages;
#   - pgbench doing the same writes (bench/pgbench-claim.sql) at the same concurrency, before and after;
#   - importing 837_5010_x12_many_claims.txt and a generated 837 of $IMPORT_CLAIMS claims (POST /claim-imports);
#   - writing one 837 batch of 5,000 claims (Claim837WriterBenchmark, the writer alone, in a JVM of its own).
# Its own database (claims_bench) is kept between runs (FRESH=1 starts over). Run it alone on the machine:
#
#   flock /tmp/revcycle-it.lock bash bench/claims.sh     (PostgreSQL and Kafka up; ~10 minutes, plus the seed the
#                                                       first time; ROUNDS=3 by default; SKIP_BUILD=1 reuses the jar)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
CLIENTS="${CLIENTS:-32}"
SECONDS_MEASURED="${SECONDS_MEASURED:-10}"
WARMUP="${WARMUP:-10}"
ROUNDS="${ROUNDS:-3}"
SEED_PATIENTS="${SEED_PATIENTS:-100000}"
SEED_CLAIMS="${SEED_CLAIMS:-1000000}"
IMPORT_CLAIMS="${IMPORT_CLAIMS:-5000}"
PORT=18083
DB=claims_bench
PRACTICE=bench-big
RUN="$(date +%H%M%S)"
OUT="$ROOT/bench/results/claims-$(date +%Y%m%d-%H%M).txt"
LAUNCHER_OPTS="$(sed -n 's/^SERVICE_JAVA_OPTS="\${REVCYCLE_JAVA_OPTS:-\(.*\)}"$/\1/p' revcycle)"
mkdir -p "$ROOT/bench/results" "$ROOT/.revcycle/logs"
say() { echo "$*" | tee -a "$OUT"; }

# never starts or stops the shared infrastructure: it must be up
ss -ltn | grep -q ':5432 ' || { echo "PostgreSQL is not listening on 5432" >&2; exit 1; }
ss -ltn | grep -q ':9092 ' || { echo "Kafka is not listening on 9092" >&2; exit 1; }
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
# always the jar of this tree (a stale one would measure other code), x12 from the reactor, not ~/.m2
[ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -B -q -o -pl services/claims -am package -DskipTests
export PGPASSWORD=claims
psql_bench() { psql -X -q -h 127.0.0.1 -U claims -d "$DB" "$@"; }
exists="$(runuser -u postgres -- psql -X -tAq -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")"
if [ "${FRESH:-0}" = 1 ] || [ "$exists" != 1 ]; then
  runuser -u postgres -- psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB OWNER claims"
fi

say "# claims benchmark $(date -u +%FT%TZ) on $(nproc) cores; $(java -version 2>&1 | head -1)"
say "# load average before: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared)"

start_service() {
  (cd services/claims && \
   QUARKUS_HTTP_PORT=$PORT QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
   REVCYCLE_JWT_PUBLIC_KEY_LOCATION="$ROOT/.revcycle/keys/jwt-public.pem" REVCYCLE_LOG_JSON=false \
   REVCYCLE_IDEMPOTENCY_FINGERPRINT_KEY="$(cat "$ROOT/.revcycle/secrets/idempotency-fingerprint.key")" \
   REVCYCLE_INBOX_GROUP_ID="claims-bench-$RUN" REVCYCLE_INBOX_AUTO_OFFSET_RESET=latest \
   REVCYCLE_CLEARINGHOUSE_MAILBOX_ENABLED=false \
   exec java $LAUNCHER_OPTS -jar target/quarkus-app/quarkus-run.jar > "$ROOT/.revcycle/logs/claims-bench.log" 2>&1) &
  PID=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; do
    kill -0 "$PID" 2>/dev/null || { tail -20 "$ROOT/.revcycle/logs/claims-bench.log"; exit 1; }
    sleep 0.2
  done
}
stop_service() { kill "${PID:-0}" 2>/dev/null || true; wait "${PID:-0}" 2>/dev/null || true; }
trap stop_service EXIT

start_service   # the schema comes from the service's own migrations
seeded="$(psql_bench -tA -c "SELECT count(*) FROM claim WHERE practice_id = '$PRACTICE'")"
if [ "${seeded:-0}" -lt "$SEED_CLAIMS" ]; then
  t0=$SECONDS
  psql_bench -v practice="$PRACTICE" -v patients="$SEED_PATIENTS" -v claims="$SEED_CLAIMS" -f bench/seed-claims.sql
  for t in claim known_patient known_coverage provider claim_history; do psql_bench -c "VACUUM ANALYZE $t"; done
  say "seeded $SEED_PATIENTS patients with coverages and $SEED_CLAIMS claims into $PRACTICE in $((SECONDS - t0)) s"
fi
say "practice $PRACTICE: $(psql_bench -tA -c "SELECT count(*) FROM claim WHERE practice_id = '$PRACTICE'") claims, $(psql_bench -tA -c "SELECT count(*) FROM known_patient") patients"
psql_bench -tA -F, -c "SELECT md5('bench-patient-' || i)::uuid, md5('bench-coverage-' || i)::uuid FROM generate_series(1, $SEED_PATIENTS) i" > /tmp/claims-bench-ids-$RUN.txt

TOKEN="$(./revcycle token --role biller --practice "$PRACTICE" --hours 2)"
export TOKEN PRACTICE IDS=/tmp/claims-bench-ids-$RUN.txt PROVIDER
PROVIDER="$(psql_bench -tA -c "SELECT md5('bench-provider')::uuid")"
run_wrk() {
  wrk -t2 -c"$CLIENTS" -d"${SECONDS_MEASURED}s" --latency -s bench/create-claim.lua "http://127.0.0.1:$PORT" \
    | awk '/Requests\/sec/{rps=$2} /^p50=/{line=$0} END{printf "throughput=%s/s %s\n", rps, line}'
}
run_pgbench() {
  sed -e "s/@PRACTICE@/$PRACTICE/g" -e "s/@PATIENTS@/$SEED_PATIENTS/g" bench/pgbench-claim.sql > /tmp/pgbench-claim-$RUN.sql
  pgbench -h 127.0.0.1 -U claims -n -f /tmp/pgbench-claim-$RUN.sql -c "$CLIENTS" -j 2 -T "$SECONDS_MEASURED" "$DB" 2>&1 \
    | awk -F'= ' '/^tps/{split($2, a, " "); print a[1]}' | head -1
}
wrk -t2 -c"$CLIENTS" -d"${WARMUP}s" -s bench/create-claim.lua "http://127.0.0.1:$PORT" >/dev/null
for round in $(seq 1 "$ROUNDS"); do
  pg="$(run_pgbench)"
  svc="$(run_wrk)"
  rate="$(echo "$svc" | sed -E 's/throughput=([0-9.]+).*/\1/')"
  say "round $round: pgbench ${pg} tps | service $svc | service / pgbench $(awk -v a="$rate" -v b="$pg" 'BEGIN{printf "%.0f %%", 100*a/b}') | load $(cut -d' ' -f1-3 /proc/loadavg)"
done

# the generic plans (what a prepared statement may cache) of creation and the queues at this size
say "generic plans at $(psql_bench -tA -c "SELECT count(*) FROM claim") claims:"
psql_bench -v practice="$PRACTICE" -f bench/claims-plans.sql 2>&1 | tee -a "$OUT" | grep -E 'Seq Scan|Sort  ' && say "  ^ a scan or sort above is not bounded" || say "  no Seq Scan, no Sort: every plan is an index lookup or an ordered index scan into its LIMIT"

IMPORT_TOKEN="$(./revcycle token --role biller --practice "$PRACTICE" --hours 1)"
import_file() { # file label
  local t0 t1 answer
  t0=$(date +%s%N)
  answer="$(curl -sS -X POST "http://127.0.0.1:$PORT/claim-imports?practiceId=$PRACTICE" -H "Authorization: Bearer $IMPORT_TOKEN" \
    -H 'Content-Type: application/edi-x12' --data-binary @"$1" | jq -c '{created, refused, duplicate}')"
  t1=$(date +%s%N)
  say "import $2: $(( (t1 - t0) / 1000000 )) ms $answer | load $(cut -d' ' -f1-3 /proc/loadavg)"
}
command -v jq >/dev/null || { apt-get update -qq && apt-get install -y -qq jq >/dev/null; }
# the sample's patients are not the practice's: every claim is read, matched and refused (what a file of strangers costs)
for round in $(seq 1 "$ROUNDS"); do
  # the same file again is answered from the first import (duplicate: true): forget earlier imports to measure again
  psql_bench -c "DELETE FROM claim_import WHERE practice_id = '$PRACTICE'"
  import_file services/claims/src/test/resources/x12/samples/837_5010_x12_many_claims.txt "837_5010_x12_many_claims.txt"
  offset=$(( (($(date +%s) + round) % (SEED_PATIENTS / IMPORT_CLAIMS - 1)) * IMPORT_CLAIMS + 1 ))
  python3 bench/gen837.py "$IMPORT_CLAIMS" "$offset" > /tmp/claims-bench-$RUN.x12
  import_file /tmp/claims-bench-$RUN.x12 "generated, $IMPORT_CLAIMS claims of known patients ($(du -k /tmp/claims-bench-$RUN.x12 | cut -f1) kB)"
done
rm -f /tmp/claims-bench-$RUN.x12 /tmp/claims-bench-ids-$RUN.txt /tmp/pgbench-claim-$RUN.sql
stop_service

say "837 writer, one batch of 5,000 claims (Claim837WriterBenchmark):"
./mvnw -B -q -o -pl services/x12,services/claims test -Dbenchmark=true -Dtest=Claim837WriterBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true 2>&1 \
  | grep -iE 'claims in|ms|batch' | tee -a "$OUT" || true
say "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
say "results in $OUT"
