"""Registers patients at a steady rate (bench/consumer.sh): RATE per second for SECONDS, over a pool
of keep-alive connections; prints how many were sent, how many answered 201 and the achieved rate."""
import http.client, json, os, sys, threading, time, uuid
from concurrent.futures import ThreadPoolExecutor

port, rate, seconds, token = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), os.environ["TOKEN"]
local = threading.local()
LETTERS = str.maketrans("0123456789abcdef", "abcdefghijklmnop")  # names are letters only
ok = [0]
failed = [0]
statuses = {}
lock = threading.Lock()

def register(i):
    if not hasattr(local, "conn"):
        local.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    body = json.dumps({"practiceId": "bench", "firstName": "Ana", "lastName": "Lag" + uuid.uuid4().hex[:10].translate(LETTERS),
                       "dateOfBirth": "1984-03-09", "sex": "F",
                       "address": {"line1": "12 Main St", "city": "Springfield", "state": "IL", "postalCode": "62704"}})
    try:
        local.conn.request("POST", "/patients?allowDuplicate=true", body,
                           {"Authorization": "Bearer " + token, "Content-Type": "application/json"})
        r = local.conn.getresponse(); r.read()
        good = r.status == 201
        status = r.status
    except Exception as e:
        local.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        good = False
        status = type(e).__name__
    with lock:
        statuses[status] = statuses.get(status, 0) + 1
        if good: ok[0] += 1
        else: failed[0] += 1

total = int(rate * seconds)
start = time.monotonic()
with ThreadPoolExecutor(max_workers=24) as pool:
    for i in range(total):
        due = start + i / rate
        delay = due - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        pool.submit(register, i)
elapsed = time.monotonic() - start
print(f"sent={total} created={ok[0]} failed={failed[0]} over {elapsed:.1f}s ({total/elapsed:.0f}/s offered)" + ("" if not failed[0] else f" statuses={statuses}"))
