#!/usr/bin/env bash
# Posting one 835 of $CLAIMS_IN_FILE claims (default 10,000; target < 5 s) to a practice of $ACCOUNTS patients
# (default 1,000,000) with $CLAIMS claims on file (default 2,000,000), beside another practice's data:
#   - seeds once (bench/seed-payments.sql: accounts, coverages, claims with 1-3 lines, their CHARGE entries and
#     balances; kept between runs in its own database payments_bench835, FRESH=1 starts over) and verifies it
#     (every account's balances = its entries; GET /accounts/{id}/verify on a sample; another practice's → 404);
#   - per run, a fresh 835 (bench/gen835.py, a new trace number, claims not paid before: run k pays the claims
#     n = k, k + stride, ... with stride = CLAIMS / CLAIMS_IN_FILE) checked with payments' own reader and balance
#     (bench/Check835.java), POSTed to /remittances: wall time of the POST and until every RemittancePosted (and
#     every other event of the posting) has left the outbox (published_at set by the relay), the answer, then
#     every account the file touched verified and the other practice untouched;
#   - then pgbench doing the same database work in one transaction (bench/pgbench-835.sql) on claims of its own;
#   - the load average beside every figure.
# Run it under the machine's lock, from the tree whose payments jar to measure (built if missing):
#   flock /tmp/revcycle-it.lock bench/payments-835.sh
#   TREE=/work/h-bench835-remit flock /tmp/revcycle-it.lock /work/h-pay-bench835/bench/payments-835.sh
# Environment: TREE (the tree of the payments jar; default this one), RUNS (3), CLAIMS_IN_FILE (10000),
# FOREIGN (6 more CLPs: another practice's claims or nobody's, must stay unmatched), ACCOUNTS (1000000), CLAIMS
# (2000000), OTHER_ACCOUNTS (100000), OTHER_CLAIMS (100000), PGBENCH_RUNS (2), CHECK (1: read and balance each file
# with payments' reader first), JAVA_OPTS (the launcher's), KAFKA (a broker to use, e.g. 127.0.0.1:9092; by default
# a private broker on 127.0.0.1:29092 is started for the run and stopped after), FRESH (0), OUTBOX_WAIT (600 s),
# DB (payments_bench835: another name for another size).
set -euo pipefail
HERE="$(cd "$(dirname "$0")/.." && pwd)"
TREE="$(cd "${TREE:-$HERE}" && pwd)"
RUNS="${RUNS:-3}"
CLAIMS_IN_FILE="${CLAIMS_IN_FILE:-10000}"
FOREIGN="${FOREIGN:-6}"
ACCOUNTS="${ACCOUNTS:-1000000}"
CLAIMS="${CLAIMS:-2000000}"
OTHER_ACCOUNTS="${OTHER_ACCOUNTS:-100000}"
OTHER_CLAIMS="${OTHER_CLAIMS:-100000}"
PGBENCH_RUNS="${PGBENCH_RUNS:-2}"
CHECK="${CHECK:-1}"
OUTBOX_WAIT="${OUTBOX_WAIT:-600}"
KAFKA="${KAFKA:-}"
PORT=18086
DB="${DB:-payments_bench835}"
PRACTICE=bench835
OTHER=bench835-other
STRIDE=$((CLAIMS / CLAIMS_IN_FILE))
# run k pays claims k, k + STRIDE, ...: a STRIDE prime to 2, 3, 5 and 7 (100 -> 97), so that a file's claims vary
# in their lines (n % 3), patient shares ((n + l) % 4) and secondary coverages (account % 10)
while [ "$STRIDE" -gt 7 ] && { [ $((STRIDE % 2)) = 0 ] || [ $((STRIDE % 3)) = 0 ] || [ $((STRIDE % 5)) = 0 ] || [ $((STRIDE % 7)) = 0 ]; }; do
  STRIDE=$((STRIDE - 1))
