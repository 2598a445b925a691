#!/usr/bin/env bash
# Claims part 2 through the APIs of running services (./revcycle up first): what follows the payer's acceptance.
# A patient with a primary and a secondary coverage; the practice's charge master and the primary payer's fee
# schedule; four claims submitted, accepted and adjudicated by the sandbox's 835 through payments:
#   99203 + 81002  → PARTIALLY_PAID (line 2 denied CO-97), with its line details;
#   99214          → PAID with a 20 % coinsurance (PR-2) → a secondary claim appears, is submitted and paid;
#   99202          → DENIED (CO-197, no authorization) → in the denials queue with its suggested action, then
#                    corrected (frequency 7, REF*F8, the authorization added) and resubmitted;
#   99211          → paid at 45.00 where the contract says 50.00 → listed as an underpayment.
# Then two estimates: a self-pay patient (cash prices) and the insured patient (benefits of the 271).
#   ./revcycle demo            (runs demo/claims.sh, then this script, then demo/collections.sh)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
PRACTICE="demo2-$(date +%s)"
require_ready $PATIENTS $ELIGIBILITY $CLAIMS $PAYMENTS $SANDBOX
REGISTRAR="$(token --role registrar)" BILLER="$(token --role biller)" ADMIN="$(token --role admin)" POSTER="$(token --role poster)"
DOS="$(date -d '-5 days' +%F)"

step "a patient with two coverages (practice $PRACTICE)"
patient="$(call POST "$PATIENTS/patients?allowDuplicate=true" "$REGISTRAR" '{"practiceId":"'"$PRACTICE"'","firstName":"Ben","lastName":"Okafor",
  "dateOfBirth":"1971-11-20","sex":"M","address":{"line1":"7 Oak Ave","city":"Springfield","state":"IL","postalCode":"62704"}}' | jq -r .id)"
selfpay="$(call POST "$PATIENTS/patients?allowDuplicate=true" "$REGISTRAR" '{"practiceId":"'"$PRACTICE"'","firstName":"Cleo","lastName":"Marsh",
  "dateOfBirth":"1990-02-14","sex":"F","address":{"line1":"9 Elm St","city":"Springfield","state":"IL","postalCode":"62704"}}' | jq -r .id)"
suffix="$(date +%s | tail -c 6)"
primary_payer="$(call POST "$ELIGIBILITY/payers" "$ADMIN" '{"name":"Sandbox Health","payerType":"COMMERCIAL","x12PayerId":"P'"$suffix"'","timelyFilingDays":365}' | jq -r .id)"
secondary_payer="$(call POST "$ELIGIBILITY/payers" "$ADMIN" '{"name":"Sandbox Secondary","payerType":"COMMERCIAL","x12PayerId":"S'"$suffix"'","timelyFilingDays":365}' | jq -r .id)"
add_coverage() { # payer priority member → coverage id (eligibility must have learnt of the patient first)
  curl -sS -X POST "$ELIGIBILITY/coverages" -H "Authorization: Bearer $REGISTRAR" -H 'Content-Type: application/json' \
    -d '{"practiceId":"'"$PRACTICE"'","patientId":"'"$patient"'","payerId":"'"$1"'","memberId":"'"$3"'",
         "priority":"'"$2"'","subscriberRelationship":"SELF","effectiveDate":"2026-01-01"}' | jq -r '.id // empty'
}
for _ in $(seq 1 50); do primary="$(add_coverage "$primary_payer" PRIMARY XJH100000001)"; [ -n "$primary" ] && break; sleep 0.2; done
[ -n "$primary" ] || { echo "eligibility never learnt of the patient" >&2; exit 1; }
secondary="$(add_coverage "$secondary_payer" SECONDARY SEC200000002)"
echo "patient $patient: primary $primary, secondary $secondary; self-pay patient $selfpay"
echo "eligibility check of the primary (its benefits feed the estimate):"
call POST "$ELIGIBILITY/eligibility-checks" "$REGISTRAR" '{"coverageId":"'"$primary"'","serviceDate":"'"$DOS"'"}' | jq -c '{status, benefits: (.benefits | length)}'

step "billing provider, charge master, the primary payer's fee schedule (99211 contracted at 50.00)"
provider="$(call POST "$CLAIMS/providers" "$ADMIN" '{"practiceId":"'"$PRACTICE"'","npi":"1234567893","name":"Springfield Family Clinic",
  "entityType":"ORGANIZATION","taxonomyCode":"207Q00000X","taxId":"371234567","defaultBilling":true,
  "address":{"line1":"100 Clinic Way","city":"Springfield","state":"IL","postalCode":"627041234"}}' | jq -r .id)"
