#!/usr/bin/env bash
# A statement run over 100,000 accounts (target < 60 s) and its PDF over HTTP: the packaged collections service,
# started as ./revcycle up starts it (the launcher's JVM options) on its own port against its own database
# (collections_bench), times POST /statement-runs, the same POST again (the same date: must issue nothing), and
# GET /statement-runs/{id}/pdf streamed to a file (seconds, statements and pages per second, the PDF's page count by
# poppler's pdfinfo), with the service's peak RSS (VmHWM) after each step; then pgbench runs the same database work
# set-based in one transaction (bench/collections-statements-pgbench.sql, rolled back). Each run seeds a fresh database
# (bench/collections-statements-seed.sql: 5 % held, 5 % on a plan, 5 % small balances, 2 % undeliverable).
# Run it under both locks:
#   flock /tmp/revcycle-bench.lock flock /tmp/revcycle-it.lock bench/collections-statements.sh
# Environment: ACCOUNTS (100000), RUNS (3), JAVA_OPTS (the launcher's SERVICE_JAVA_OPTS: C1, 192 MB heap),
#   JFR=1 (a flight recording of the run and the PDF to bench/results/), KEEP=1 (leave the database).
# The outbox relay points at a closed port, so the run's events stay in outbox_event (not on the shared broker).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
ACCOUNTS="${ACCOUNTS:-100000}"
RUNS="${RUNS:-3}"
JAVA_OPTS="${JAVA_OPTS:--Xms64m -Xmx192m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=64m -Xss512k}"
PORT=18185
DB=collections_bench
PRACTICE=bench-statements
AS_OF="$(date -u +%F)"
STAMP="$(date +%Y%m%d-%H%M%S)"
OUT="$ROOT/bench/results/collections-statements-$STAMP.txt"
LOG="$ROOT/.revcycle/logs/collections-statements-bench.log"
WORK="$(mktemp -d)"
mkdir -p "$ROOT/bench/results" "$ROOT/.revcycle/logs"
say() { echo "$*" | tee -a "$OUT"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
hwm() { awk '/VmHWM/ {printf "%.0f MB", $2 / 1024}' "/proc/$PID/status"; }

./revcycle infra >/dev/null
command -v pdfinfo >/dev/null || { apt-get update -qq && apt-get install -y -qq poppler-utils >/dev/null; }
[ -f services/collections/target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q -pl services/collections -am package -DskipTests
export PGPASSWORD=collections
psql_bench() { psql -X -q -h 127.0.0.1 -U collections -d "$DB" -v ON_ERROR_STOP=1 "$@"; }

PID=
stop_service() { if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; PID=; fi; }
cleanup() {
  stop_service
  rm -rf "$WORK"
  [ -n "${KEEP:-}" ] || runuser -u postgres -- psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
}
trap cleanup EXIT

start_service() {
  (cd services/collections && \
   QUARKUS_HTTP_PORT=$PORT QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
   REVCYCLE_JWT_PUBLIC_KEY_LOCATION="$ROOT/.revcycle/keys/jwt-public.pem" \
   REVCYCLE_IDEMPOTENCY_FINGERPRINT_KEY="$(cat "$ROOT/.revcycle/secrets/idempotency-fingerprint.key")" \
   REVCYCLE_INBOX_ENABLED=false REVCYCLE_OUTBOX_BOOTSTRAP_SERVERS=127.0.0.1:9 REVCYCLE_LOG_JSON=false \
   exec java $JAVA_OPTS ${JFR:+-XX:FlightRecorderOptions:stackdepth=256} -jar target/quarkus-app/quarkus-run.jar > "$LOG" 2>&1) &
  PID=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; do
    kill -0 "$PID" 2>/dev/null || { tail -20 "$LOG"; exit 1; }
    sleep 0.2
  done
}

say "# collections statement-run benchmark $(date -u +%FT%TZ) on $(nproc) cores; $ACCOUNTS accounts, $RUNS runs, asOf $AS_OF"
say "# JAVA_OPTS=$JAVA_OPTS; load average before: $(load) (shared machine)"
TOKEN="$(./revcycle token --role collector --practice "$PRACTICE" --hours 2)"
sed -e "s/@PRACTICE@/$PRACTICE/g" -e "s/@ASOF@/$(date -u -d "$AS_OF + 30 days" +%F)/g" \
  bench/collections-statements-pgbench.sql > "$WORK/pgbench.sql"

for run in $(seq 1 "$RUNS"); do
  runuser -u postgres -- psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" \
    -c "CREATE DATABASE $DB OWNER collections"
  start_service   # its migrations make the tables
  psql_bench -v accounts="$ACCOUNTS" -v practice="$PRACTICE" -v day="$AS_OF" -f bench/collections-statements-seed.sql
  due="$(psql_bench -tA -c "SELECT count(*) FROM account WHERE practice_id = '$PRACTICE' AND patient_balance > 0")"
  say "run $run: seeded $due accounts with a patient balance due (load $(load)); service RSS peak after start-up and seed: $(hwm)"
  [ "${JFR:-}" = 1 ] && jcmd "$PID" JFR.start name=bench settings=profile \
    filename="$ROOT/bench/results/collections-statements-$STAMP-$run.jfr" >/dev/null

  post() {
    curl -s -o "$WORK/run.json" -w '%{http_code} %{time_total}' -H "Authorization: Bearer $TOKEN" \
      -H 'Content-Type: application/json' -d "{\"practiceId\":\"$PRACTICE\",\"asOf\":\"$AS_OF\"}" \
      "http://127.0.0.1:$PORT/statement-runs"
  }
  read -r code seconds <<<"$(post)"
  [ "$code" = 201 ] || { say "POST /statement-runs answered $code: $(head -c 500 "$WORK/run.json")"; exit 1; }
  id="$(jq -r .id "$WORK/run.json")"
  issued="$(jq -r .counts.ISSUED "$WORK/run.json")"
  counts="$(jq -c .counts "$WORK/run.json")"
  say "run $run: POST /statement-runs 201 in ${seconds} s ($(awk -v n="$due" -v s="$seconds" 'BEGIN{printf "%.0f", n/s}') accounts/s): $counts, status $(jq -r .status "$WORK/run.json"); RSS peak $(hwm); load $(load)"
  read -r code again <<<"$(post)"
  reissued="$(jq -r .counts.ISSUED "$WORK/run.json")"
  stored="$(psql_bench -tA -c "SELECT count(*) FROM statement")"
  [ "$code" = 200 ] && [ "$(jq -r .id "$WORK/run.json")" = "$id" ] && [ "$stored" = "$issued" ] \
    || { say "the same POST again: $code, run $(jq -r .id "$WORK/run.json"), $stored statements stored (expected 200, $id, $issued)"; exit 1; }
  say "run $run: the same POST again: 200 in ${again} s, the same run ($reissued issued), $stored statement rows: nothing issued twice"

  read -r code pdf_seconds bytes <<<"$(curl -s -o "$WORK/run.pdf" -w '%{http_code} %{time_total} %{size_download}' \
    -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/statement-runs/$id/pdf")"
  [ "$code" = 200 ] || { say "GET /statement-runs/$id/pdf answered $code"; exit 1; }
  pages="$(pdfinfo "$WORK/run.pdf" | awk '/^Pages:/ {print $2}')"
  say "run $run: GET /statement-runs/{id}/pdf 200 in ${pdf_seconds} s: $(awk -v b="$bytes" 'BEGIN{printf "%.0f MB", b/1048576}'), $pages pages for $issued statements ($(awk -v n="$issued" -v s="$pdf_seconds" 'BEGIN{printf "%.0f", n/s}') statements/s, $(awk -v n="$pages" -v s="$pdf_seconds" 'BEGIN{printf "%.0f", n/s}') pages/s); RSS peak $(hwm); load $(load)"
  [ "$pages" -ge "$issued" ] || { say "the PDF has fewer pages ($pages) than statements ($issued)"; exit 1; }
  audited="$(psql_bench -tA -c "SELECT count(*) FROM phi_audit_event WHERE outcome = 'SUCCESS'")"
  say "run $run: PHI audit rows written for the file: $audited (one per statement)"
  if [ "${JFR:-}" = 1 ]; then
    jcmd "$PID" JFR.stop name=bench >/dev/null
    say "# flight recording: bench/results/collections-statements-$STAMP-$run.jfr"
  fi
  stop_service
  rm -f "$WORK/run.pdf"

  # the same database work, set-based, in one transaction (rolled back): the due accounts' facts and 100,000 inserts
  logs="$WORK/pgbench-$run"; mkdir -p "$logs"
  (cd "$logs" && pgbench -h 127.0.0.1 -U collections -n -l -t 3 -c 1 -f "$WORK/pgbench.sql" "$DB" >/dev/null 2>&1)
  say "run $run: pgbench, the run's database work in one transaction (3 times): $(cat "$logs"/pgbench_log.* \
    | awk '{print $3/1e6}' | sort -n | paste -sd' ' | sed 's/ / s, /g') s; service run / pgbench median: $(cat "$logs"/pgbench_log.* \
    | awk '{print $3/1e6}' | sort -n | awk -v s="$seconds" '{v[NR]=$1} END{printf "%.1f×", s/v[2]}') (load $(load))"
done
say "# load average after: $(load)"
