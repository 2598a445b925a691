#!/usr/bin/env bash
# Patients service benchmark, side by side in one run:
#   - registrations/s and p99 at $CLIENTS clients (wrk) into a practice that already holds 1,000,000
#     patients (with their audit and outbox rows) and into an empty practice;
#   - pgbench doing the same writes into the same big practice at the same concurrency (the yardstick);
#   - for each JVM configuration (JVM_CONFIGS): start-up to ready, the two registration figures,
#     peak resident memory;
#   - optionally (SEARCH=1) name-prefix search p99 over the big practice.
# Its own database (patients_bench) is kept between runs: the 1,000,000 patients are seeded once
# with generate_series (FRESH=1 starts over). Run it under the machine's lock:
#
#   bench/patients.sh        (after ./revcycle infra; ~6 minutes)
#
# Environment: CLIENTS (32), WARMUP (15 s, into a third practice), ROUNDS (2) of SECONDS_MEASURED (10 s)
# into the empty practice then the big one, JVM_CONFIGS ("name=options;..."),
# PROFILE=1 (a JFR recording of the big-practice registrations of the first configuration).
# Figures go to stdout and bench/results/patients-<date>.txt.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
CLIENTS="${CLIENTS:-32}"
SECONDS_MEASURED="${SECONDS_MEASURED:-10}"
WARMUP="${WARMUP:-15}"
PORT=18081
DB=patients_bench
BIG=bench-big
SEED_ROWS=1000000
LAUNCHER_OPTS="$(sed -n 's/^SERVICE_JAVA_OPTS="\${REVCYCLE_JAVA_OPTS:-\(.*\)}"$/\1/p' revcycle)"
# name=options; the launcher's current options first
# name=options;... : the launcher's earlier options (C1 only, serial, 192 MB), the JVM's defaults
# (tiered C1+C2) with a heap sized for the service under Parallel and under G1
JVM_CONFIGS="${JVM_CONFIGS:-serial-c1-192m=-Xms64m -Xmx192m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=64m -Xss512k;parallel-c2-512m=-Xms128m -Xmx512m -XX:+UseParallelGC -Xss512k;g1-c2-512m=-Xms128m -Xmx512m -XX:+UseG1GC -Xss512k}"
RUN="$(date +%H%M%S)"
OUT="$ROOT/bench/results/patients-$(date +%Y%m%d-%H%M).txt"
mkdir -p "$ROOT/bench/results" "$ROOT/.revcycle/logs"
say() { echo "$*" | tee -a "$OUT"; }

./revcycle infra >/dev/null
# wrk (C, light on the CPU the service and PostgreSQL need) drives the HTTP load
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[ -f services/patients/target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q -pl services/patients -am package -DskipTests
export PGPASSWORD=patients
psql_bench() { psql -X -q -h 127.0.0.1 -U patients -d "$DB" "$@"; }

exists="$(runuser -u postgres -- psql -X -tAq -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")"
if [ "${FRESH:-0}" = 1 ] || [ "$exists" != 1 ]; then
  runuser -u postgres -- psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB OWNER patients"
fi

say "# patients benchmark $(date -u +%FT%TZ) on $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB; $(java -version 2>&1 | head -1)"
say "# load average before: $(cut -d' ' -f1-3 /proc/loadavg) (the machine is shared)"

start_service() { # opts
  (cd services/patients && \
   QUARKUS_HTTP_PORT=$PORT QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
   REVCYCLE_JWT_PUBLIC_KEY_LOCATION="$ROOT/.revcycle/keys/jwt-public.pem" \
   REVCYCLE_PHI_ENCRYPTION_KEY="$(cat "$ROOT/.revcycle/secrets/phi-encryption.key")" REVCYCLE_LOG_JSON=false \
   exec java $1 -jar target/quarkus-app/quarkus-run.jar > "$ROOT/.revcycle/logs/patients-bench.log" 2>&1) &
  PID=$!
}
start_and_time() { # opts; sets PID and READY_MS
  local t0 t1; t0=$(date +%s%N)
  start_service "$1"
  until curl -fs -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; do
    kill -0 "$PID" 2>/dev/null || { tail -20 "$ROOT/.revcycle/logs/patients-bench.log"; exit 1; }
    sleep 0.02
  done
  t1=$(date +%s%N)
  READY_MS=$(( (t1 - t0) / 1000000 ))
}
stop_service() { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; }
trap 'stop_service; kill "${SAMPLER:-0}" 2>/dev/null || true' EXIT

