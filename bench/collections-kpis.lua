-- wrk script for bench/collections-kpis.sh: GET /kpis (a month, `to` drawn over the last year) or GET /aging
-- (`asOf` drawn over a year either side of today) of the seeded practice.
-- Usage: TOKEN=... PRACTICE=bench-kpis ENDPOINT=kpis|aging wrk -t2 -c4 -d20s --latency -s bench/collections-kpis.lua URL
local token = os.getenv("TOKEN")
local practice = os.getenv("PRACTICE") or "bench-kpis"
local endpoint = os.getenv("ENDPOINT") or "kpis"
local day = 86400

function setup(thread)
  thread:set("id", tostring(math.random(1, 1000000000)))
end

function init(args)
  math.randomseed(os.time() + tonumber(id or "0"))
end

request = function()
  local path
  if endpoint == "kpis" then
    local to = os.time() - math.random(1, 365) * day
    path = "/kpis?practiceId=" .. practice .. "&from=" .. os.date("!%Y-%m-%d", to - 29 * day) .. "&to=" .. os.date("!%Y-%m-%d", to)
  else
    path = "/aging?practiceId=" .. practice .. "&asOf=" .. os.date("!%Y-%m-%d", os.time() + math.random(-365, 365) * day)
  end
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. token })
end

done = function(summary, latency, requests)
  io.write(string.format("p50=%.2fms p99=%.2fms max=%.2fms non2xx_or_errors=%d\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
