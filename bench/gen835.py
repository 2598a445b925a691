#!/usr/bin/env python3
"""A balanced 835 (005010X221A1) paying claims that bench/seed-payments.sql put on file.

bench/payments-835.sh: python3 bench/gen835.py --claims 10000 --first 1 --stride 100 --trace B835-... > file.x12

The seeded claim n (1-based) of the practice is derived from n alone, here and in the seed (keep both in step):
  patient control number  'BP' || lpad(n, 10, '0')       (the other practice's: 'BQ' ...)
  lines                   1 + n % 3, numbered 1..3 (REF*6R carries the line number: we send no control number)
  service date            2026-01-05 + n % 300 days (every line of the claim)
  line l procedure code   CODES[(n + l) % 6]
  line l charge           60 + (7n + 31l) % 240 + 0.25 * ((n + l) % 4)
This file pays claims n = first + i * stride for i < claims, one CLP each, in that order:
  - every 97th claim of the file (i % 97 == 48) is denied: CLP02 4, CLP04 0, per line SVC03 0 and CAS CO-50 of
    the whole charge;
  - the others are processed as primary (CLP02 1): per line allowed = round(0.70 * charge), CAS CO-45 of
    charge - allowed and, by (n + l) % 4, PR-1 deductible min(20, allowed), PR-2 coinsurance round(0.2 * allowed),
    PR-3 copay 15.00, or no patient share; SVC03 = allowed - patient share; AMT*B6 allowed;
  - --foreign K more CLPs name claims of another practice (BQ...) or of nobody: they must stay unmatched.
  A PLB: interest L6 -12.34 (paid to the practice) and a recoupment WO +25.00 (withheld).
Balanced exactly: BPR02 = sum CLP04 - sum PLB; CLP03 - CLP04 = sum CAS (all line-level); SVC02 - SVC03 = its CAS.
A summary (JSON, totals as strings) goes to stderr, or to --summary FILE.
"""
import argparse
import json
import sys
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

CODES = ["99213", "99214", "85025", "80053", "93000", "71046"]
CENT = Decimal("0.01")
BASE_DATE = date(2026, 1, 5)


def pcn(prefix, n):
    return "%s%010d" % (prefix, n)


def lines_of(n):
    """[(line number, procedure code, charge)] of seeded claim n, as bench/seed-payments.sql makes them."""
    out = []
    for l in range(1, 1 + 1 + n % 3):
        charge = Decimal(60 + (7 * n + 31 * l) % 240) + Decimal("0.25") * ((n + l) % 4)
        out.append((l, CODES[(n + l) % 6], charge.quantize(CENT)))
    return out


def service_date(n):
    return BASE_DATE + timedelta(days=n % 300)


