#!/usr/bin/env bash
# The billing representative's day, through the APIs of running services (./revcycle up first):
# register a patient, add a payer and a coverage, register the billing provider, key three claims,
# scrub them (one is refused with readable reasons), submit the clean ones, and wait for the
# clearinghouse's 999/277CA to come back through the mailbox: one claim ACCEPTED, the R69 claim
# REJECTED with the payer's reason. Then the payer pays: the sandbox's remittance run puts an 835 in
# the mailbox, payments polls it and posts it to the patient's account (payment, CO-45 contractual,
# PR-3 copay moved to the patient). Each run uses a practice of its own (demo-<time>).
#
#   ./revcycle demo            (runs this script)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
PRACTICE="demo-$(date +%s)"
require_ready $PATIENTS $ELIGIBILITY $CLAIMS $PAYMENTS $SANDBOX
REGISTRAR="$(token --role registrar)" BILLER="$(token --role biller)" ADMIN="$(token --role admin)" POSTER="$(token --role poster)"

step "patient, payer, coverage (practice $PRACTICE)"
patient="$(call POST "$PATIENTS/patients?allowDuplicate=true" "$REGISTRAR" '{"practiceId":"'"$PRACTICE"'","firstName":"Ana","lastName":"Lopez",
  "dateOfBirth":"1984-03-09","sex":"F","address":{"line1":"12 Main St","city":"Springfield","state":"IL","postalCode":"62704"}}' | jq -r .id)"
echo "patient $patient"
payer_id="DEMO$(date +%s | tail -c 7)"
payer="$(call POST "$ELIGIBILITY/payers" "$ADMIN" '{"name":"Sandbox Health","payerType":"COMMERCIAL","x12PayerId":"'"$payer_id"'","timelyFilingDays":365}' | jq -r .id)"
# claims learns of the patient from the patients service's events: the coverage waits until eligibility has too
for _ in $(seq 1 50); do
  coverage="$(curl -sS -X POST "$ELIGIBILITY/coverages" -H "Authorization: Bearer $REGISTRAR" -H 'Content-Type: application/json' \
    -d '{"practiceId":"'"$PRACTICE"'","patientId":"'"$patient"'","payerId":"'"$payer"'","memberId":"XJH123456701",
         "priority":"PRIMARY","subscriberRelationship":"SELF","effectiveDate":"2026-01-01"}' | jq -r '.id // empty')"
  [ -n "$coverage" ] && break; sleep 0.2
done
[ -n "$coverage" ] || { echo "eligibility never learnt of the patient" >&2; exit 1; }
echo "coverage $coverage"

step "billing provider"
provider="$(call POST "$CLAIMS/providers" "$ADMIN" '{"practiceId":"'"$PRACTICE"'","npi":"1234567893","name":"Springfield Family Clinic",
  "entityType":"ORGANIZATION","taxonomyCode":"207Q00000X","taxId":"371234567","defaultBilling":true,
  "address":{"line1":"100 Clinic Way","city":"Springfield","state":"IL","postalCode":"627041234"}}' | jq -r .id)"
echo "provider $provider"

claim_body() { # first diagnosis, procedure code
  echo '{"practiceId":"'"$PRACTICE"'","patientId":"'"$patient"'","coverageId":"'"$coverage"'","type":"PROFESSIONAL",
    "billingProviderId":"'"$provider"'","placeOfService":"11","diagnoses":["'"$1"'","I10"],
    "lines":[{"procedureCode":"'"$2"'","modifiers":[],"units":1,"chargeAmount":125.00,"serviceDate":"'"$(date -d '-3 days' +%F)"'","diagnosisPointers":[1,2]}]}'
}
step "three claims: a clean one, one the payer will reject (first diagnosis R69), one with errors"
# the claim waits until claims has learnt of the patient and the coverage from their events
for _ in $(seq 1 50); do
  clean="$(curl -sS -X POST "$CLAIMS/claims" -H "Authorization: Bearer $BILLER" -H 'Content-Type: application/json' \
    -d "$(claim_body E11.9 99213)" | jq -r '.id // empty')"
  [ -n "$clean" ] && break; sleep 0.2
