"""p50/p99 of the lag per patient: when eligibility's read model learnt it minus when patients
registered it; two CSVs patient_id,epoch_ms."""
import sys
written = dict(l.strip().split(",") for l in open(sys.argv[1]) if l.strip())
applied = dict(l.strip().split(",") for l in open(sys.argv[2]) if l.strip())
lags = sorted(float(applied[i]) - float(t) for i, t in written.items() if i in applied)
missing = len(written) - len(lags)
def pct(p): return lags[min(len(lags) - 1, int(p / 100 * len(lags)))]
print(f"events={len(written)} applied={len(lags)} missing={missing} lag_ms p50={pct(50):.0f} p90={pct(90):.0f} p99={pct(99):.0f} max={lags[-1]:.0f}")
