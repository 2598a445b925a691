#!/usr/bin/env bash
# Lag from a partner payment posted in payments to the updated balance in collections, at a steady rate
# (target: 200 payments/s, p99 < 250 ms).
#
#   flock /tmp/revcycle-bench.lock flock /tmp/revcycle-it.lock bench/payments-collections-lag.sh   (about 5-6 minutes)
#
# What it does, each run on fresh databases of its own (payments_lagbench, collections_lagbench):
#  1. builds the two services (SKIP_BUILD=1: not) and starts them from their packaged jars on ports 18284 / 18285
#     with the launcher's JVM options (SERVICE_JAVA_OPTS in ./revcycle; REVCYCLE_JAVA_OPTS overrides). Payments'
#     consumer is off (its ledger is seeded); collections' consumer reads the real topics in a fresh group from
#     their end (topics are constants in shared-contracts' Topics), so other runs' events never reach it and only
#     this run's practice is measured.
#  2. seeds one practice (ACCOUNTS 100,000; every account owes its patient's part of one or two adjudicated
#     claims, nothing on the insurance side) in both databases from the same formulas
#     (bench/payments-collections-seed-{payments,collections}.sql), builds collections' work queue for today (as
#     its daily job would have), registers a signing payment partner.
#  3. posts partner payments (POST /payments, signed, Idempotency-Key) open loop: a ramp of RAMP s (40) at
#     RAMP_RATE/s (100), so that both JVMs have compiled and the caches are warm, then at RATE/s (200): WARMUP s (20)
#     not measured, then SECONDS_MEASURED s (60); one payment per account (each account's new balance version is
#     then that payment's), amounts 1.00-90.99 (some pay the balance off, some leave a credit)
#     (bench/payments-collections-rate.java: plain HTTP/1.1 over kept-alive sockets, so that the generator takes little of
#     the two cores it shares with what it measures; it also polls collections' database every POLL_MS (10) ms);
#     10 s into the measurement, every process's CPU over 30 s (bench/cpu-by-process.py).
#  4. per payment: payment.posted_at (payments' transaction), its AccountBalanceChanged outbox row's published_at,
#     collections' account.updated_at (the applying transaction), the first poll that sees it, and the 201's
#     arrival; p50/p90/p99/max of each lag and part, what is missing, balances that differ
#     (bench/payments-collections-lag.py).
#  5. the same run's reference: the broker and Kafka clients alone at the services' event rate and size with the
#     relay's producer and the inbox's consumer settings (bench/payments-collections-reference.java), and Kafka's
#     own EndToEndLatency (one record at a time); then, services stopped, pgbench of one payment's statements in
#     payments (bench/pgbench-pay.sql) and in collections' consumer (bench/payments-collections-apply.sql), both at
#     RATE/s at once.
# Environment: ACCOUNTS, RAMP, RAMP_RATE, RATE, WARMUP, SECONDS_MEASURED, POLL_MS, SKIP_BUILD=1, KEEP=1 (keep the databases),
#   PROFILE=1 (30 s of the measured part: both databases' sessions sampled every 10 ms from pg_stat_activity,
#   bench/payments-collections-sample.java; the consumer thread's stack every second; a JFR recording of collections, its consumer thread's time by frame,
#   bench/jfr-frames.py),
#   PAYMENTS_OPTS / COLLECTIONS_OPTS (extra JVM arguments, e.g. -Drevcycle.outbox.linger=0ms), REVCYCLE_JAVA_OPTS.
# Figures to stdout and bench/results/payments-collections-lag-<time>.txt; the CSVs stay in bench/results/.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
ACCOUNTS="${ACCOUNTS:-100000}"
RATE="${RATE:-200}"
WARMUP="${WARMUP:-20}"
RAMP_RATE="${RAMP_RATE:-100}"
RAMP="${RAMP:-40}"
SECONDS_MEASURED="${SECONDS_MEASURED:-60}"
POLL_MS="${POLL_MS:-10}"
PRACTICE=lagbench
PAY_PORT=18284
COL_PORT=18285
PAY_DB=payments_lagbench
COL_DB=collections_lagbench
KAFKA=127.0.0.1:9092
JAVA_OPTS="${REVCYCLE_JAVA_OPTS:-$(sed -n 's/^SERVICE_JAVA_OPTS="\${REVCYCLE_JAVA_OPTS:-\(.*\)}"$/\1/p' revcycle)}"
STAMP="$(date +%Y%m%d-%H%M%S)"
RESULTS="$ROOT/bench/results"
OUT="$RESULTS/payments-collections-lag-$STAMP.txt"
CSV="$RESULTS/payments-collections-lag-$STAMP"
mkdir -p "$RESULTS" "$ROOT/.revcycle/logs"
say() { echo "$*" | tee -a "$OUT"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
psql_as() { local db="$1" user="$2"; shift 2; PGPASSWORD="$user" psql -X -q -A -t -v ON_ERROR_STOP=1 -h 127.0.0.1 -U "$user" -d "$db" "$@"; }

# ./revcycle infra starts PostgreSQL or a broker if one is down: without the descriptors this script inherits (flock's
# locks), or the broker would hold the machine's locks for as long as it runs
( for fd in /proc/$BASHPID/fd/*; do n="${fd##*/}"; [ "$n" -le 2 ] || eval "exec $n>&-" 2>/dev/null || true; done
  exec ./revcycle infra >/dev/null )
