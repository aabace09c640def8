-- wrk script for the campaign-day benchmark: rotate over the addresses in $URLS (one path a
-- line), each connection starting elsewhere in the list, accepting gzip like a browser; at the
-- end print one line: requests/s, p50/p95/p99 in ms, and the answers that were not 2xx/3xx.
local paths = {}
for line in io.lines(os.getenv("URLS")) do
  if line ~= "" then paths[#paths + 1] = line end
end
local counter = 0

init = function(args)
  counter = math.random(#paths)
end

request = function()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter], {
    ["Accept-Encoding"] = "gzip",
    ["X-Forwarded-Proto"] = "https",
  })
end

done = function(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read
    + summary.errors.write + summary.errors.timeout
  io.write(string.format("CAMPAIGN %.0f %.1f %.1f %.1f %d %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    errors, summary.requests))
end