# The schema comes from the service's own Flyway migrations; then the big practice, once.
seeded="$(psql_bench -tA -c "SELECT count(*) FROM (SELECT 1 FROM patient WHERE practice_id = '$BIG' LIMIT $SEED_ROWS) s" 2>/dev/null || echo 0)"
if [ "${seeded:-0}" -lt "$SEED_ROWS" ]; then
  start_and_time "$LAUNCHER_OPTS"; stop_service
  t0=$SECONDS
  psql_bench -v practice="$BIG" -v rows="$SEED_ROWS" -f bench/seed-patients.sql
  say "seeded $SEED_ROWS patients (with their audit and outbox rows) into $BIG in $((SECONDS - t0)) s"
fi
say "practice $BIG holds $(psql_bench -tA -c "SELECT count(*) FROM patient WHERE practice_id = '$BIG'") patients; table patient $(psql_bench -tA -c "SELECT count(*) FROM patient") rows"

# wrk prints its own summary; the scripts add one line "p50=… p99=… non2xx_or_errors=…"
run_wrk() { # clients seconds script [env...]   (measured, no warm-up)
  local clients="$1" secs="$2" script="$3"; shift 3
  local threads=$(( clients < 2 ? 1 : 2 ))
  env "$@" wrk -t"$threads" -c"$clients" -d"${secs}s" --latency -s "$script" "http://127.0.0.1:$PORT" \
    | awk '/Requests\/sec/{rps=$2} /^p50=/{line=$0} END{printf "throughput=%s/s %s\n", rps, line}'
}
warm_up() { # script [env...]
  local script="$1"; shift
  env "$@" wrk -t2 -c"$CLIENTS" -d"${WARMUP}s" -s "$script" "http://127.0.0.1:$PORT" >/dev/null
}
rate() { echo "$1" | sed -E 's/throughput=([0-9.]+).*/\1/'; }
# several rounds' lines as one: mean throughput, worst p99
summarize() {
  printf '%s\n' "$@" | awk '{for(i=1;i<=NF;i++){split($i,kv,"="); v[kv[1]]=kv[2]} n++; t+=v["throughput"]+0;
    p=v["p99"]; sub("ms","",p); if (p+0>w) w=p+0; e+=v["non2xx_or_errors"]}
    END{printf "throughput=%.1f/s p99=%.2fms (worst of %d rounds) non2xx_or_errors=%d\n", t/n, w, n, e}'
}
p99() { echo "$1" | sed -E 's/.*p99=([0-9.]+)ms.*/\1/'; }

# The same writes straight into PostgreSQL, into the same big practice, at the same concurrency.
run_pgbench() {
  sed "s/@PRACTICE@/${BIG}/g" bench/pgbench-register.sql > /tmp/pgbench-register-$RUN.sql
  pgbench -h 127.0.0.1 -U patients -n -f /tmp/pgbench-register-$RUN.sql -c "$CLIENTS" -j 2 -T "$(( SECONDS_MEASURED * 2 ))" "$DB" 2>&1 \
    | awk -F'= ' '/^tps/{split($2, a, " "); print a[1]}' | head -1
}
practices="$BIG"
IFS=';' read -r -a configs <<< "$JVM_CONFIGS"
for c in "${configs[@]}"; do practices="$practices,e-$RUN-${c%%=*},w-$RUN-${c%%=*}"; done
TOKEN="$(./revcycle token --role registrar --practice "$practices" --hours 2)"
export TOKEN

