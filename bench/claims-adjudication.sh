#!/usr/bin/env bash
# Claims adjudication benchmark (issue 11; figures in services/claims/README.md): the RemittancePosted events of
# one 835 of $N (10,000) claims published on revcycle.payments.events.v1, and the time until claims has adjudicated
# every one of them (status, adjudication row and lines, history, denials queue, ClaimAdjudicated/ClaimDenied in the
# outbox), target < 10 s from the events being published. The packaged service runs as ./revcycle up runs it (the
# launcher's JVM options), its consumer reading from the end of the topics with a group of its own; its outbox relay
# points at a closed port, so that the bench's ~11,000 events stay out of the shared broker's claims topic (the
# relay's publishing is not part of "claims updated"; rows are written all the same). Own database claims_adj_bench,
# kept between runs (FRESH=1 starts over); $BACKGROUND (100,000) other claims of the practice around them.
#
# FEE_SCHEDULE=1: the practice has a fee schedule for the payer (99213 contracted at 105.00, 81002 at 25.00), so that
# underpayment detection checks every paid line and finds the 99213s allowed 100.00 (each round supersedes the last's).
#
#   flock /tmp/revcycle-it.lock bash bench/claims-adjudication.sh   (PostgreSQL and Kafka up; ROUNDS=3; SKIP_BUILD=1)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
N="${N:-10000}"
ROUNDS="${ROUNDS:-3}"
BACKGROUND="${BACKGROUND:-100000}"
KAFKA=127.0.0.1:9092
PORT=18093
DB=claims_adj_bench
PRACTICE=bench-adj
RUN="$(date +%H%M%S)"
OUT="$ROOT/bench/results/claims-adjudication-$(date +%Y%m%d-%H%M).txt"
JAVA_OPTS="${REVCYCLE_JAVA_OPTS:-$(sed -n 's/^SERVICE_JAVA_OPTS="\${REVCYCLE_JAVA_OPTS:-\(.*\)}"$/\1/p' revcycle)}"
mkdir -p "$ROOT/bench/results" "$ROOT/.revcycle/logs"
say() { echo "$*" | tee -a "$OUT"; }
kafka_tool() { local cls="$1"; shift; java -cp "$ROOT/.revcycle/kafka/libs/*" "$ROOT/bench/$cls.java" "$@"; }
export PGPASSWORD=claims
psql_bench() { psql -X -q -h 127.0.0.1 -U claims -d "$DB" "$@"; }
now_ms() { date +%s%3N; }

ss -ltn | grep -q ':5432 ' || { echo "PostgreSQL is not listening on 5432" >&2; exit 1; }
ss -ltn | grep -q ':9092 ' || { echo "Kafka is not listening on 9092" >&2; exit 1; }
[ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -B -q -o -pl services/claims -am package -Dmaven.test.skip=true
exists="$(runuser -u postgres -- psql -X -tAq -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")"
if [ "${FRESH:-0}" = 1 ] || [ "$exists" != 1 ]; then
  runuser -u postgres -- psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB OWNER claims"
fi
say "# claims adjudication benchmark $(date -u +%FT%TZ) on $(nproc) cores; $(java -version 2>&1 | head -1); N=$N; JVM: $JAVA_OPTS"
say "# load average before: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared)"

GROUP="claims-adj-bench-$RUN"
start_service() {
  (cd services/claims && \
   QUARKUS_HTTP_PORT=$PORT QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
   REVCYCLE_JWT_PUBLIC_KEY_LOCATION="$ROOT/.revcycle/keys/jwt-public.pem" REVCYCLE_LOG_JSON=false \
   REVCYCLE_IDEMPOTENCY_FINGERPRINT_KEY="$(cat "$ROOT/.revcycle/secrets/idempotency-fingerprint.key")" \
   REVCYCLE_INBOX_GROUP_ID="$GROUP" REVCYCLE_OUTBOX_BOOTSTRAP_SERVERS=127.0.0.1:9 \
   REVCYCLE_CLEARINGHOUSE_MAILBOX_ENABLED=false \
   exec java $JAVA_OPTS -jar target/quarkus-app/quarkus-run.jar > "$ROOT/.revcycle/logs/claims-adj-bench.log" 2>&1) &
  PID=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; do
    kill -0 "$PID" 2>/dev/null || { tail -20 "$ROOT/.revcycle/logs/claims-adj-bench.log"; exit 1; }
    sleep 0.2
  done
}
stop_service() { kill "${PID:-0}" 2>/dev/null || true; wait "${PID:-0}" 2>/dev/null || true; }
trap stop_service EXIT

# the group starts at the end of what the consumer reads (older events of the shared broker are not the bench's)
kafka_tool ConsumerBench commit-end "$KAFKA" "$GROUP" revcycle.patients.events.v1 revcycle.eligibility.events.v1 \
  revcycle.payments.events.v1 revcycle.claims.replay.v1
start_service   # the schema comes from the service's own migrations
seeded="$(psql_bench -tA -c "SELECT count(*) FROM claim WHERE practice_id = '$PRACTICE'")"
if [ "${seeded:-0}" -lt "$BACKGROUND" ]; then
  t0=$SECONDS
  psql_bench -v practice="$PRACTICE" -v patients=100000 -v claims="$BACKGROUND" -f bench/seed-claims.sql
  say "seeded 100000 patients with coverages and $BACKGROUND claims into $PRACTICE in $((SECONDS - t0)) s"
