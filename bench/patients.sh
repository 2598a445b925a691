#!/usr/bin/env bash
# Patients service benchmark: start-up time, registrations/s at 32 clients beside pgbench doing the
# same writes, name-prefix search p99 over 1,000,000 patients, resident memory under load.
# Runs against its own database (patients_bench), so dev and test data are untouched.
#
#   bench/patients.sh            (after ./revcycle infra; takes about 6 minutes)
#
# Figures go to stdout and bench/results/patients-<date>.txt.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
CLIENTS="${CLIENTS:-32}"
SECONDS_MEASURED="${SECONDS_MEASURED:-30}"
WARMUP="${WARMUP:-15}"
PORT=18081
# the launcher's service JVM options (see SERVICE_JAVA_OPTS in ./revcycle)
JAVA_OPTS="${REVCYCLE_JAVA_OPTS:-$(sed -n 's/^SERVICE_JAVA_OPTS="\${REVCYCLE_JAVA_OPTS:-\(.*\)}"$/\1/p' revcycle)}"
DB=patients_bench
OUT="$ROOT/bench/results/patients-$(date +%Y%m%d-%H%M).txt"
mkdir -p "$ROOT/bench/results"
say() { echo "$*" | tee -a "$OUT"; }

./revcycle infra >/dev/null
# wrk (C, light on the CPU the service and PostgreSQL need) drives the HTTP load
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[ -f services/patients/target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q -pl services/patients -am install -DskipTests

runuser -u postgres -- psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB OWNER patients"
export PGPASSWORD=patients

say "# patients benchmark $(date -u +%FT%TZ) on $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB; $(java -version 2>&1 | head -1)"

start_service() {
  (cd services/patients && \
   QUARKUS_HTTP_PORT=$PORT QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
   REVCYCLE_JWT_PUBLIC_KEY_LOCATION="$ROOT/.revcycle/keys/jwt-public.pem" \
   REVCYCLE_PHI_ENCRYPTION_KEY="$(cat "$ROOT/.revcycle/secrets/phi-encryption.key")" REVCYCLE_LOG_JSON=false \
   exec java $JAVA_OPTS -jar target/quarkus-app/quarkus-run.jar > "$ROOT/.revcycle/logs/patients-bench.log" 2>&1) &
  PID=$!
}
start_and_time() {   # sets PID and READY_MS
  local t0 t1; t0=$(date +%s%N)
  start_service
  until curl -fs -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; do sleep 0.02; done
  t1=$(date +%s%N)
  READY_MS=$(( (t1 - t0) / 1000000 ))
}
stop_service() { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; }

# 1. start-up: java -jar to /q/health/ready, three times (the first also migrates the schema)
starts=()
for i in 1 2 3; do start_and_time; starts+=("$READY_MS"); [ "$i" = 3 ] || stop_service; done
say "startup to ready (ms): ${starts[*]} (first run includes the Flyway migration)"

TOKEN="$(./revcycle token --role registrar --practice bench --practice bench-search --hours 2)"
export TOKEN
# wrk prints its own summary; the scripts add one line "p50=… p99=… non2xx_or_errors=…"
run_wrk() { # clients seconds script [env...]
  local clients="$1" secs="$2" script="$3"; shift 3
  local threads=$(( clients < 2 ? 1 : 2 ))
  env "$@" wrk -t"$threads" -c"$clients" -d"${WARMUP}s" -s "$script" "http://127.0.0.1:$PORT" >/dev/null
  env "$@" wrk -t"$threads" -c"$clients" -d"${secs}s" --latency -s "$script" "http://127.0.0.1:$PORT" \
    | awk '/Requests\/sec/{rps=$2} /^p50=/{line=$0} END{printf "throughput=%s/s %s\n", rps, line}'
}

# 2. registrations at $CLIENTS clients, with resident memory sampled every second
rss_peak=0
( while kill -0 "$PID" 2>/dev/null; do ps -o rss= -p "$PID"; sleep 1; done ) > /tmp/patients-bench-rss.txt &
SAMPLER=$!
reg="$(run_wrk "$CLIENTS" "$SECONDS_MEASURED" bench/register.lua PRACTICE=bench)"
say "service registrations: $reg"

# 3. the same writes straight into PostgreSQL through pgbench at the same concurrency
pgb="$(pgbench -h 127.0.0.1 -U patients -n -f bench/pgbench-register.sql -c "$CLIENTS" -j 2 -T "$SECONDS_MEASURED" \
       "$DB" 2>&1)"
tps="$(echo "$pgb" | awk -F'= ' '/^tps/{print $2}' | awk '{print $1}' | head -1)"
lat="$(echo "$pgb" | awk -F'= ' '/latency average/{print $2}')"
say "pgbench same writes: tps=$tps latency average=$lat"
svc="$(echo "$reg" | sed -E 's/throughput=([0-9.]+).*/\1/')"
say "ratio service/pgbench: $(awk -v a="$svc" -v b="$tps" 'BEGIN{printf "%.1f %%", 100*a/b}')"

# 4. search over 1,000,000 patients
t0=$SECONDS
psql -X -q -h 127.0.0.1 -U patients -d $DB -f bench/seed-patients.sql
say "seeded 1,000,000 patients in $((SECONDS - t0)) s"
for clients in 1 8; do
  for len in 3 2; do
    s="$(run_wrk "$clients" "$SECONDS_MEASURED" bench/search.lua PRACTICE=bench-search PREFIX="$len")"
    say "search, ${len}-letter prefix, $clients client(s): $s"
  done
done
kill "$SAMPLER" 2>/dev/null || true
rss_peak="$(sort -n /tmp/patients-bench-rss.txt | tail -1)"
say "resident memory peak under load: $((rss_peak / 1024)) MB"
stop_service
say "results in $OUT"