done
[ "$STRIDE" -ge 1 ] || { echo "CLAIMS ($CLAIMS) must be at least CLAIMS_IN_FILE ($CLAIMS_IN_FILE)" >&2; exit 2; }
LAUNCHER_OPTS="$(sed -n 's/^SERVICE_JAVA_OPTS="\${REVCYCLE_JAVA_OPTS:-\(.*\)}"$/\1/p' "$HERE/revcycle")"
JAVA_OPTS="${JAVA_OPTS:-$LAUNCHER_OPTS}"
ISSUER="$(sed -n 's/^ISSUER="\(.*\)"$/\1/p' "$HERE/revcycle")"
WORK="/tmp/bench835-$$"
mkdir -p "$HERE/bench/results" "$WORK"
OUT="$HERE/bench/results/payments-835-$(date +%Y%m%d-%H%M).txt"
say() { echo "$*" | tee -a "$OUT"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
command -v jq >/dev/null || { apt-get update -qq && apt-get install -y -qq jq >/dev/null; }

# keys: the launcher's (.revcycle of this checkout or /work/main's), else throwaway ones for this run
STATE=""
for s in "$TREE/.revcycle" "$HERE/.revcycle" /work/main/.revcycle; do
  if [ -r "$s/keys/jwt-private.pem" ] && [ -r "$s/secrets/phi-encryption.key" ]; then STATE="$s"; break; fi
done
if [ -z "$STATE" ]; then
  STATE="$WORK/state"; mkdir -p "$STATE/keys" "$STATE/secrets"
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$STATE/keys/jwt-private.pem" 2>/dev/null
  openssl pkey -in "$STATE/keys/jwt-private.pem" -pubout -out "$STATE/keys/jwt-public.pem"
  openssl rand -base64 32 > "$STATE/secrets/phi-encryption.key"
  openssl rand -base64 32 > "$STATE/secrets/idempotency-fingerprint.key"
  echo "# the launcher's keys are not readable: throwaway keys in $STATE for this run"
fi
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
token() { # role practice: a dev JWT as ./revcycle token makes it, with $STATE's key
  local h p now; now="$(date +%s)"
  h="$(printf '{"alg":"RS256","typ":"JWT","kid":"revcycle-local"}' | b64url)"
  p="$(printf '{"iss":"%s","sub":"bench835","upn":"bench835","groups":["%s"],"practices":["%s"],"iat":%s,"exp":%s}' \
       "$ISSUER" "$1" "$2" "$now" "$((now + 7200))" | b64url)"
  echo "$h.$p.$(printf '%s.%s' "$h" "$p" | openssl dgst -sha256 -sign "$STATE/keys/jwt-private.pem" -binary | b64url)"
}

PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

# Kafka: a private broker for this run unless KAFKA names one (the outbox is only left through a broker; the
# shared one's consumers would be handed 70,000 events per file about accounts they do not know)
port_open() { (exec 3<>"/dev/tcp/${1%:*}/${1#*:}") 2>/dev/null; }
if [ -z "$KAFKA" ] || ! port_open "$KAFKA"; then
  KAFKA=127.0.0.1:29092
  KLIBS=/tmp/bench835-kafka-libs
  if [ ! -f "$KLIBS/.complete" ]; then
    (cd "$HERE" && ./mvnw -B -q -o -f infra/kafka/pom.xml package -Dkafka.libs="$KLIBS") && touch "$KLIBS/.complete"
  fi
  mkdir -p "$WORK/kafka"
  cat > "$WORK/kafka/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:29093
listeners=PLAINTEXT://127.0.0.1:29092,CONTROLLER://127.0.0.1:29093
advertised.listeners=PLAINTEXT://127.0.0.1:29092
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=$WORK/kafka/data
num.partitions=3
auto.create.topics.enable=true
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
EOF
  kjava() { java -Xms64m -Xmx256m -XX:+UseSerialGC -cp "$KLIBS/*" "$@"; }
  kjava kafka.tools.StorageTool format --standalone -t "$(kjava kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)" \
    -c "$WORK/kafka/server.properties" > "$WORK/kafka/format.log" 2>&1
  kjava kafka.Kafka "$WORK/kafka/server.properties" > "$WORK/kafka/kafka.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 120); do port_open "$KAFKA" && break; sleep 0.5; done
  port_open "$KAFKA" || { tail -20 "$WORK/kafka/kafka.log"; exit 1; }
  echo "# a private Kafka broker on $KAFKA for this run"
fi

[ -f "$TREE/services/payments/target/quarkus-app/quarkus-run.jar" ] \
  || (cd "$TREE" && ./mvnw -B -q -o -pl services/payments -am package -DskipTests)
export PGPASSWORD=payments
q() { psql -X -q -h 127.0.0.1 -U payments -d "$DB" -v ON_ERROR_STOP=1 "$@"; }
exists="$(runuser -u postgres -- psql -X -tAq -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")"
if [ "${FRESH:-0}" = 1 ] || [ "$exists" != 1 ]; then
  runuser -u postgres -- psql -X -q -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB OWNER payments"
