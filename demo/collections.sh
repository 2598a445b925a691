#!/usr/bin/env bash
# Collections through the APIs of running services (./revcycle up first): four patients of one practice owe a
# copay after their payer's 835 (99213: PR-3 25.00 moved to the patient), and the patient-balance side takes over.
#   Ana   — no answer: statement, reminder, past due, final notice as asOf advances 30 days at a time, then placed
#           with the agency (bad debt written off in payments);
#   Ben   — a dispute hold: no statement while it lasts, never placed;
#   Cleo  — a payment plan of 2 × 12.50; the first installment is missed and the plan lapses;
#   Dev   — pays 21.00 by card: the 4.00 left is under the small-balance threshold, written off once.
# Then aging, the work queue, and the KPIs against the ledger's own figures.
#   ./revcycle demo            (runs demo/claims.sh, demo/claims-part2.sh, then this script)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
PRACTICE="demo3-$(date +%s)"
require_ready $PATIENTS $ELIGIBILITY $CLAIMS $PAYMENTS $COLLECTIONS $SANDBOX
REGISTRAR="$(token --role registrar)" BILLER="$(token --role biller)" ADMIN="$(token --role admin)"
POSTER="$(token --role poster)" COLLECTOR="$(token --role collector)"
TODAY="$(date +%F)" DOS="$(date -d '-3 days' +%F)"
day() { date -d "$TODAY + $1 days" +%F; }

step "the practice's collection policy (practice $PRACTICE)"
call PUT "$COLLECTIONS/practices/$PRACTICE/policy" "$ADMIN" '{"statementCycleDays":30,"dunningLevels":4,"gracePeriodDays":10,
  "smallBalanceThreshold":5.00,"placementAfterDays":120,"minimumPlacementBalance":10.00,"targetCollectionRate":0.95,
  "planMinimumInstallment":10.00,"agency":{"name":"Prairie Recovery Services","id":"PRS-01"}}' | jq -c .

step "four patients, one payer, a provider, one 99213 claim each"
payer="$(call POST "$ELIGIBILITY/payers" "$ADMIN" '{"name":"Sandbox Health","payerType":"COMMERCIAL","x12PayerId":"C'"$(date +%s | tail -c 6)"'","timelyFilingDays":365}' | jq -r .id)"
provider="$(call POST "$CLAIMS/providers" "$ADMIN" '{"practiceId":"'"$PRACTICE"'","npi":"1234567893","name":"Springfield Family Clinic",
  "entityType":"ORGANIZATION","taxonomyCode":"207Q00000X","taxId":"371234567","defaultBilling":true,
  "address":{"line1":"100 Clinic Way","city":"Springfield","state":"IL","postalCode":"627041234"}}' | jq -r .id)"
declare -A PATIENT ACCOUNT CLAIM
for name in Ana Ben Cleo Dev; do
  PATIENT[$name]="$(call POST "$PATIENTS/patients?allowDuplicate=true" "$REGISTRAR" '{"practiceId":"'"$PRACTICE"'","firstName":"'"$name"'",
    "lastName":"Rivera","dateOfBirth":"1980-05-0'"${#name}"'","sex":"F","address":{"line1":"1'"${#name}"' Main St","city":"Springfield","state":"IL","postalCode":"62704"}}' | jq -r .id)"
done
for name in Ana Ben Cleo Dev; do
  for _ in $(seq 1 50); do
    coverage="$(curl -sS -X POST "$ELIGIBILITY/coverages" -H "Authorization: Bearer $REGISTRAR" -H 'Content-Type: application/json' \
      -d '{"practiceId":"'"$PRACTICE"'","patientId":"'"${PATIENT[$name]}"'","payerId":"'"$payer"'","memberId":"M'"$RANDOM$RANDOM"'",
           "priority":"PRIMARY","subscriberRelationship":"SELF","effectiveDate":"2026-01-01"}' | jq -r '.id // empty')"
    [ -n "$coverage" ] && break; sleep 0.2
  done
  body='{"practiceId":"'"$PRACTICE"'","patientId":"'"${PATIENT[$name]}"'","coverageId":"'"$coverage"'","type":"PROFESSIONAL",
    "billingProviderId":"'"$provider"'","placeOfService":"11","diagnoses":["E11.9"],
    "lines":[{"procedureCode":"99213","units":1,"chargeAmount":125.00,"serviceDate":"'"$DOS"'","diagnosisPointers":[1]}]}'
  for _ in $(seq 1 50); do
    CLAIM[$name]="$(curl -sS -X POST "$CLAIMS/claims" -H "Authorization: Bearer $BILLER" -H 'Content-Type: application/json' -d "$body" | jq -r '.id // empty')"
    [ -n "${CLAIM[$name]}" ] && break; sleep 0.2
  done
  call POST "$CLAIMS/claims/${CLAIM[$name]}/scrub" "$BILLER" >/dev/null
