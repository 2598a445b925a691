-- wrk script: name-prefix searches over the seeded practice (names use the letters a..p).
-- Usage: TOKEN=... PRACTICE=bench-search PREFIX=3 wrk -t2 -c8 -d30s --latency -s bench/search.lua http://127.0.0.1:8081
local token = os.getenv("TOKEN")
local practice = os.getenv("PRACTICE") or "bench-search"
local prefix = tonumber(os.getenv("PREFIX") or "3")

function setup(thread)
  thread:set("id", tostring(math.random(1, 1000000000)))
end

function init(args)
  math.randomseed(os.time() + tonumber(id or "0"))
end

request = function()
  local s = {}
  for i = 1, prefix do s[i] = string.char(97 + math.random(0, 15)) end
  return wrk.format("GET", "/patients?practiceId=" .. practice .. "&size=20&name=" .. table.concat(s),
    { ["Authorization"] = "Bearer " .. token })
end

done = function(summary, latency, requests)
  io.write(string.format("p50=%.2fms p99=%.2fms non2xx_or_errors=%d\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