call PUT "$CLAIMS/charge-masters/$PRACTICE" "$ADMIN" 'procedureCode,description,standardCharge,cashPrice,effectiveFrom
99202,New patient visit 15-29 min,150.00,95.00,2026-01-01
99203,New patient visit 30-44 min,150.00,110.00,2026-01-01
99211,Established patient visit minimal,75.00,40.00,2026-01-01
99213,Established patient visit 20-29 min,125.00,85.00,2026-01-01
99214,Established patient visit 30-39 min,180.00,120.00,2026-01-01
81002,Urinalysis non-automated,20.00,12.00,2026-01-01' text/csv | jq -c '{items: (.items | length)}'
call PUT "$CLAIMS/fee-schedules/$primary_payer" "$ADMIN" '{"practiceId":"'"$PRACTICE"'","effectiveFrom":"2026-01-01",
  "rates":[{"procedureCode":"99211","allowed":50.00},{"procedureCode":"99213","allowed":100.00},{"procedureCode":"99214","allowed":144.00}]}' | jq -c '{effectiveFrom, version}'

claim_body() { # first diagnosis, then procedure codes: lines priced by the charge master (no chargeAmount)
  local dx="$1" lines="" code; shift
  for code in "$@"; do lines="$lines${lines:+,}"'{"procedureCode":"'"$code"'","units":1,"serviceDate":"'"$DOS"'","diagnosisPointers":[1]}'; done
  echo '{"practiceId":"'"$PRACTICE"'","patientId":"'"$patient"'","coverageId":"'"$primary"'","type":"PROFESSIONAL",
    "billingProviderId":"'"$provider"'","placeOfService":"11","diagnoses":["'"$dx"'"],"lines":['"$lines"']}'
}
step "four claims, priced by the charge master"
for _ in $(seq 1 50); do
  partial="$(curl -sS -X POST "$CLAIMS/claims" -H "Authorization: Bearer $BILLER" -H 'Content-Type: application/json' \
    -d "$(claim_body E11.9 99203 81002)" | jq -r '.id // empty')"
  [ -n "$partial" ] && break; sleep 0.2
done
[ -n "$partial" ] || { echo "claims never learnt of the patient and coverages" >&2; exit 1; }
coins="$(call POST "$CLAIMS/claims" "$BILLER" "$(claim_body I10 99214)" | jq -r .id)"
denied="$(call POST "$CLAIMS/claims" "$BILLER" "$(claim_body M54.50 99202)" | jq -r .id)"
under="$(call POST "$CLAIMS/claims" "$BILLER" "$(claim_body J06.9 99211)" | jq -r .id)"
for c in "$partial" "$coins" "$denied" "$under"; do call GET "$CLAIMS/claims/$c" "$BILLER" | jq -c '{patientControlNumber, totalCharge, codes: [.lines[].procedureCode]}'; done

status_of() { call GET "$CLAIMS/claims/$1" "$BILLER" | jq -r .status; }
status_is() { [ "$(status_of "$1")" = "$2" ]; }
submit() { # claim ids… → scrubbed, submitted in one batch, waited for until the 277CA accepted them
  local c
  for c in "$@"; do call POST "$CLAIMS/claims/$c/scrub" "$BILLER" | jq -c '{errors: [.errors[].ruleId], warnings: [.warnings[].ruleId]}'; done
  call POST "$CLAIMS/submission-batches" "$BILLER" '{"claimIds":['"$(printf '"%s",' "$@" | sed 's/,$//')"']}' | jq -c '{id, status, claims: (.claimIds // .claims | length)}'
  for c in "$@"; do until_true 90 "the 277CA of $c" status_is "$c" ACCEPTED; done
  echo "accepted: $*"
}
remit() { # the sandbox's remittance run → 835s in the mailbox; payments posts them, claims adjudicates
  curl -fsS -X POST "$SANDBOX/remittance-runs" -H 'Content-Type: application/json' -d '{}' | jq -c '.files[] | {payerId, claims, paymentAmount}'
}
adjudicated() { case "$(status_of "$1")" in PAID|PARTIALLY_PAID|DENIED) return 0 ;; *) return 1 ;; esac; }

step "submit them, the 999 and 277CA come back (ACCEPTED), then the payer's 835"
submit "$partial" "$coins" "$denied" "$under"
remit
for c in "$partial" "$coins" "$denied" "$under"; do until_true 120 "the adjudication of $c" adjudicated "$c"; done

step "99203 + 81002: PARTIALLY_PAID, with its line details"
echo "status: $(status_of "$partial")"
call GET "$CLAIMS/claims/$partial/adjudications" "$BILLER" | jq -r '.items[0] | "  CLP02 \(.claimStatusCode)  paid \(.paid)  payer claim \(.payerClaimControlNumber)",
  (.lines[] | "  line \(.lineNumber) \(.procedureCode): charge \(.charge) allowed \(.allowed) paid \(.paid)  \([.adjustments[] | "\(.groupCode)-\(.reasonCode) \(.amount)"] | join(", "))")'
[ "$(status_of "$partial")" = PARTIALLY_PAID ] || { echo "expected PARTIALLY_PAID" >&2; exit 1; }

step "99214: PAID with PR-2 coinsurance; the secondary claim appears for the Sandbox Secondary coverage"
echo "status: $(status_of "$coins")"
secondary_claim() { call GET "$CLAIMS/claims?practiceId=$PRACTICE&patientId=$patient&status=DRAFT&size=50" "$BILLER" \
  | jq -r --arg p "$coins" '.items[] | select(.primaryClaimId == $p) | .id' | head -1; }