done
call POST "$CLAIMS/submission-batches" "$BILLER" '{"claimIds":["'"${CLAIM[Ana]}"'","'"${CLAIM[Ben]}"'","'"${CLAIM[Cleo]}"'","'"${CLAIM[Dev]}"'"]}' | jq -c '{id, status}'
accepted() { [ "$(call GET "$CLAIMS/claims/$1" "$BILLER" | jq -r .status)" = ACCEPTED ]; }
for name in Ana Ben Cleo Dev; do
  until_true 90 "the 277CA of $name's claim" accepted "${CLAIM[$name]}"
done
echo "accepted; the payer's 835:"
curl -fsS -X POST "$SANDBOX/remittance-runs" -H 'Content-Type: application/json' -d '{}' | jq -c '.files[] | {payerId, claims, paymentAmount}'
owes() { [ "$(curl -sS "$COLLECTIONS/accounts/${ACCOUNT[$1]}/collection-status?asOf=$TODAY" -H "Authorization: Bearer $COLLECTOR" \
  | jq -r '(.patientBalance // 0) | tostring')" = "$2" ]; }
patient_balance() { call GET "$COLLECTIONS/accounts/${ACCOUNT[$1]}/collection-status?asOf=$TODAY" "$COLLECTOR" | jq -r .patientBalance; }
for name in Ana Ben Cleo Dev; do
  ACCOUNT[$name]="$(call GET "$PAYMENTS/accounts?patientId=${PATIENT[$name]}&practiceId=$PRACTICE" "$POSTER" | jq -r 'if type == "array" then .[0].id else .items[0].id end')"
  until_true 120 "the copay of $name in collections" owes "$name" 25
  echo "$name: account ${ACCOUNT[$name]}, patient balance $(patient_balance "$name")"
done

step "Ben disputes the bill (a hold); Cleo takes a payment plan; Dev pays 21.00 by card"
call POST "$COLLECTIONS/accounts/${ACCOUNT[Ben]}/holds" "$COLLECTOR" '{"type":"DISPUTE","note":"says the visit was covered in full","reference":"CALL-1",
  "dispute":{"disputed":"copay of the visit"}}' | jq -c '{id, type, status}'
plan="$(call POST "$COLLECTIONS/payment-plans" "$COLLECTOR" '{"accountId":"'"${ACCOUNT[Cleo]}"'","totalAmount":25.00,"installmentAmount":12.50,
  "frequency":"MONTHLY","firstDueDate":"'"$(day 5)"'"}')"
echo "$plan" | jq -c '{id, status, installments: (.installments // .schedule | length)}'
plan_id="$(echo "$plan" | jq -r .id)"
call POST "$PAYMENTS/payments" "$POSTER" '{"practiceId":"'"$PRACTICE"'","accountId":"'"${ACCOUNT[Dev]}"'","amount":21.00,"method":"CARD",
  "reference":"CARD-'"$RANDOM"'","receivedAt":"'"$(date -u +%FT%TZ)"'"}' | jq -c '{id, amount}'
until_true 60 "Dev's payment in collections" owes Dev 4
echo "Dev now owes $(patient_balance Dev)"

run_statements() { # asOf → the run's counts
  call POST "$COLLECTIONS/statement-runs" "$COLLECTOR" '{"practiceId":"'"$PRACTICE"'","asOf":"'"$1"'"}' | jq -c '{asOf, counts}'
}
level() { call GET "$COLLECTIONS/accounts/${ACCOUNT[$1]}/collection-status?asOf=$2" "$COLLECTOR" | jq -r '.dunningLevel // "none"'; }
step "statement runs as asOf advances 30 days at a time"
for offset in 0 30 60 90; do
  run_statements "$(day $offset)"
  echo "  Ana's level at $(day $offset): $(level Ana "$(day $offset)")"
