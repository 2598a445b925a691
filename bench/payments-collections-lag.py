"""bench/payments-collections-lag.sh's figures, from three CSVs (epoch ms):
  load.csv         account_id,phase,sent_ms,responded_ms,status,payment_id,visible_ms   (bench/payments-collections-rate.java)
  payments.csv     account_id,payment_id,posted_ms,event_id,published_ms,balance,version  (payments' database)
  collections.csv  account_id,updated_ms,balance,version                               (collections' database)
  inbox.csv        event_id,received_ms  (collections' inbox rows of AccountBalanceChanged: the batch's handling done)
Only the measured phase counts. Prints the lag lines, the parts it is made of, what is missing and what disagrees."""
import csv
import sys

load = [r for r in csv.DictReader(open(sys.argv[1])) if r["phase"] == "measured"]
pay = {r[0]: r for r in csv.reader(open(sys.argv[2])) if r}
col = {r[0]: r for r in csv.reader(open(sys.argv[3])) if r}
inbox = {r[0]: float(r[1]) for r in csv.reader(open(sys.argv[4])) if r}


def stats(name, values, note=""):
    v = sorted(values)
    if not v:
        print(f"{name}: none")
        return
    def pct(p): return v[min(len(v) - 1, int(p / 100 * len(v)))]
    print(f"{name}: n={len(v)} p50={pct(50):.0f} p90={pct(90):.0f} p99={pct(99):.0f} max={v[-1]:.0f} ms{note}")


ok = [r for r in load if r["status"] == "201"]
posted = [pay[r["account_id"]] for r in ok if r["account_id"] in pay]
first = min(float(p[2]) for p in posted)
last = max(float(p[2]) for p in posted)
print(f"payments: {len(load)} sent, {len(ok)} answered 201, {len(posted)} committed in payments over "
      f"{(last - first) / 1000:.1f}s = {len(posted) / max((last - first) / 1000, 0.001):.0f}/s")

applied, visible, client, relay, consume, batch, commit = [], [], [], [], [], [], []
missing, mismatched = [], []
for r in ok:
    a = r["account_id"]
    p = pay.get(a)
    c = col.get(a)
    if p is None:
        continue
    if c is None or not c[1]:
        missing.append(a)
        continue
    posted_ms, published_ms = float(p[2]), float(p[4]) if p[4] else None
    updated_ms = float(c[1])
    applied.append(updated_ms - posted_ms)
    if r["visible_ms"]:
        visible.append(float(r["visible_ms"]) - posted_ms)
        client.append(float(r["visible_ms"]) - float(r["responded_ms"]))
        if p[3] in inbox:
            commit.append(float(r["visible_ms"]) - inbox[p[3]])
    if p[3] in inbox:
        batch.append(inbox[p[3]] - updated_ms)
    if published_ms is not None:
        relay.append(published_ms - posted_ms)
        consume.append(updated_ms - published_ms)
    if p[5] != c[2] or p[6] != c[3]:
        mismatched.append(a)

stats("lag posted in payments -> balance applied in collections", applied,
      " (payment.posted_at -> account.updated_at, both taken in their transactions)")
stats("lag posted in payments -> balance visible in collections", visible,
      " (-> first poll of collections' database that sees the new balance_version)")
stats("lag payments' 201 answer -> balance visible in collections", client, " (what the partner would see)")
stats("  part: posted -> payments' outbox row marked published", relay,
      " (commit, relay wake-up + linger, send, broker ack, mark)")
stats("  part: published -> applied in collections", consume, " (fetch, batch, apply up to this account)")
stats("  part: applied -> the batch's events handled", batch, " (the rest of the inbox batch: inbox_event.received_at)")
stats("  part: handled -> visible", commit, " (work queue recomputed, commit; the poll's interval)")
print(f"missing in collections: {len(missing)} of {len(posted)}" + (f" (e.g. {missing[:3]})" if missing else ""))
print(f"balance or version different in collections from payments: {len(mismatched)}"
      + (f" (e.g. {mismatched[:3]})" if mismatched else ""))