done
[ -n "$clean" ] || { echo "claims never learnt of the patient and coverage" >&2; exit 1; }
r69="$(call POST "$CLAIMS/claims" "$BILLER" "$(claim_body R69 99213)" | jq -r .id)"
bad="$(call POST "$CLAIMS/claims" "$BILLER" "$(claim_body 250.00 9921)" | jq -r .id)"
echo "clean $clean, r69 $r69, bad $bad"

step "scrub"
for c in "$clean" "$r69"; do call POST "$CLAIMS/claims/$c/scrub" "$BILLER" | jq -c '{errors: (.errors|length), warnings: [.warnings[].ruleId]}'; done
echo "the bad claim:"
call POST "$CLAIMS/claims/$bad/scrub" "$BILLER" | jq -r '.errors[] | "  \(.ruleId)  \(.path)  \(.message)"'

step "submit the two clean claims in one batch"
batch="$(call POST "$CLAIMS/submission-batches" "$BILLER" '{"claimIds":["'"$clean"'","'"$r69"'"]}')"
echo "$batch" | jq -c .
batch_id="$(echo "$batch" | jq -r .id)"
call GET "$CLAIMS/submission-batches/$batch_id/x12" "$BILLER" | tr '~' '\n' | head -12; echo "  …"

step "wait for the 999 and 277CA (the mailbox is polled every 5 s)"
for _ in $(seq 1 60); do
  s1="$(call GET "$CLAIMS/claims/$clean" "$BILLER" | jq -r .status)"; s2="$(call GET "$CLAIMS/claims/$r69" "$BILLER" | jq -r .status)"
  [ "$s1" != SUBMITTED ] && [ "$s2" != SUBMITTED ] && break; sleep 1
done
echo "clean claim: $s1"; echo "R69 claim:   $s2"
call GET "$CLAIMS/claims/$r69/history" "$BILLER" | jq -c ".items[]" | tail -2
[ "$s1" = ACCEPTED ] && [ "$s2" = REJECTED ] || { echo "unexpected outcome" >&2; exit 1; }

step "the account: payments posted the claims' charges"
account="$(call GET "$PAYMENTS/accounts?patientId=$patient&practiceId=$PRACTICE" "$POSTER" | jq -r 'if type == "array" then .[0].id else .items[0].id end')"
call GET "$PAYMENTS/accounts/$account" "$POSTER" | jq -c '{balance, insuranceBalance, patientBalance}'

step "the payer pays: a remittance run of the sandbox, an 835 in the mailbox, payments polls and posts it"
curl -fsS -X POST "$SANDBOX/remittance-runs" -H 'Content-Type: application/json' -d '{}' | jq -c '.files[] | {payerId, traceNumber, claims, paymentAmount}'
for _ in $(seq 1 60); do
  paid="$(call GET "$PAYMENTS/accounts/$account/ledger" "$POSTER" | jq '[.items[] | select(.type == "PAYMENT")] | length')"
  [ "$paid" -gt 0 ] && break; sleep 1
done
call GET "$PAYMENTS/accounts/$account" "$POSTER" | jq -c '{balance, insuranceBalance, patientBalance}'
call GET "$PAYMENTS/accounts/$account/ledger" "$POSTER" | jq -r '.items[] | "  \(.type)  \(.responsibility)  \(.amount)  \(.kind // "")  \(if .reason then "\(.reason.group)-\(.reason.carc)" else "" end)"'
call GET "$PAYMENTS/accounts/$account/verify" "$POSTER" | jq -c '{consistent}'
# 99213 at 125.00 (sandbox rules): allowed 100.00, CO-45 25.00, PR-3 copay 25.00, paid 75.00; the R69
# claim's charge stays with insurance until it is fixed and resubmitted, the bad one's until it is corrected
[ "$paid" -gt 0 ] || { echo "payments never posted the 835" >&2; exit 1; }
step "done: the clean claim was accepted and paid, the R69 claim rejected with its reason"