done
echo "the same date again issues nothing twice:"; run_statements "$(day 0)"
statement="$(call GET "$COLLECTIONS/accounts/${ACCOUNT[Ana]}/collection-status?asOf=$(day 90)" "$COLLECTOR" | jq -r '.lastStatement.id // .lastStatementId // empty')"
if [ -n "$statement" ]; then
  call GET "$COLLECTIONS/statements/$statement" "$COLLECTOR" | jq -c '{level, amountDue, dueDate, message}'
  curl -fsS -o /tmp/revcycle-demo-statement.pdf "$COLLECTIONS/statements/$statement/pdf" -H "Authorization: Bearer $COLLECTOR"
  echo "  its PDF: /tmp/revcycle-demo-statement.pdf ($(stat -c %s /tmp/revcycle-demo-statement.pdf) bytes)"
fi
echo "Dev's small balance was written off once in payments:"
dev_settled() { [ "$(call GET "$PAYMENTS/accounts/${ACCOUNT[Dev]}" "$POSTER" | jq -r '.patientBalance | tostring')" = 0 ]; }
until_true 60 "the small-balance write-off" dev_settled
call GET "$PAYMENTS/accounts/${ACCOUNT[Dev]}/ledger" "$POSTER" | jq -r '[.items[] | select(.type == "WRITE_OFF")] | "  write-offs: \(length), \(map(.amount) | join(", "))"'
until_true 60 "Dev's write-off back in collections" owes Dev 0

step "Cleo missed her installment due $(day 5): the lapse check past the 10-day grace"
call POST "$COLLECTIONS/payment-plans/lapse-check" "$COLLECTOR" '{"asOf":"'"$(day 16)"'"}' | jq -c .
call GET "$COLLECTIONS/payment-plans/$plan_id" "$COLLECTOR" | jq -c '{status, nextDueDate}'

step "agency placement at $(day 130): only Ana (final notice sent, 120 days since her first statement, no hold, no plan)"
placement="$(call POST "$COLLECTIONS/agency-placements" "$COLLECTOR" '{"practiceId":"'"$PRACTICE"'","asOf":"'"$(day 130)"'"}')"
echo "$placement" | jq -c '{id, accounts: (.accounts // .count), amount}'
call GET "$COLLECTIONS/agency-placements/$(echo "$placement" | jq -r .id)/file" "$COLLECTOR" | head -3 | cut -c1-160

step "aging, the work queue, and the KPIs beside the ledger"
call GET "$COLLECTIONS/aging?practiceId=$PRACTICE&asOf=$(day 130)" "$COLLECTOR" | jq -c '{buckets: [.buckets[]? | {bucket: (.bucket // .name), patient: (.patientBalance // .patient), accounts}], totals}'
call GET "$COLLECTIONS/work-queue?practiceId=$PRACTICE&asOf=$(day 130)" "$COLLECTOR" | jq -r '.items[] | "  \(.accountId)  \(.reason)  → \(.nextAction // .suggestedAction)"'
kpis="$(call GET "$COLLECTIONS/kpis?practiceId=$PRACTICE&from=$(day -30)&to=$TODAY" "$COLLECTOR")"
echo "$kpis" | jq -c '{charges, payments, adjustments, grossCollectionRate, netCollectionRate, targetCollectionRate, gapToTarget}'
ledger_charges=0 ledger_payments=0
for name in Ana Ben Cleo Dev; do
  sums="$(call GET "$PAYMENTS/accounts/${ACCOUNT[$name]}/ledger?size=200" "$POSTER" | jq -r '[([.items[] | select(.type == "CHARGE") | .amount] | add // 0), ([.items[] | select(.type == "PAYMENT") | .amount] | add // 0)] | @tsv')"
  ledger_charges="$(awk -v a="$ledger_charges" -v b="$(echo "$sums" | cut -f1)" 'BEGIN { printf "%.2f", a + b }')"
  ledger_payments="$(awk -v a="$ledger_payments" -v b="$(echo "$sums" | cut -f2)" 'BEGIN { printf "%.2f", a + b }')"
done
echo "the ledger: charges $ledger_charges, payments $ledger_payments"
same() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a + 0 == b + 0) }'; }
same "$(echo "$kpis" | jq -r .charges)" "$ledger_charges" && same "$(echo "$kpis" | jq -r .payments)" "$ledger_payments" \
  || { echo "the KPIs disagree with the ledger" >&2; exit 1; }
step "done: statements by level, a hold that stops them, a lapsed plan, one placement, one small-balance write-off, KPIs equal to the ledger"
