#!/usr/bin/env python3
"""Who used the machine's CPU over a window: each process's user + system time from /proc, at the start and the end,
as a share of one core, grouped by what it is (PostgreSQL sessions by database and application_name).

   bench/cpu-by-process.py SECONDS [PID=LABEL ...]

PID=LABEL names processes of one's own (e.g. the services' JVMs); the rest are told apart by their command line.
Reads pg_stat_activity as the postgres user (runuser), at the start and the end, so short sessions are named too."""
import collections
import os
import subprocess
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")


def snapshot():
    ticks = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as f:
                stat = f.read()
            with open(f"/proc/{pid}/cmdline") as f:
                cmd = f.read().replace("\0", " ").strip()
        except OSError:
            continue  # ended meanwhile
        fields = stat[stat.rindex(")") + 2:].split()
        ticks[pid] = (int(fields[11]) + int(fields[12]), cmd)
    return ticks


def sessions():
    out = subprocess.run(["runuser", "-u", "postgres", "--", "psql", "-XAtq", "-F", "|", "-d", "postgres", "-c",
                          "SELECT pid, coalesce(datname, ''), coalesce(application_name, ''), backend_type "
                          "FROM pg_stat_activity"], capture_output=True, text=True).stdout
    named = {}
    for line in out.splitlines():
        pid, db, app, kind = line.split("|", 3)
        named[pid] = f"PostgreSQL {db} {app}".strip() if db else f"PostgreSQL {kind}"
    return named


def label(pid, cmd, own, pg):
    if pid in own:
        return own[pid]
    if pid in pg:
        return pg[pid]
    if "payments-collections-rate" in cmd:
        return "load generator (bench/payments-collections-rate.java)"
    if "kafka.Kafka" in cmd:
        return "Kafka broker " + ("kafka-test" if "kafka-test" in cmd else "kafka")
    if cmd.startswith("postgres") or "/postgres" in cmd.split(" ")[0]:
        return "PostgreSQL other"
    return (cmd.split(" ")[0].rsplit("/", 1)[-1] or "kernel and ended processes")[:40]


def main():
    seconds = float(sys.argv[1])
    own = dict(a.split("=", 1) for a in sys.argv[2:])
    pg = sessions()
    before, start = snapshot(), time.time()
    time.sleep(seconds)
    after, elapsed = snapshot(), time.time() - start
    pg.update(sessions())
    use = collections.Counter()
    for pid, (ticks, cmd) in after.items():
        use[label(pid, cmd, own, pg)] += (ticks - before.get(pid, (0, ""))[0]) / TICK / elapsed
    print(f"CPU by process over {elapsed:.0f} s of the measured part: {sum(use.values()) * 100:.0f} % of one core "
          f"in all ({os.cpu_count()} cores)")
    for what, share in use.most_common():
        if share >= 0.005:
            print(f"  {share * 100:5.1f} %  {what}")


if __name__ == "__main__":
    main()