fi

say "# payments 835 benchmark $(date -u +%FT%TZ) on $(nproc) cores; $(java -version 2>&1 | head -1)"
say "# jar of $TREE ($(git -C "$TREE" log -1 --format='%h %s' | cut -c1-100)); JVM options: $JAVA_OPTS"
say "# load average before: $(load) (the machine is shared)"

SVC_PID=""
start_service() {
  (cd "$TREE/services/payments" && \
   QUARKUS_HTTP_PORT=$PORT QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:5432/$DB" \
   KAFKA_BOOTSTRAP_SERVERS="$KAFKA" REVCYCLE_JWT_ISSUER="$ISSUER" \
   REVCYCLE_JWT_PUBLIC_KEY_LOCATION="$STATE/keys/jwt-public.pem" \
   REVCYCLE_PHI_ENCRYPTION_KEY="$(cat "$STATE/secrets/phi-encryption.key")" \
   REVCYCLE_IDEMPOTENCY_FINGERPRINT_KEY="$(cat "$STATE/secrets/idempotency-fingerprint.key")" \
   REVCYCLE_INBOX_ENABLED=false REVCYCLE_LOG_JSON=false REVCYCLE_CLEARINGHOUSE_MAILBOX_ENABLED=false \
   exec java $JAVA_OPTS -jar target/quarkus-app/quarkus-run.jar > "$WORK/payments.log" 2>&1) &
  SVC_PID=$!
  PIDS+=("$SVC_PID")
  until curl -fs -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; do
    kill -0 "$SVC_PID" 2>/dev/null || { tail -30 "$WORK/payments.log"; exit 1; }
    sleep 0.2
  done
}
stop_service() { kill "$SVC_PID" 2>/dev/null || true; wait "$SVC_PID" 2>/dev/null || true; }

t0=$(date +%s%N)
start_service   # the schema comes from the service's own migrations
say "service started in $(ms "$t0") ms"
q -c "CREATE TABLE IF NOT EXISTS bench835_run (slot INT PRIMARY KEY, kind TEXT NOT NULL, trace TEXT NOT NULL,
        first INT NOT NULL, stride INT NOT NULL, claims INT NOT NULL, at TIMESTAMPTZ NOT NULL DEFAULT now(),
        post_ms INT, outbox_ms INT, answer JSONB, load TEXT)"
seeded="$(q -tA -c "SELECT count(*) FROM pg_tables WHERE tablename = 'bench835_seeded'")"
[ "$seeded" = 1 ] && seeded="$(q -tA -c "SELECT count(*) FROM bench835_seeded WHERE (practice = '$PRACTICE' AND accounts = $ACCOUNTS
                                 AND claims = $CLAIMS) OR (practice = '$OTHER' AND accounts = $OTHER_ACCOUNTS AND claims = $OTHER_CLAIMS)")"
if [ "$seeded" != 2 ]; then
  t0=$(date +%s%N)
  say "seeding $ACCOUNTS accounts / $CLAIMS claims into $PRACTICE, $OTHER_ACCOUNTS / $OTHER_CLAIMS into $OTHER (load $(load)) ..."
  q -v practice="$PRACTICE" -v accounts="$ACCOUNTS" -v claims="$CLAIMS" -v other_practice="$OTHER" \
    -v other_accounts="$OTHER_ACCOUNTS" -v other_claims="$OTHER_CLAIMS" -f "$HERE/bench/seed-payments.sql" 2>&1 \
    | grep -v '^NOTICE' | tee -a "$OUT" || true
  [ "$(q -tA -c "SELECT count(*) FROM bench835_seeded")" = 2 ] || { say "the seed failed"; exit 1; }
  say "seeded in $(( $(ms "$t0") / 1000 )) s (load $(load))"
fi
say "database: $(q -tA -F' ' -c "SELECT (SELECT count(*) FROM account), 'accounts,', (SELECT count(*) FROM claim), 'claims,',
      (SELECT count(*) FROM claim_line), 'lines,', (SELECT count(*) FROM ledger_entry), 'ledger entries,',
      pg_size_pretty(pg_database_size(current_database()))")"

