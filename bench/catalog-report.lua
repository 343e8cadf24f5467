-- wrk reporter for bench/catalog.sh: one line with p50, p95, p99 (ms), requests per second and non-2xx/errors.
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT p50=%.1f p95=%.1f p99=%.1f rps=%.0f non2xx=%d errors=%d timeouts=%d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6), summary.errors.status, errors, summary.errors.timeout))
end
