#!/usr/bin/env python3
"""Where one thread spends its time, from a JFR recording's execution and native-method samples (running and
waiting in native code, e.g. a socket read: together close to wall-clock time).

   jfr print --json --events jdk.ExecutionSample,jdk.NativeMethodSample rec.jfr | bench/jfr-frames.py THREAD [N]

Prints the N (15) most frequent revcycle frames nearest the top of the stack, each with its samples' share and the
most frequent top frame under it."""
import collections
import json
import sys

thread, top_n = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 15


def name(frame):
    m = frame["method"]
    return "%s.%s:%s" % (m["type"]["name"].replace("/", ".").rsplit(".", 1)[-1], m["name"], frame.get("lineNumber"))


events = json.load(sys.stdin)["recording"]["events"]
by_app = collections.Counter()
tops = collections.defaultdict(collections.Counter)
kinds = collections.Counter()
total = 0
for e in events:
    v = e["values"]
    if (v.get("sampledThread") or {}).get("javaName") != thread or not v.get("stackTrace"):
        continue
    frames = v["stackTrace"]["frames"]
    total += 1
    kinds[e["type"]] += 1
    app = next((name(f) for f in frames if f["method"]["type"]["name"].startswith("dev/revcycle/")), "(no revcycle frame)")
    by_app[app] += 1
    tops[app][name(frames[0])] += 1
print("%d samples of %s (%s)" % (total, thread, ", ".join("%s %d" % (k.split(".")[-1], n) for k, n in kinds.items())))
for app, n in by_app.most_common(top_n):
    top, m = tops[app].most_common(1)[0]
    print("%6.1f %%  %s   (top: %s, %d)" % (100.0 * n / max(total, 1), app, top, m))
