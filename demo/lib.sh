# What every demo script shares: the services' URLs, tokens, calls that fail loudly, waiting. Sourced, not run.
# The caller sets PRACTICE first.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
command -v jq >/dev/null || { apt-get update -qq && apt-get install -y -qq jq >/dev/null; }
PATIENTS=http://127.0.0.1:8081 ELIGIBILITY=http://127.0.0.1:8082 CLAIMS=http://127.0.0.1:8083
PAYMENTS=http://127.0.0.1:8084 COLLECTIONS=http://127.0.0.1:8085 SANDBOX=http://127.0.0.1:8089
require_ready() { # url… — each service must be ready
  local url
  for url in "$@"; do
    curl -fs -o /dev/null "$url/q/health/ready" || { echo "$url is not ready: ./revcycle up first" >&2; exit 1; }
  done
}
token() { "$ROOT/revcycle" token --practice "$PRACTICE" "$@"; }
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
call() { # METHOD URL TOKEN [BODY [CONTENT-TYPE]] → the body; fails loudly on an unexpected status
  local method="$1" url="$2" tok="$3" body="${4:-}" type="${5:-application/json}" out status
  out="$(mktemp)"
  if [ -n "$body" ]; then
    status="$(curl -sS -o "$out" -w '%{http_code}' -X "$method" "$url" -H "Authorization: Bearer $tok" \
      -H "Content-Type: $type" -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" -d "$body")"
  else
    status="$(curl -sS -o "$out" -w '%{http_code}' -X "$method" "$url" -H "Authorization: Bearer $tok")"
  fi
  if [ "${status:0:1}" != 2 ]; then echo "$method $url → $status: $(cat "$out")" >&2; rm -f "$out"; exit 1; fi
  cat "$out"; rm -f "$out"
}
until_true() { # seconds description command… — retries the command every second
  local seconds="$1" what="$2"; shift 2
  for _ in $(seq 1 "$seconds"); do "$@" && return 0; sleep 1; done
  echo "timed out: $what" >&2; exit 1
}