fi
if [ "${FEE_SCHEDULE:-0}" = 1 ]; then
  psql_bench -v practice="$PRACTICE" <<'SQL'
INSERT INTO fee_schedule_version (id, practice_id, payer_id, effective_from, rate_count, version, created_at, created_by)
VALUES (md5('bench-fee-schedule')::uuid, :'practice', md5('bench-payer')::uuid, DATE '2026-01-01', 2, 1, now(), 'bench')
ON CONFLICT (id) DO UPDATE SET practice_id = EXCLUDED.practice_id;
INSERT INTO fee_schedule_rate (version_id, procedure_code, modifier, allowed)
VALUES (md5('bench-fee-schedule')::uuid, '99213', '', 105.00), (md5('bench-fee-schedule')::uuid, '81002', '', 25.00)
ON CONFLICT DO NOTHING;
SQL
else
  # an earlier round's underpayments refer to it: moved to another practice rather than deleted
  psql_bench -c "UPDATE fee_schedule_version SET practice_id = 'bench-adj-off' WHERE id = md5('bench-fee-schedule')::uuid"
fi
say "# fee schedule for the payer: $(psql_bench -tA -c "SELECT CASE WHEN count(*) > 0 THEN 'yes' ELSE 'no' END FROM fee_schedule_version WHERE practice_id = '$PRACTICE'")"
# wait until the consumer is assigned: an event it ignores (recorded in its inbox) comes through
SENTINEL="$(cat /proc/sys/kernel/random/uuid)"
printf '%s\t{"specversion":"1.0","id":"%s","source":"revcycle/payments","type":"AccountBalanceChanged","time":"%s","subject":"%s","data":{}}\n' \
  "$SENTINEL" "$SENTINEL" "$(date -u +%FT%TZ)" "$SENTINEL" > /tmp/claims-adj-sentinel-$RUN.tsv
kafka_tool AdjudicationBench produce-file "$KAFKA" revcycle.payments.events.v1 /tmp/claims-adj-sentinel-$RUN.tsv >/dev/null
until [ "$(psql_bench -tA -c "SELECT count(*) FROM inbox_event WHERE event_id = '$SENTINEL'")" = 1 ]; do sleep 0.5; done

for round in $(seq 1 "$ROUNDS"); do
  psql_bench -v practice="$PRACTICE" -v n="$N" -f bench/seed-adjudication.sql
  psql_bench -c "VACUUM ANALYZE claim" -c "VACUUM ANALYZE claim_adjudication" -c "VACUUM ANALYZE claim_adjudication_line" -c "VACUUM ANALYZE claim_history"
  REMITTANCE="$(cat /proc/sys/kernel/random/uuid)"
  python3 bench/gen-remittance-posted.py "$N" "$PRACTICE" "$REMITTANCE" > /tmp/claims-adj-$RUN.tsv
  load="$(cut -d' ' -f1-3 /proc/loadavg)"
  read -r first acked partitions < <(kafka_tool AdjudicationBench produce-file "$KAFKA" revcycle.payments.events.v1 /tmp/claims-adj-$RUN.tsv)
  deadline=$(( $(now_ms) + 300000 ))
  done_count=0
  while [ "$(now_ms)" -lt "$deadline" ]; do
    done_count="$(psql_bench -tA -c "SELECT count(*) FROM claim_adjudication WHERE remittance_id = '$REMITTANCE'")"
    [ "$done_count" -ge "$N" ] && break
    sleep 0.1
  done
  finished="$(now_ms)"
  statuses="$(psql_bench -tA -F' ' -c "SELECT string_agg(status || ' ' || n, ', ' ORDER BY status) FROM (SELECT status, count(*) n FROM claim WHERE practice_id = '$PRACTICE' AND patient_control_number LIKE 'AJ%' GROUP BY status) s")"
  batches="$(psql_bench -tA -c "SELECT count(DISTINCT received_at) || ' transactions, the first ' || round(extract(epoch FROM min(received_at)) * 1000 - $first) || ' ms and the last ' || round(extract(epoch FROM max(received_at)) * 1000 - $first) || ' ms after the first event was sent' FROM claim_adjudication WHERE remittance_id = '$REMITTANCE'")"
  say "round $round: $done_count of $N claims adjudicated $(( finished - acked )) ms after the events were published (published in $(( acked - first )) ms over $partitions partitions; $(( finished - first )) ms from the first) | $batches | $statuses | $(psql_bench -tA -c "SELECT count(*) FROM outbox_event") outbox rows | $(psql_bench -tA -c "SELECT count(*) FROM underpayment u JOIN claim_adjudication a ON a.id = u.adjudication_id WHERE a.remittance_id = '$REMITTANCE'") underpaid lines | load $load -> $(cut -d' ' -f1-3 /proc/loadavg)"
done
rm -f /tmp/claims-adj-$RUN.tsv /tmp/claims-adj-sentinel-$RUN.tsv
say "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
say "results in $OUT"
