-- wrk script: every request posts a partner-style payment (unique Idempotency-Key and reference) to one of
-- ACCOUNTS accounts, listed one per line in the file ACCOUNT_FILE.
-- Usage: TOKEN=... PRACTICE=bench ACCOUNT_FILE=/tmp/accounts wrk -t2 -c32 -d10s --latency -s bench/pay.lua http://127.0.0.1:18084
local token = os.getenv("TOKEN")
local practice = os.getenv("PRACTICE") or "bench"
local accounts = {}
for line in io.lines(os.getenv("ACCOUNT_FILE")) do accounts[#accounts + 1] = line end
local counter = 0

function setup(thread)
  thread:set("id", tostring(math.random(1, 1000000000)))
end

function init(args)
  math.randomseed(os.time() + tonumber(id or "0"))
  prefix = tostring(id or "0") .. "-" .. tostring(math.random(1, 1000000000))
end

request = function()
  counter = counter + 1
  local ref = prefix .. "-" .. counter
  local body = string.format(
    '{"practiceId":"%s","accountId":"%s","amount":%d.%02d,"method":"CARD","reference":"%s","receivedAt":"2026-10-06T10:00:00Z"}',
    practice, accounts[math.random(1, #accounts)], math.random(1, 90), math.random(0, 99), ref)
  return wrk.format("POST", "/payments", {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = ref,
  }, body)
end

done = function(summary, latency, requests)
  io.write(string.format("p50=%.2fms p99=%.2fms non2xx_or_errors=%d\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