# the launcher's Kafka libraries (for the reference; the broker running may be another worktree's)
ls .revcycle/kafka/libs/kafka-tools-*.jar >/dev/null 2>&1 || ./mvnw -B -q -f infra/kafka/pom.xml package
[ "${SKIP_BUILD:-}" = 1 ] || ./mvnw -B -q -pl services/payments,services/collections -am package -DskipTests
PGJAR="$(ls services/collections/target/quarkus-app/lib/main/org.postgresql.postgresql-*.jar | head -1)"
for db in $PAY_DB:payments $COL_DB:collections; do
  runuser -u postgres -- psql -X -q -d postgres -c "DROP DATABASE IF EXISTS ${db%%:*} WITH (FORCE)" \
    -c "CREATE DATABASE ${db%%:*} OWNER ${db##*:}"
done

say "# payments -> collections lag $(date -u +%FT%TZ) on $(nproc) cores; $(java -version 2>&1 | head -1)"
say "# $ACCOUNTS accounts, ramp ${RAMP}s at $RAMP_RATE/s, $RATE payments/s, warm-up ${WARMUP}s, measured ${SECONDS_MEASURED}s, poll ${POLL_MS} ms; JVM: $JAVA_OPTS"
[ -z "${PAYMENTS_OPTS:-}" ] || say "# payments also: $PAYMENTS_OPTS"
[ -z "${COLLECTIONS_OPTS:-}" ] || say "# collections also: $COLLECTIONS_OPTS"
say "# load average before: $(load)"

PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  if [ "${KEEP:-}" != 1 ]; then
    for db in $PAY_DB $COL_DB; do runuser -u postgres -- psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true; done
  fi
}
trap cleanup EXIT
start() { # service port database extra-options environment...
  local service="$1" port="$2" db="$3" extra="$4"; shift 4
  (cd "services/$service" && exec env "$@" QUARKUS_HTTP_PORT="$port" \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$db" \
    REVCYCLE_JWT_PUBLIC_KEY_LOCATION="$ROOT/.revcycle/keys/jwt-public.pem" \
    REVCYCLE_PHI_ENCRYPTION_KEY="$(cat "$ROOT/.revcycle/secrets/phi-encryption.key")" \
    REVCYCLE_IDEMPOTENCY_FINGERPRINT_KEY="$(cat "$ROOT/.revcycle/secrets/idempotency-fingerprint.key")" \
    REVCYCLE_LOG_JSON=false \
    java $JAVA_OPTS $extra -jar target/quarkus-app/quarkus-run.jar >"$ROOT/.revcycle/logs/$service-lagbench.log" 2>&1) &
  PIDS+=($!)
  local pid=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do
    kill -0 "$pid" 2>/dev/null || { tail -30 "$ROOT/.revcycle/logs/$service-lagbench.log"; exit 1; }
    sleep 0.2
  done
}
start payments $PAY_PORT $PAY_DB "${PAYMENTS_OPTS:-}" REVCYCLE_INBOX_ENABLED=false REVCYCLE_CLEARINGHOUSE_MAILBOX_ENABLED=false
start collections $COL_PORT $COL_DB "${COLLECTIONS_OPTS:-}" REVCYCLE_INBOX_GROUP_ID="collections-lagbench-$STAMP" \
  REVCYCLE_INBOX_AUTO_OFFSET_RESET=latest
say "# services up: $(load)"

t0=$SECONDS
psql_as $PAY_DB payments -v practice=$PRACTICE -v accounts="$ACCOUNTS" -f bench/payments-collections-seed-payments.sql
psql_as $COL_DB collections -v practice=$PRACTICE -v accounts="$ACCOUNTS" -f bench/payments-collections-seed-collections.sql
say "# seeded in $((SECONDS - t0)) s: $(psql_as $PAY_DB payments -c "SELECT count(*) || ' accounts, ' || sum(patient_sum) || ' owed by patients' FROM account") (payments); $(psql_as $COL_DB collections -c "SELECT count(*) || ' accounts, ' || sum(patient_balance) || ' owed by patients, ' || (SELECT count(*) FROM movement) || ' movements' FROM account") (collections)"
# the seed's dirty pages written now, not by a checkpoint during the measurement
runuser -u postgres -- psql -X -q -d postgres -c CHECKPOINT
t0=$SECONDS
curl -fs -o /dev/null -H "Authorization: Bearer $(./revcycle token --role collector --practice $PRACTICE --hours 1)" \
  "http://127.0.0.1:$COL_PORT/work-queue?practiceId=$PRACTICE&asOf=$(date -u +%F)&size=1"
say "# work queue built in $((SECONDS - t0)) s: $(psql_as $COL_DB collections -c "SELECT count(*) FROM work_item") items"

PARTNER="$(curl -fs -H "Authorization: Bearer $(./revcycle token --role admin --practice $PRACTICE --hours 1)" \
  -H 'Content-Type: application/json' -d "{\"name\":\"Lag bench partner\",\"practices\":[\"$PRACTICE\"],\"signing\":true}" \
  "http://127.0.0.1:$PAY_PORT/partners")"
PARTNER_ID="$(echo "$PARTNER" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"
SECRET="$(echo "$PARTNER" | python3 -c 'import json,sys; print(json.load(sys.stdin)["secret"])')"
TOKEN="$(./revcycle token --role payment-partner --practice $PRACTICE --subject "$PARTNER_ID" --hours 1)"
# one account per payment, in random order
psql_as $PAY_DB payments -F , -c "SELECT id, version FROM account WHERE practice_id = '$PRACTICE' ORDER BY random()
  LIMIT $((RATE * (WARMUP + SECONDS_MEASURED) + RAMP_RATE * RAMP))" > "$CSV-all-accounts.csv"
head -n $((RAMP_RATE * RAMP)) "$CSV-all-accounts.csv" > "$CSV-ramp-accounts.csv"
tail -n +$((RAMP_RATE * RAMP + 1)) "$CSV-all-accounts.csv" > "$CSV-accounts.csv"

say "# ramp, not measured: $(TOKEN="$TOKEN" SECRET="$SECRET" PGUSER=collections PGPASSWORD=collections \
  java -cp "$PGJAR" bench/payments-collections-rate.java "$CSV-ramp-accounts.csv" "$CSV-ramp.csv" \
  "http://127.0.0.1:$PAY_PORT" "$RAMP_RATE" "$RAMP" 0 "$PRACTICE" \
  "jdbc:postgresql://127.0.0.1:5432/$COL_DB?ApplicationName=lagbench-poller" | head -1)"
MARK="$(date -u +%FT%T.%NZ)"
say "# load average at the start: $(load)"
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }   # user + system clock ticks
PAY_JAVA="$(pgrep -P "${PIDS[0]}" java || echo "${PIDS[0]}")"
COL_JAVA="$(pgrep -P "${PIDS[1]}" java || echo "${PIDS[1]}")"
CPU_P0="$(cpu "$PAY_JAVA")"; CPU_C0="$(cpu "$COL_JAVA")"; T0=$SECONDS
# who uses the two cores: 30 s of the measured part, every process (the load generator included)
(sleep "$((WARMUP + 10))"; python3 bench/cpu-by-process.py 30 "$PAY_JAVA=payments (JVM)" "$COL_JAVA=collections (JVM)" \
   > "$CSV-cpu.txt" 2>&1) &
