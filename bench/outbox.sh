#!/usr/bin/env bash
# Outbox relay throughput: a backlog of 100,000 outbox rows published to the local Kafka broker by
# one relay (services/common OutboxRelayBench), several runs. Uses the common_test database and a
# throw-away topic per run; holds the machine's test lock while it runs.
#
#   bench/outbox.sh                      (after ./revcycle infra; RUNS=5 ROWS=100000 BATCH=2000)
#
# Figures go to stdout and bench/results/outbox-<date>.txt.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
OUT="$ROOT/bench/results/outbox-$(date +%Y%m%d-%H%M).txt"
mkdir -p "$ROOT/bench/results"
echo "# outbox relay benchmark $(date -u +%FT%TZ) on $(nproc) cores; $(java -version 2>&1 | head -1)" | tee "$OUT"
./mvnw -B -q -pl services/common -am test -Dtest=OutboxRelayBench \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbench.runs="${RUNS:-5}" -Dbench.rows="${ROWS:-100000}" \
  -Dbench.batch-size="${BATCH:-2000}" 2>&1 | grep -E '^(run [0-9]+|relay throughput)' | tee -a "$OUT"
