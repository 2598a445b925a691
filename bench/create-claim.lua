-- wrk script: every request creates a claim (two lines) for a random patient of the seeded practice.
-- Usage: TOKEN=... PRACTICE=... IDS=/tmp/ids.txt wrk -t2 -c32 -d10s --latency -s bench/create-claim.lua http://127.0.0.1:18083
local token = os.getenv("TOKEN")
local practice = os.getenv("PRACTICE")
local provider = os.getenv("PROVIDER")
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
  local body = string.format(
    '{"practiceId":"%s","patientId":"%s","coverageId":"%s","type":"PROFESSIONAL","billingProviderId":"%s",' ..
    '"placeOfService":"11","diagnoses":["E11.9","I10"],"lines":[' ..
    '{"procedureCode":"99213","modifiers":["25"],"units":1,"chargeAmount":125.00,"serviceDate":"2026-11-20","diagnosisPointers":[1]},' ..
    '{"procedureCode":"81002","modifiers":[],"units":1,"chargeAmount":25.00,"serviceDate":"2026-11-20","diagnosisPointers":[1,2]}]}',
    practice, pick[1], pick[2], provider)
  return wrk.format("POST", "/claims", {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}, body)
end

done = function(summary, latency, requests)
  io.write(string.format("p50=%.2fms p99=%.2fms non2xx_or_errors=%d\n", latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.errors.connect + summary.errors.read + summary.errors.write +
    summary.errors.status + summary.errors.timeout))
end