PGB_BEFORE="$(run_pgbench)"
say "pgbench, same writes into a practice of $SEED_ROWS, $CLIENTS clients: ${PGB_BEFORE} tps"
declare -a rows
first=1
for c in "${configs[@]}"; do
  name="${c%%=*}"; opts="${c#*=}"
  start_and_time "$opts"; s1=$READY_MS; stop_service
  start_and_time "$opts"; s2=$READY_MS
  ( while kill -0 "$PID" 2>/dev/null; do ps -o rss= -p "$(pgrep -P "$PID" java || echo "$PID")" 2>/dev/null || true; sleep 1; done ) > /tmp/patients-bench-rss-$RUN.txt &
  SAMPLER=$!
  # warm up into a third practice, then alternate empty and big practice in ROUNDS rounds, so that
  # JIT warm-up and the machine's drift weigh on both alike
  warm_up bench/register.lua PRACTICE="w-$RUN-$name"
  [ "$first" = 1 ] && [ "${PROFILE:-0}" = 1 ] && \
    jcmd "$PID" JFR.start name=bench settings=profile filename="$ROOT/bench/results/patients-$RUN.jfr" >/dev/null
  empties=(); bigs=()
  for round in $(seq 1 "${ROUNDS:-2}"); do
    empties+=("$(run_wrk "$CLIENTS" "$SECONDS_MEASURED" bench/register.lua PRACTICE="e-$RUN-$name")")
    bigs+=("$(run_wrk "$CLIENTS" "$SECONDS_MEASURED" bench/register.lua PRACTICE="$BIG")")
  done
  if [ "$first" = 1 ] && [ "${PROFILE:-0}" = 1 ]; then
    jcmd "$PID" JFR.stop name=bench >/dev/null
    say "JFR recording (all rounds): bench/results/patients-$RUN.jfr"
  fi
  empty="$(summarize "${empties[@]}")"; big="$(summarize "${bigs[@]}")"
  kill "$SAMPLER" 2>/dev/null || true; wait "$SAMPLER" 2>/dev/null || true
  rss="$(sort -n /tmp/patients-bench-rss-$RUN.txt | tail -1)"
  if [ "${SEARCH:-0}" = 1 ] && [ "$first" = 1 ]; then
    for len in 3 2; do
      say "  search over $BIG, ${len}-letter prefix, 8 clients: $(run_wrk 8 "$SECONDS_MEASURED" bench/search.lua PRACTICE="$BIG" PREFIX="$len")"
    done
  fi
  stop_service
  say "[$name] $opts"
  say "  start-up to ready (ms): $s1 $s2"
  say "  registrations into an empty practice:     $empty"
  say "  registrations into the practice of 1,000,000: $big"
  say "  big / empty: $(awk -v a="$(rate "$big")" -v b="$(rate "$empty")" 'BEGIN{printf "%.1f %%", 100*a/b}')"
  say "  resident memory peak: $(( ${rss:-0} / 1024 )) MB"
  rows+=("$(printf '| %s | %s, %s | %s | %s | %s | %s | %s |' "$name" "$s1" "$s2" "$(rate "$empty")" "$(rate "$big")" "$(p99 "$big")" \
    "$(awk -v a="$(rate "$big")" -v b="$PGB_BEFORE" 'BEGIN{printf "%.0f %%", 100*a/b}')" "$(( ${rss:-0} / 1024 ))")")
  first=0
done
PGB_AFTER="$(run_pgbench)"
say "pgbench again after the service runs: ${PGB_AFTER} tps"
say ""
say "| JVM options | ready (ms) | reg/s empty | reg/s 1M | p99 1M (ms) | 1M / pgbench | RSS MB |"
say "|---|---|---|---|---|---|---|"
for r in "${rows[@]}"; do say "$r"; done
say "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
say "results in $OUT"
