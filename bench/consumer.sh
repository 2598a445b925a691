#!/usr/bin/env bash
# Consumer benchmark (issue 7): eligibility consuming revcycle.patients.events.v1 through the inbox.
#  A. backlog: N (100,000) PatientRegistered events waiting on the topic, then eligibility starts
#     with a fresh consumer group at their beginning; events/s from the first to the last applied.
#  B. lag: patients registers RATE (200) patients/s for LAG_SECONDS over REST; the lag of each
#     patient from its registration in patients to its row in eligibility's read model, p50 and p99.
# PARTS=A or PARTS=B runs one part; REVCYCLE_JAVA_OPTS overrides the launcher's JVM options.
# Own databases (eligibility_bench, patients_lagbench); run it alone on the machine:
#   bench/consumer.sh      (after ./revcycle infra; about 5 minutes)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
N="${N:-100000}"
RATE="${RATE:-200}"
LAG_SECONDS="${LAG_SECONDS:-60}"
KAFKA=127.0.0.1:9092
TOPIC=revcycle.patients.events.v1
JAVA_OPTS="${REVCYCLE_JAVA_OPTS:-$(sed -n 's/^SERVICE_JAVA_OPTS="\${REVCYCLE_JAVA_OPTS:-\(.*\)}"$/\1/p' revcycle)}"
OUT="$ROOT/bench/results/consumer-$(date +%Y%m%d-%H%M).txt"
mkdir -p "$ROOT/bench/results" "$ROOT/.revcycle/logs"
say() { echo "$*" | tee -a "$OUT"; }
tool() { java -cp "$ROOT/.revcycle/kafka/libs/*" "$ROOT/bench/ConsumerBench.java" "$@"; }
psql_as() { local db="$1" user="$2"; shift 2; PGPASSWORD="$user" psql -X -q -A -t -h 127.0.0.1 -U "$user" -d "$db" "$@"; }

./revcycle infra >/dev/null
[ "${SKIP_BUILD:-}" = 1 ] || ./mvnw -B -q -pl services/patients,services/eligibility -am package -DskipTests
for db in eligibility_bench:eligibility patients_lagbench:patients; do
  runuser -u postgres -- psql -X -q -d postgres -c "DROP DATABASE IF EXISTS ${db%%:*} WITH (FORCE)" \
    -c "CREATE DATABASE ${db%%:*} OWNER ${db##*:}"
done
say "# consumer benchmark $(date -u +%FT%TZ) on $(nproc) cores; $(java -version 2>&1 | head -1); N=$N RATE=$RATE/s; JVM: $JAVA_OPTS"

PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
start() { # service port database group
  local service="$1" port="$2" db="$3" group="$4"
  (cd "services/$service" && QUARKUS_HTTP_PORT="$port" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$db" REVCYCLE_INBOX_GROUP_ID="$group" \
    REVCYCLE_JWT_PUBLIC_KEY_LOCATION="$ROOT/.revcycle/keys/jwt-public.pem" \
    REVCYCLE_PHI_ENCRYPTION_KEY="$(cat "$ROOT/.revcycle/secrets/phi-encryption.key")" REVCYCLE_LOG_JSON=false \
    exec java $JAVA_OPTS -jar target/quarkus-app/quarkus-run.jar >"$ROOT/.revcycle/logs/$service-bench.log" 2>&1) &
  PIDS+=($!)
  until curl -fs -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do sleep 0.2; done
}
inbox_count() { psql_as eligibility_bench eligibility -c "SELECT count(*) FROM inbox_event"; }

# ---------------------------------------------------------------- A. backlog
if [[ "${PARTS:-AB}" == *A* ]]; then
GROUP="bench-backlog-$(date +%s)"
tool commit-end "$KAFKA" "$GROUP" "$TOPIC" revcycle.eligibility.replay.v1
t0=$(date +%s%N); tool produce "$KAFKA" "$TOPIC" "$N"; t1=$(date +%s%N)
say "backlog: $N events produced in $(( (t1 - t0) / 1000000 )) ms"
start eligibility 18082 eligibility_bench "$GROUP"
deadline=$((SECONDS + 600))
until [ "$(inbox_count)" -ge "$N" ] || [ "$SECONDS" -gt "$deadline" ]; do sleep 1; done
psql_as eligibility_bench eligibility -F ' ' -c "SELECT count(*), round(extract(epoch FROM max(received_at) - min(received_at))::numeric, 1),
  round(count(*) / greatest(extract(epoch FROM max(received_at) - min(received_at)), 0.001)) FROM inbox_event" \
  | { read -r n secs rate; say "backlog: $n events applied in ${secs}s = $rate events/s"; }
say "backlog: load average at the end $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine competes for its 2 cores)"
say "backlog: dead-lettered $(curl -fs http://127.0.0.1:18082/q/metrics | awk '/^revcycle_inbox_events_total.*dead_lettered/ {s+=$2} END {print s+0}')"
cleanup; PIDS=()
fi

# ---------------------------------------------------------------- B. lag at a steady rate
[[ "${PARTS:-AB}" == *B* ]] || exit 0
GROUP="bench-lag-$(date +%s)"
tool commit-end "$KAFKA" "$GROUP" "$TOPIC" revcycle.eligibility.replay.v1
start patients 18081 patients_lagbench "unused"
start eligibility 18082 eligibility_bench "$GROUP"
TOKEN="$(./revcycle token --role registrar --practice bench --hours 1)" \
  python3 bench/register_rate.py 18081 "$RATE" 10 >/dev/null   # warm-up, not measured
MARK="$(date -u +%FT%T.%NZ)"
say "lag: $(TOKEN="$(./revcycle token --role registrar --practice bench --hours 1)" python3 bench/register_rate.py 18081 "$RATE" "$LAG_SECONDS")"
sleep 5
# patient.created_at is taken in the registering transaction, known_patient.updated_at in the one
# applying the event (both a few ms before their commits); one clock, one machine
psql_as patients_lagbench patients -F , -c "SELECT id, extract(epoch FROM created_at) * 1000 FROM patient WHERE created_at >= '$MARK'" \
  > /tmp/consumer-bench-written.csv
psql_as eligibility_bench eligibility -F , -c "SELECT id, extract(epoch FROM updated_at) * 1000 FROM known_patient WHERE updated_at >= '$MARK'" \
  > /tmp/consumer-bench-applied.csv
say "lag: $(python3 bench/lag.py /tmp/consumer-bench-written.csv /tmp/consumer-bench-applied.csv)"
say "lag: load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
say "lag: eligibility consumer lag gauge at the end: $(curl -fs http://127.0.0.1:18082/q/metrics | awk '/^revcycle_inbox_lag/ {print $2}')"
