-- wrk script: like percentiles.lua, plus the number of requests answered (to set against the
-- visits the site wrote).
done = function(summary, latency, requests)
  io.write(string.format("BENCH %.0f %.1f %.1f %.1f %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests))
end