has_secondary() { [ -n "$(secondary_claim)" ]; }
until_true 30 "the secondary claim" has_secondary
second="$(secondary_claim)"
call GET "$CLAIMS/claims/$second" "$BILLER" | jq -c '{id, status, coverageId, primaryClaimId, totalCharge}'
submit "$second"
echo "its 837 carries the primary's payment (2320/2330, 2430):"
batch="$(call GET "$CLAIMS/claims/$second/history" "$BILLER" | jq -r '[.items[] | select(.batchId)] | last | .batchId')"
call GET "$CLAIMS/submission-batches/$batch/x12" "$BILLER" | tr '~' '\n' | grep -E '^(SBR|CAS|AMT\*D|OI|NM1\*PR|SVD|DTP\*573)' | sed 's/^/  /'
remit
until_true 120 "the secondary's adjudication" adjudicated "$second"
echo "secondary claim: $(status_of "$second")"
call GET "$CLAIMS/claims/$second/adjudications" "$BILLER" | jq -c '.items[0] | {claimStatusCode, paid, patientResponsibility}'

step "99202: DENIED — the denials queue says why and what to do"
echo "status: $(status_of "$denied")"
call GET "$CLAIMS/denials?practiceId=$PRACTICE" "$BILLER" | jq -r '.items[] | "  \(.patientControlNumber)  denied \(.deniedAmount)  \(.suggestedAction)  \([.reasons[] | .text] | join("; "))"'
step "correct it (the authorization was obtained): frequency 7 with REF*F8, scrubbed and resubmitted"
correction="$(call POST "$CLAIMS/claims/$denied/corrections" "$BILLER" '{"priorAuthorization":"AUTH778899"}' | jq -r .id)"
call GET "$CLAIMS/claims/$correction" "$BILLER" | jq -c '{id, status, frequencyCode, replacesClaimId}'
submit "$correction"
batch="$(call GET "$CLAIMS/claims/$correction/history" "$BILLER" | jq -r '[.items[] | select(.batchId)] | last | .batchId')"
call GET "$CLAIMS/submission-batches/$batch/x12" "$BILLER" | tr '~' '\n' | grep -E '^(CLM|REF\*F8|REF\*G1)' | sed 's/^/  /'
echo "the payer accepted the correction (ClaimReplaced): payments moved the denied claim's charge to the correction's line"
account="$(call GET "$PAYMENTS/accounts?patientId=$patient&practiceId=$PRACTICE" "$POSTER" | jq -r 'if type == "array" then .[0].id else .items[0].id end')"
moved() { [ "$(call GET "$PAYMENTS/accounts/$account/ledger?size=100" "$POSTER" | jq --arg c "$correction" '[.items[] | select(.claimId == $c and .type == "CHARGE")] | length')" -gt 0 ]; }
until_true 30 "the correction's charge on the ledger" moved
call GET "$PAYMENTS/accounts/$account/ledger?size=100" "$POSTER" | jq -r --arg d "$denied" --arg c "$correction" \
  '.items[] | select(.claimId == $d or .claimId == $c) | select(.type == "CHARGE" or .type == "REVERSAL")
   | "  \(.type)  \(.amount)  claim \(if .claimId == $c then "correction" else "original" end)  \(.sourceReference)"'

step "99211: allowed 45.00 where the fee schedule says 50.00 — an underpayment"
has_underpayment() { [ "$(call GET "$CLAIMS/underpayments?practiceId=$PRACTICE" "$BILLER" | jq '.items | length')" -gt 0 ]; }
until_true 30 "the underpayment" has_underpayment
call GET "$CLAIMS/underpayments?practiceId=$PRACTICE" "$BILLER" | jq -r '.items[] | "  \(.patientControlNumber) \(.procedureCode): expected \(.expected) actual \(.actual) difference \(.difference)"'

step "estimates: a self-pay patient, and the insured patient (the 271's benefits)"
for _ in $(seq 1 50); do
  est="$(curl -sS -X POST "$CLAIMS/estimates" -H "Authorization: Bearer $REGISTRAR" -H 'Content-Type: application/json' \
    -d '{"practiceId":"'"$PRACTICE"'","patientId":"'"$selfpay"'","serviceDate":"'"$(date +%F)"'","procedureCodes":["99213","81002"]}')"
  [ -n "$(echo "$est" | jq -r '.id // empty')" ] && break; sleep 0.2
done
echo "$est" | jq -c '{selfPay: true, lines: [.lines[] | {procedureCode, charge, patientResponsibility}], totalPatientResponsibility}'
call POST "$CLAIMS/estimates" "$REGISTRAR" '{"practiceId":"'"$PRACTICE"'","patientId":"'"$patient"'","coverageId":"'"$primary"'",
  "serviceDate":"'"$DOS"'","procedureCodes":["99213","81002"]}' \
  | jq -r '"  insured: charge \(.totalCharge) allowed \(.totalAllowed) patient \(.totalPatientResponsibility)", (.assumptions[] | "    - \(.)")'
step "done: partly paid with its lines, a secondary claim billed and paid, a denial worked and corrected, an underpayment found, two estimates"