def money(d):
    """X12 decimal: no trailing zeros beyond what is needed, never an exponent."""
    s = format(d.quantize(CENT), "f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return s if s not in ("", "-0") else "0"


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--claims", type=int, default=10000)
    p.add_argument("--first", type=int, default=1)
    p.add_argument("--stride", type=int, default=100)
    p.add_argument("--trace", default="B835-TRACE-1")
    p.add_argument("--payer-id", default="1512345678", help="TRN03 (the payer's company id)")
    p.add_argument("--payer-name", default="SANDBOX HEALTH PLAN")
    p.add_argument("--npi", default="1234567893")
    p.add_argument("--paid-on", default="20261130", help="BPR16, CCYYMMDD")
    p.add_argument("--control", type=int, default=835001, help="ISA13 / GS06")
    p.add_argument("--foreign", type=int, default=0, help="extra CLPs of another practice's claims (or unknown)")
    p.add_argument("--foreign-first", type=int, default=1, help="the first of the other practice's claims named")
    p.add_argument("--summary", help="write the summary JSON here instead of stderr")
    a = p.parse_args()

    seg = []
    total_paid = Decimal(0)
    total_charge = Decimal(0)
    total_co = Decimal(0)
    total_pr = Decimal(0)
    lines_total = 0
    denials = 0
    numbers = []

    def claim(prefix, n, denied, status_claim_no):
        nonlocal total_paid, total_charge, total_co, total_pr, lines_total
        dos = service_date(n).strftime("%Y%m%d")
        body = []
        charge_sum = paid_sum = pr_sum = Decimal(0)
        for l, code, charge in lines_of(n):
            cas = []
            if denied:
                allowed = Decimal(0)
                paid = Decimal(0)
                cas.append(("CO", "50", charge))
            else:
                allowed = (charge * Decimal("0.70")).quantize(CENT, ROUND_HALF_UP)
                kind = (n + l) % 4
                if kind == 0:
                    share = ("1", min(Decimal(20), allowed))
                elif kind == 1:
                    share = ("2", (allowed * Decimal("0.20")).quantize(CENT, ROUND_HALF_UP))
                elif kind == 2:
                    share = ("3", Decimal("15.00"))
                else:
                    share = None
                paid = allowed - (share[1] if share else 0)
                if charge - allowed:
                    cas.append(("CO", "45", charge - allowed))
                if share:
                    cas.append(("PR", share[0], share[1]))
                    pr_sum += share[1]
            assert paid >= 0 and charge - paid == sum(c[2] for c in cas)
            body.append("SVC*HC:%s*%s*%s**1" % (code, money(charge), money(paid)))
            body.append("DTM*472*" + dos)
            for g, r, amt in cas:
                if g == "CO" and not denied:
                    total_co += amt
                body.append("CAS*%s*%s*%s" % (g, r, money(amt)))
            body.append("REF*6R*%d" % l)
            if not denied:
                body.append("AMT*B6*" + money(allowed))
            charge_sum += charge
            paid_sum += paid
            lines_total += 1
        total_paid += paid_sum
        total_charge += charge_sum
        total_pr += pr_sum
        seg.append("CLP*%s*%s*%s*%s*%s*12*%s*11*1" % (pcn(prefix, n), "4" if denied else "1", money(charge_sum),
                                                   money(paid_sum), money(pr_sum), "PCC%014d" % status_claim_no))
        seg.append("NM1*QC*1*BENCH*PAT%d****MI*M%d" % (n, n))
        seg.append("DTM*232*" + dos)
        seg.extend(body)

    seg.append("BPR*I*@TOTAL@*C*ACH*CCP*01*999999999*DA*123456*1512345678**01*999988880*DA*98765*" + a.paid_on)
    seg.append("TRN*1*%s*%s" % (a.trace, a.payer_id))
    seg.append("DTM*405*" + a.paid_on)
    seg.append("N1*PR*" + a.payer_name)
    seg.append("N3*1 PAYER WAY")
    seg.append("N4*SPRINGFIELD*IL*62701")
    seg.append("PER*BL*PROVIDER SERVICES*TE*8005550100")
    seg.append("N1*PE*BENCH CLINIC*XX*" + a.npi)
    seg.append("REF*TJ*371234567")
    seg.append("LX*1")
    for i in range(a.claims):
        n = a.first + i * a.stride
        denied = i % 97 == 48
        denials += denied
        numbers.append(n)
        claim("BP", n, denied, i + 1)
    own = {"claimsPaid": money(total_paid), "contractual": money(total_co), "patientResponsibility": money(total_pr)}
    for k in range(a.foreign):
        # even: a claim of the other practice; odd: a control number nobody has
        claim("BQ" if k % 2 == 0 else "BX", a.foreign_first + k, False, a.claims + k + 1)
    plb = [("L6", "INTEREST1", Decimal("-12.34")), ("WO", "RECOUP1", Decimal("25.00"))]
    seg.append("PLB*%s*20261231*%s" % (a.npi, "*".join("%s:%s*%s" % (c, r, money(v)) for c, r, v in plb)))
    plb_total = sum(v for _, _, v in plb)
    bpr = total_paid - plb_total
    assert bpr > 0
    seg[0] = seg[0].replace("@TOTAL@", money(bpr))

    ctl = "%09d" % a.control
    out = sys.stdout
    out.write("ISA*00*          *00*          *ZZ*%-15s*ZZ*%-15s*261201*1200*^*00501*%s*0*T*:~\n"
              % ("PAYERSANDBOX", "REVCYCLE", ctl))
    out.write("GS*HP*PAYERSANDBOX*REVCYCLE*20261201*1200*%d*X*005010X221A1~\n" % a.control)
    out.write("ST*835*0001*005010X221A1~\n")
    for s in seg:
        out.write(s + "~\n")
    out.write("SE*%d*0001~\nGE*1*%d~\nIEA*1*%s~\n" % (len(seg) + 2, a.control, ctl))

    summary = {
        "claims": a.claims, "foreign": a.foreign, "first": a.first, "stride": a.stride, "last": numbers[-1] if numbers else None,
        "lines": lines_total, "denials": denials, "segments": len(seg) + 6, "trace": a.trace,
        "paymentAmount": money(bpr), "claimsPaid": money(total_paid), "charged": money(total_charge),
        "contractual": money(total_co), "patientResponsibility": money(total_pr), "plb": money(plb_total),
        "ofThePractice": own,
    }
    text = json.dumps(summary)
    if a.summary:
        with open(a.summary, "w") as f:
            f.write(text + "\n")
    else:
        sys.stderr.write(text + "\n")


if __name__ == "__main__":
    main()