POSTER="$(token poster "$PRACTICE")"
api() { curl -sS -H "Authorization: Bearer $1" "http://127.0.0.1:$PORT$2"; }
VTOKEN=""
verify_accounts() { # label, SQL giving account ids: every one's balances = its entries (SQL) and /verify on 10 of them
                    # (with $VTOKEN, else the poster's)
  local bad sample ok=0 n=0
  bad="$(q -tA -c "SELECT count(*) FROM account a JOIN ($2) t (id) ON t.id = a.id
                   CROSS JOIN LATERAL (SELECT coalesce(sum(insurance_delta), 0) i, coalesce(sum(patient_delta), 0) p
                                       FROM ledger_entry e WHERE e.account_id = a.id) s
                   WHERE a.insurance_sum <> s.i OR a.patient_sum <> s.p")"
  for id in $(kill -0 "$SVC_PID" 2>/dev/null && q -tA -c "SELECT id FROM ($2) t (id) ORDER BY md5(id::text) LIMIT 10"); do
    n=$((n + 1))
    [ "$(api "${VTOKEN:-$POSTER}" "/accounts/$id/verify" | jq -r .consistent)" = true ] && ok=$((ok + 1))
  done
  say "verify $1: $bad accounts whose balances are not their entries (SQL, all of them); GET /verify consistent on $ok of $n"
  [ "$bad" = 0 ] && [ "$ok" = "$n" ]
}
verify_accounts "seeded $PRACTICE" "SELECT id FROM account WHERE practice_id = '$PRACTICE' ORDER BY md5(id::text) LIMIT 2000"
VTOKEN="$(token poster "$OTHER")"
verify_accounts "seeded $OTHER" "SELECT id FROM account WHERE practice_id = '$OTHER' ORDER BY md5(id::text) LIMIT 200"
VTOKEN=""
someone="$(q -tA -c "SELECT id FROM account WHERE practice_id = '$OTHER' LIMIT 1")"
say "another practice's account with a $PRACTICE poster's token: HTTP $(curl -s -o /dev/null -w '%{http_code}' \
    -H "Authorization: Bearer $POSTER" "http://127.0.0.1:$PORT/accounts/$someone/verify") (want 404)"