CPU_PID=$!
if [ "${PROFILE:-}" = 1 ]; then   # 30 s of the measured part: both databases' sessions, and the consumer thread's stack
  (sleep "$((WARMUP + 10))"
   java -cp "$PGJAR" bench/payments-collections-sample.java "jdbc:postgresql://127.0.0.1:5432/$COL_DB" collections collections 30 \
     "collections' sessions" > "$CSV-sample-collections.txt" 2>&1) &
  PROF_PIDS=($!)
  (sleep "$((WARMUP + 10))"
   java -cp "$PGJAR" bench/payments-collections-sample.java "jdbc:postgresql://127.0.0.1:5432/$PAY_DB" payments payments 30 \
     "payments' sessions" > "$CSV-sample-payments.txt" 2>&1) &
  PROF_PIDS+=($!)
  (sleep "$((WARMUP + 10))"
   jcmd "$COL_JAVA" JFR.start name=lagbench duration=30s settings=profile filename="$CSV-collections.jfr" > /dev/null) &
  PROF_PIDS+=($!)
  (sleep "$((WARMUP + 10))"
   for i in $(seq 1 30); do
     jcmd "$COL_JAVA" Thread.print 2>/dev/null | awk '/^"inbox-collections.events"/ {on=1; n=0; next} on && /^\tat / && n < 6 {print; n++} on && /^$/ {if (n) print "--"; on=0}'
     sleep 1
   done > "$CSV-stacks-consumer.txt") &
  PROF_PIDS+=($!)
fi
TOKEN="$TOKEN" SECRET="$SECRET" PGUSER=collections PGPASSWORD=collections POLL_MS="$POLL_MS" \
  java -cp "$PGJAR" bench/payments-collections-rate.java "$CSV-accounts.csv" "$CSV-load.csv" \
  "http://127.0.0.1:$PAY_PORT" "$RATE" "$WARMUP" "$SECONDS_MEASURED" "$PRACTICE" \
  "jdbc:postgresql://127.0.0.1:5432/$COL_DB?ApplicationName=lagbench-poller" | tee -a "$OUT"
CPU_P1="$(cpu "$PAY_JAVA")"; CPU_C1="$(cpu "$COL_JAVA")"; T1=$SECONDS
say "# load average at the end: $(load); CPU of one core over the run: payments $(( (CPU_P1 - CPU_P0) * 100 / $(getconf CLK_TCK) / (T1 - T0) )) %, collections $(( (CPU_C1 - CPU_C0) * 100 / $(getconf CLK_TCK) / (T1 - T0) )) %"
sleep 2
psql_as $PAY_DB payments -F , -c "
  SELECT p.account_id, p.id, extract(epoch FROM p.posted_at) * 1000, o.id, extract(epoch FROM o.published_at) * 1000,
         a.insurance_sum + a.patient_sum, a.version
  FROM payment p JOIN account a ON a.id = p.account_id
  LEFT JOIN outbox_event o ON o.message_key = p.account_id::text AND o.event_type = 'AccountBalanceChanged'
                          AND o.created_at >= '$MARK'
  WHERE p.posted_at >= '$MARK'" > "$CSV-payments.csv"
psql_as $COL_DB collections -F , -c "
  SELECT id, extract(epoch FROM updated_at) * 1000, balance, balance_version
  FROM account WHERE practice_id = '$PRACTICE' AND updated_at >= '$MARK'" > "$CSV-collections.csv"
psql_as $COL_DB collections -F , -c "
  SELECT event_id, extract(epoch FROM received_at) * 1000 FROM inbox_event
  WHERE event_type = 'AccountBalanceChanged' AND received_at >= '$MARK'" > "$CSV-inbox.csv"
wait "$CPU_PID" || true
cat "$CSV-cpu.txt" | tee -a "$OUT"
[ "${PROFILE:-}" != 1 ] || wait "${PROF_PIDS[@]}"
python3 bench/payments-collections-lag.py "$CSV-load.csv" "$CSV-payments.csv" "$CSV-collections.csv" "$CSV-inbox.csv" \
  | tee -a "$OUT"
say "collections' consumer: $(curl -fs "http://127.0.0.1:$COL_PORT/q/metrics" | awk '/^revcycle_inbox_events_total/ {split($1, a, "outcome=\""); split(a[2], b, "\""); s[b[1]] += $2} END {for (k in s) printf "%s=%d ", k, s[k]}')"
say "collections' inbox batches: $(psql_as $COL_DB collections -c "SELECT count(DISTINCT received_at) || ' transactions, ' || round(count(*)::numeric / greatest(count(DISTINCT received_at), 1), 1) || ' events each on average, at most ' || (SELECT max(n) FROM (SELECT count(*) n FROM inbox_event WHERE received_at >= '$MARK' GROUP BY received_at) t) FROM inbox_event WHERE received_at >= '$MARK'")"

