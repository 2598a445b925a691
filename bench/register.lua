-- wrk script: every request registers a new, unique patient (so none is refused as a duplicate).
-- Usage: TOKEN=... PRACTICE=bench wrk -t2 -c32 -d30s --latency -s bench/register.lua http://127.0.0.1:8081
local token = os.getenv("TOKEN")
local practice = os.getenv("PRACTICE") or "bench"
local counter = 0

local function letters(n)
  local s = {}
  for i = 1, n do s[i] = string.char(97 + math.random(0, 15)) end
  return table.concat(s)
end

function setup(thread)
  thread:set("id", tostring(math.random(1, 1000000000)))
end

function init(args)
  math.randomseed(os.time() + tonumber(id or "0"))
end

request = function()
  counter = counter + 1
  local body = string.format(
    '{"practiceId":"%s","firstName":"Pat%s","lastName":"Bench%s","dateOfBirth":"%04d-%02d-%02d","sex":"F",' ..
    '"ssn":"%03d%02d%04d","address":{"line1":"12 Main St","city":"Springfield","state":"IL","postalCode":"62704"},' ..
    '"phone":"2175550199","email":"bench@example.com"}',
    practice, letters(6), letters(10), math.random(1930, 2019), math.random(1, 12), math.random(1, 28),
    math.random(100, 664), math.random(10, 98), math.random(1000, 9998))
  return wrk.format("POST", "/patients", {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json"
  }, body)
end

local non201 = 0
response = function(status, headers, body)
  if status ~= 201 then non201 = non201 + 1 end
end

done = function(summary, latency, requests)
  io.write(string.format("p50=%.2fms p99=%.2fms non2xx_or_errors=%d\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
