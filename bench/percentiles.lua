-- wrk script: print one machine-readable line with requests/s and latency percentiles in ms.
done = function(summary, latency, requests)
  io.write(string.format("BENCH %.0f %.1f %.1f %.1f\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