# the reference, same run: the broker and clients alone at the services' event rate and record size
EVENTS="$(psql_as $PAY_DB payments -c "SELECT round(count(*)::numeric / greatest(count(DISTINCT message_key), 1), 2) || ',' || round(avg(length(payload))) FROM outbox_event WHERE created_at >= '$MARK'")"
PER_PAYMENT="${EVENTS%%,*}"; SIZE="${EVENTS##*,}"
EVENT_RATE="$(awk -v r="$RATE" -v e="$PER_PAYMENT" 'BEGIN{printf "%d", r * e}')"
say "reference, broker + clients alone ($EVENT_RATE records/s of $SIZE bytes = $PER_PAYMENT events per payment, relay's producer and inbox's consumer settings, 30 s): $(java -cp "$ROOT/.revcycle/kafka/libs/*" bench/payments-collections-reference.java "$KAFKA" revcycle.lagbench.reference.v1 "$EVENT_RATE" 30 "$SIZE" 2>/dev/null)"
say "reference, Kafka's EndToEndLatency (one $SIZE-byte record at a time, acks=all, 2,000 records): $(java -cp "$ROOT/.revcycle/kafka/libs/*" org.apache.kafka.tools.EndToEndLatency "$KAFKA" revcycle.lagbench.e2e.v1 2000 all "$SIZE" 2>/dev/null | grep -E 'Avg|Percentiles' | tr '\n' ' ')"
say "# load average after the reference: $(load)"

# the database's part alone, same run: what one payment costs in payments (bench/pgbench-pay.sql, the statements of
# POST /payments) and in collections' consumer (bench/payments-collections-apply.sql), both at RATE/s at once, with
# the services stopped (pgbench-pay's outbox rows must not be published)
for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
PIDS=()
psql_as $PAY_DB payments -c "CREATE TABLE bench_accounts AS SELECT row_number() OVER (ORDER BY id) AS n, id FROM account
  WHERE practice_id = '$PRACTICE'; CREATE UNIQUE INDEX ON bench_accounts (n); ANALYZE bench_accounts"
sed -e "s/@PRACTICE@/$PRACTICE/g" -e "s/@ACCOUNTS@/$ACCOUNTS/g" bench/pgbench-pay.sql > "$CSV-pgbench-pay.sql"
pgb() { # database user script clients log-prefix
  (cd "$RESULTS" && PGPASSWORD="$2" pgbench -h 127.0.0.1 -U "$2" -n -D practice=$PRACTICE -D accounts="$ACCOUNTS" -f "$3" \
     -c "$4" -j 1 -R "$RATE" -T 20 -l --log-prefix="$5" "$1" 2>&1 || true) \
    | awk '/^tps|latency average|schedule lag|failed|aborted/ {printf "%s; ", $0} /ERROR/ && !e++ {printf "%s; ", $0}' 
}
pgb $PAY_DB payments "$CSV-pgbench-pay.sql" 4 "$CSV-pgb-pay" > "$CSV-pgb-pay.txt" &
PGB1=$!
pgb $COL_DB collections "$ROOT/bench/payments-collections-apply.sql" 1 "$CSV-pgb-apply" > "$CSV-pgb-apply.txt"
wait $PGB1 || true
pct_log() { cat "$1".* 2>/dev/null | awk '{print $3 / 1000}' | sort -n | awk '{v[NR]=$1} END {if (NR) printf "p50=%.1fms p99=%.1fms max=%.1fms", v[int(NR*0.5)+1], v[int(NR*0.99)+1], v[NR]}'; }
say "pgbench, one payment's statements in payments at $RATE/s, 4 clients: $(pct_log "$CSV-pgb-pay") ($(cat "$CSV-pgb-pay.txt"))"
say "pgbench, one payment's apply in collections at $RATE/s, 1 client, at the same time: $(pct_log "$CSV-pgb-apply") ($(cat "$CSV-pgb-apply.txt"))"
rm -f "$CSV-pgb-pay".* "$CSV-pgb-apply".*
if [ "${PROFILE:-}" = 1 ]; then
  cat "$CSV-sample-collections.txt" "$CSV-sample-payments.txt" | tee -a "$OUT"
  say "the consumer thread's top frames in 30 one-second samples (most frequent first):"
  grep -v -- -- "$CSV-stacks-consumer.txt" | sed 's/^\s*at //' | sort | uniq -c | sort -rn | head -15 | tee -a "$OUT"
  sleep 5   # the recording's end
  say "the consumer thread in collections' JFR recording (30 s, execution and native-method samples):"
  jfr print --json --events jdk.ExecutionSample,jdk.NativeMethodSample "$CSV-collections.jfr" \
    | python3 bench/jfr-frames.py inbox-collections.events 20 | tee -a "$OUT"
fi
say "# load average at the end: $(load)"