CP="$TREE/services/payments/target/classes:$TREE/services/payments/target/quarkus-app/lib/main/*"
next_slot() { q -tA -c "SELECT coalesce(max(slot), 0) + 1 FROM bench835_run"; }
for run in $(seq 1 "$RUNS"); do
  slot="$(next_slot)"
  first=$(( 1 + (slot - 1) % STRIDE ))
  [ "$slot" -gt "$STRIDE" ] && say "note: slot $slot > stride $STRIDE: these claims were paid before (FRESH=1 to reseed)"
  trace="B835-$(date +%Y%m%d%H%M%S)-$slot"
  python3 "$HERE/bench/gen835.py" --claims "$CLAIMS_IN_FILE" --first "$first" --stride "$STRIDE" --trace "$trace" \
    --foreign "$FOREIGN" --foreign-first "$slot" --control $((835000 + slot)) --summary "$WORK/summary.json" > "$WORK/file.x12"
  if [ "$CHECK" = 1 ]; then
    java -cp "$CP" "$HERE/bench/Check835.java" "$WORK/file.x12" $((CLAIMS_IN_FILE + FOREIGN)) 2>/dev/null | tee -a "$OUT"
  fi
  q -c "INSERT INTO bench835_run (slot, kind, trace, first, stride, claims) VALUES ($slot, 'service', '$trace', $first, $STRIDE, $CLAIMS_IN_FILE)"
  before="$(q -tA -c "SELECT coalesce(max(seq), 0) FROM outbox_event")"
  other_before="$(q -tA -c "SELECT count(*) FROM ledger_entry WHERE practice_id = '$OTHER' AND source = 'REMITTANCE'")"
  l0="$(load)"
  t0=$(date +%s%N)
  code="$(curl -sS -o "$WORK/answer.json" -w '%{http_code}' -X POST "http://127.0.0.1:$PORT/remittances?practiceId=$PRACTICE" \
          -H "Authorization: Bearer $POSTER" -H 'Content-Type: application/edi-x12' --data-binary @"$WORK/file.x12")"
  post_ms="$(ms "$t0")"
  if [ "$code" != 201 ] && [ "$code" != 200 ]; then
    say "run $run: POST /remittances HTTP $code after $post_ms ms: $(head -c 600 "$WORK/answer.json")"
    tail -40 "$WORK/payments.log" | grep -iE 'error|exception|caused' | head -10 | tee -a "$OUT"
    continue
  fi
  # until the relay has published every event the posting wrote (RemittancePosted and the ledger's)
  remit_ms=""; all_ms=""
  while :; do
    read -r remit_left all_left remits <<<"$(q -tA -F' ' -c "SELECT count(*) FILTER (WHERE event_type = 'RemittancePosted' AND published_at IS NULL),
                    count(*) FILTER (WHERE published_at IS NULL), count(*) FILTER (WHERE event_type = 'RemittancePosted')
                    FROM outbox_event WHERE seq > $before")"
    [ -z "$remit_ms" ] && [ "$remit_left" = 0 ] && remit_ms="$(ms "$t0")"
    [ "$all_left" = 0 ] && { all_ms="$(ms "$t0")"; break; }
    [ "$(ms "$t0")" -gt $((OUTBOX_WAIT * 1000)) ] && break
    sleep 0.2
  done
  events="$(q -tA -c "SELECT count(*) FROM outbox_event WHERE seq > $before")"
  answer="$(jq -c '{claimsPosted, claimsUnmatched, claimsNotPosted, denials, paymentAmount, paidTotal, adjustmentsTotal, patientResponsibilityTotal, patientResponsibilityTransferred,
                    warnings: (.warnings | length)}' "$WORK/answer.json")"
  q -c "UPDATE bench835_run SET post_ms = $post_ms, outbox_ms = ${all_ms:-NULL}, answer = '$(jq -c . "$WORK/answer.json" | sed "s/'/''/g")',
        load = '$l0' WHERE slot = $slot"
  say "run $run (slot $slot, $(jq -r '"\(.claims) + \(.foreign) claims, \(.lines) lines, \(.denials) denied"' "$WORK/summary.json"), $(du -k "$WORK/file.x12" | cut -f1) kB): POST $post_ms ms; RemittancePosted ($remits) all out of the outbox at ${remit_ms:-not within ${OUTBOX_WAIT}s} ms, all $events events at ${all_ms:-not within ${OUTBOX_WAIT}s} ms; load average $l0 -> $(load)"
  say "  answer $answer (the file: $(jq -c '{paymentAmount, claimsPaid, contractual, patientResponsibility, ofThePractice}' "$WORK/summary.json"))"
  [ "$(jq -r .claimsPosted "$WORK/answer.json")" = "$CLAIMS_IN_FILE" ] || say "  CHECK: claimsPosted is not $CLAIMS_IN_FILE"
  [ "$(jq -r .claimsUnmatched "$WORK/answer.json")" = "$FOREIGN" ] || say "  CHECK: claimsUnmatched is not $FOREIGN"
  verify_accounts "after run $run, the file's accounts" "SELECT DISTINCT account_id FROM ledger_entry WHERE source = 'REMITTANCE'
        AND source_reference = '$(jq -r .id "$WORK/answer.json")'" || say "  CHECK: an account does not verify"
  other_after="$(q -tA -c "SELECT count(*) FROM ledger_entry WHERE practice_id = '$OTHER' AND source = 'REMITTANCE'")"
  say "  $OTHER's remittance entries: $other_before before, $other_after after (want equal)"
  code="$(curl -sS -o "$WORK/again.json" -w '%{http_code}' -X POST "http://127.0.0.1:$PORT/remittances?practiceId=$PRACTICE" \
          -H "Authorization: Bearer $POSTER" -H 'Content-Type: application/edi-x12' --data-binary @"$WORK/file.x12")"
  say "  the same file again: HTTP $code, id $( [ "$(jq -r .id "$WORK/again.json")" = "$(jq -r .id "$WORK/answer.json")" ] && echo same || echo DIFFERENT)"
done
stop_service

# the service's per-file and per-account reads as generic plans (what a prepared statement runs), with timings
# over the last file's claims (EXPLAIN=0 skips)
if [ "${EXPLAIN:-1}" = 1 ]; then
  q -v first="$first" -v stride="$STRIDE" -v m="$CLAIMS_IN_FILE" -v practice="$PRACTICE" > "$WORK/explain.txt" 2>&1 <<'SQL' || true
