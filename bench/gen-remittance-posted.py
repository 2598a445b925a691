#!/usr/bin/env python3
"""bench/claims-adjudication.sh: the RemittancePosted events payments publishes for one 835 of N claims, one per
CLP, as `key<TAB>CloudEvent JSON` lines (key = the account id). Claim i is md5('adj-claim-' || i) (seed-adjudication.sql).
Mix: every tenth claim denied (CLP02 4, CO-29 timely filing), two in ten partly paid (line 2 CO-16 with RARC M51),
the rest paid with CO-45 and PR-2 coinsurance."""
import hashlib, json, sys, uuid, datetime

def md5uuid(text):
    return str(uuid.UUID(hashlib.md5(text.encode()).hexdigest()))

n, practice, remittance = int(sys.argv[1]), sys.argv[2], sys.argv[3]
now = datetime.datetime.now(datetime.timezone.utc).isoformat().replace('+00:00', 'Z')
out = sys.stdout
for i in range(1, n + 1):
    claim = md5uuid(f'adj-claim-{i}')
    account = md5uuid(f'bench-account-{1 + i % 1000}')
    cas = lambda g, c, a, r=None: {k: v for k, v in (('groupCode', g), ('reasonCode', c), ('remarkCode', r), ('amount', a)) if v is not None}
    def line(no, code, charge, paid, allowed, pr, adj):
        return {'claimLineId': md5uuid(f'adj-line-{i}-{no}'), 'lineNumber': no, 'procedureCode': code, 'charge': charge,
                'paid': paid, 'allowed': allowed, 'adjustments': adj, 'patientResponsibility': pr}
    if i % 10 == 0:
        clp02, paid, pr, claim_cas, lines = '4', 0.00, 0.00, [cas('CO', '29', 150.00)], []
    elif i % 10 in (1, 2):
        clp02, paid, pr, claim_cas = '1', 80.00, 20.00, []
        lines = [line(1, '99213', 125.00, 80.00, 100.00, 20.00, [cas('CO', '45', 25.00), cas('PR', '2', 20.00)]),
                 line(2, '81002', 25.00, 0.00, 0.00, 0.00, [cas('CO', '16', 25.00, 'M51')])]
    else:
        clp02, paid, pr, claim_cas = '1', 100.00, 25.00, []
        lines = [line(1, '99213', 125.00, 80.00, 100.00, 20.00, [cas('CO', '45', 25.00), cas('PR', '2', 20.00)]),
                 line(2, '81002', 25.00, 20.00, 25.00, 5.00, [cas('PR', '2', 5.00)])]
    data = {'remittanceId': remittance, 'traceNumber': 'BENCH' + remittance[:8], 'payerId': 'SBX01', 'accountId': account,
            'patientId': md5uuid(f'bench-patient-{1 + i % 1000}'), 'practiceId': practice, 'claimId': claim,
            'patientControlNumber': 'AJ%010d' % i, 'claimStatusCode': clp02, 'paidDate': '2026-11-30',
            'payerClaimControlNumber': 'PCCN%08d' % i, 'charge': 150.00, 'paid': paid, 'patientResponsibility': pr,
            'claimAdjustments': claim_cas, 'lines': lines, 'version': 2}
    event = {'specversion': '1.0', 'id': str(uuid.uuid4()), 'source': 'revcycle/payments', 'type': 'RemittancePosted',
             'time': now, 'subject': account, 'datacontenttype': 'application/json', 'data': data}
    out.write(account + '\t' + json.dumps(event, separators=(',', ':')) + '\n')
