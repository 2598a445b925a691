#!/usr/bin/env bash
# Reads, balances and plans one 835 of CLAIMS claims (default 10,000; 2 lines each), RUNS times (default 5).
# The in-memory part of posting only: POST /remittances (matching, the ledger, events) is not built yet.
# No database or Kafka: no lock needed. Run from the repository root (builds the modules it needs).
set -euo pipefail
cd "$(dirname "$0")/.."
CLAIMS="${CLAIMS:-10000}"
RUNS="${RUNS:-5}"
./mvnw -B -o -pl services/payments -am test -Dtest=Remittance835Bench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench=true -Dclaims="$CLAIMS" -Druns="$RUNS" | grep -E '^BENCH|BUILD|ERROR'