SET plan_cache_mode = force_generic_plan;
SELECT array_agg('BP' || lpad((:first + i * :stride)::text, 10, '0'))::text AS pcns FROM generate_series(0, :m - 1) i \gset
CREATE TEMP TABLE x_claim AS SELECT id, account_id, patient_id FROM claim
WHERE practice_id = :'practice' AND patient_control_number = ANY (:'pcns'::text[]);
SELECT array_agg(id)::text AS claims, array_agg(patient_id)::text AS patients, min(account_id::text) AS account FROM x_claim \gset
PREPARE claims_by_pcn (text, text[]) AS SELECT id, account_id, practice_id, patient_id, coverage_id, payer_id,
  patient_control_number, made_from_another, first_service_date, version FROM claim WHERE practice_id = $1 AND patient_control_number = ANY ($2);
\echo '--- CLAIMS_BY_PCN (RemittanceStore), once per file'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE claims_by_pcn (:'practice', :'pcns');
PREPARE lines_of_claims (uuid[]) AS SELECT claim_id, id, line_number, procedure_code, service_date FROM claim_line
  WHERE claim_id = ANY ($1) AND current ORDER BY claim_id, line_number;
\echo '--- LINES_OF_CLAIMS (RemittanceStore), once per file'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE lines_of_claims (:'claims');
PREPARE coverages (text, uuid[]) AS SELECT patient_id, id, x12_payer_id, priority, effective_date, termination_date FROM coverage
  WHERE practice_id = $1 AND patient_id = ANY ($2);
\echo '--- COVERAGES_OF_PATIENTS (RemittanceStore), once per file'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE coverages (:'practice', :'patients');
PREPARE oldest (uuid) AS SELECT min(c.first_service_date) FROM claim c WHERE c.account_id = $1
  AND (SELECT coalesce(sum(e.insurance_delta + e.patient_delta), 0) FROM ledger_entry e WHERE e.claim_id = c.id) > 0;
\echo '--- OLDEST_OPEN (LedgerStore), once per account of the file'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE oldest (:'account');
PREPARE lock_account (uuid) AS SELECT id FROM account WHERE id = $1 FOR UPDATE;
\echo '--- LOCK_ACCOUNT (LedgerStore), once per account of the file'
BEGIN;
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE lock_account (:'account');
ROLLBACK;
SQL
  cp "$WORK/explain.txt" "${OUT%.txt}-explain.txt"
  grep -E '^---|Execution Time|Index|Seq Scan|Bitmap|Sort|Hash|Nested|ERROR' "$WORK/explain.txt" | sed 's/^/  /' | tee -a "$OUT"
fi

sed "s/@PRACTICE@/$PRACTICE/g" "$HERE/bench/pgbench-835.sql" > "$WORK/pgbench-835.sql"
for run in $(seq 1 "$PGBENCH_RUNS"); do
  slot="$(next_slot)"
  first=$(( 1 + (slot - 1) % STRIDE ))
  q -c "INSERT INTO bench835_run (slot, kind, trace, first, stride, claims) VALUES ($slot, 'pgbench', 'PGB835-$slot', $first, $STRIDE, $CLAIMS_IN_FILE)"
  l0="$(load)"
  t0=$(date +%s%N)
  lat="$(pgbench -h 127.0.0.1 -U payments -n -t 1 -c 1 -D first="$first" -D stride="$STRIDE" -D m="$CLAIMS_IN_FILE" \
          -D run="$slot" -f "$WORK/pgbench-835.sql" "$DB" 2>&1 | tee "$WORK/pgbench.log" | awk -F'= ' '/^latency average/{print $2}')"
  wall="$(ms "$t0")"
  grep -qE 'aborted|ERROR' "$WORK/pgbench.log" && { say "pgbench failed:"; grep -E 'aborted|ERROR' "$WORK/pgbench.log" | head -5 | tee -a "$OUT"; }
  q -c "UPDATE bench835_run SET post_ms = $wall, load = '$l0' WHERE slot = $slot"
  say "pgbench $run (slot $slot, the same writes for $CLAIMS_IN_FILE claims in one transaction): ${lat:-?} (${wall} ms with connecting); load average $l0 -> $(load)"
done
verify_accounts "after pgbench, its accounts" "SELECT DISTINCT account_id FROM ledger_entry WHERE source = 'REMITTANCE' AND actor = 'pgbench'" \
  || say "  CHECK: an account pgbench posted to does not verify"
say "# uptime: $(uptime)"
say "results in $OUT"
