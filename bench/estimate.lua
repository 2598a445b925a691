-- wrk script: every request asks an insured estimate of three procedure codes for a random seeded patient.
-- Usage: TOKEN=... PRACTICE=... PATIENTS=10000 wrk -t2 -c32 -d10s --latency -s bench/estimate.lua http://127.0.0.1:18083
local token = os.getenv("TOKEN")
local practice = os.getenv("PRACTICE")
local ids = {}

function init(args)
  for line in io.lines(os.getenv("IDS")) do
    local patient, coverage = line:match("([^,]+),([^,]+)")
    ids[#ids + 1] = {patient, coverage}
  end
  math.randomseed(os.time() + math.random(1, 100000))
end

request = function()
  local pick = ids[math.random(1, #ids)]
  local a, b, c = math.random(0, 1999), math.random(0, 1999), math.random(0, 1999)
  local body = string.format('{"practiceId":"%s","patientId":"%s","coverageId":"%s","serviceDate":"2026-11-20",' ..
    '"procedureCodes":["E%04d","E%04d","E%04d"]}', practice, pick[1], pick[2], a, b, c)
  return wrk.format("POST", "/estimates", {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}, body)
end

done = function(summary, latency, requests)
  io.write(string.format("p50=%.2fms p99=%.2fms non2xx_or_errors=%d\n", latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.errors.connect + summary.errors.read + summary.errors.write +
    summary.errors.status + summary.errors.timeout))
end
