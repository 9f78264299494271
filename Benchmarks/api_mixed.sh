#!/usr/bin/env bash
# Mixed load on a large list (issue 15's target): 60,000 referrals, 8 writers (one SENCO token
# each, submitting) and 4 readers (a leader paging the waiting list, SENCOs paging their
# referrals) at once, with wrk on loopback only, bounded in time. Prints writes a second and the
# readers' latency; the target on this 2-core machine is >= 1,000 writes/s and p99 < 50 ms.
# Usage (repository root): bash Benchmarks/api_mixed.sh [SECONDS] [REFERRALS]
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-20}"; count="${2:-60000}"; port=18283
command -v wrk >/dev/null || { apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }; }
swift build -c release --product caseload >/dev/null
swift build -c release --product caseload-bench >/dev/null
bin=.build/release/caseload
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
opts=(--db "$work/mixed.sqlite" --config "$work/trust.yaml" --as-of 2026-11-23)
"$bin" init "${opts[@]}" >/dev/null
"$bin" import schools Fixtures/schools/the_kemnal_academies_trust.csv --sen Fixtures/schools/the_kemnal_academies_trust_sen_extra.csv \
  --skip-bad-rows "${opts[@]}" >/dev/null 2>&1
"$bin" import specialists Fixtures/trust/roster.csv "${opts[@]}" >/dev/null
.build/release/caseload-bench referrals-csv "$count" >"$work/referrals.csv"
"$bin" import referrals "$work/referrals.csv" --existing-list "${opts[@]}"
schools=($(sqlite3 "$work/mixed.sqlite" "SELECT urn FROM school ORDER BY urn LIMIT 12"))
writers=""; for k in $(seq 0 7); do
  writers+="\"$("$bin" token create "${opts[@]}" --role senco --school "${schools[$k]}" --label "w$k" | awk 'NR == 1 {print $NF}')\","
done
leader=$("$bin" token create "${opts[@]}" --role leader --label reader | awk 'NR == 1 {print $NF}')
readers=""; for k in 8 9 10; do
  readers+="\"$("$bin" token create "${opts[@]}" --role senco --school "${schools[$k]}" --label "r$k" | awk 'NR == 1 {print $NF}')\","
done
"$bin" serve "${opts[@]}" --port "$port" --writes-per-minute 0 >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done

cat >"$work/write.lua" <<LUA
local tokens = { $writers }
local n, counter = 0, 0
local threads = {}
function setup(thread) n = n + 1; thread:set("tid", n); table.insert(threads, thread) end
function init(args) end
function request()
  counter = counter + 1
  local body = string.format('{"pupil_ref":"M%d-%d","year_group":8,"service":"SALT","area":"communication_interaction","severity":4,"apdr_cycles":1,"consent":true}', tid, counter)
  return wrk.format("POST", "/v1/referrals", {["Authorization"] = "Bearer " .. tokens[tid], ["Content-Type"] = "application/json"}, body)
end
function done(summary, latency, requests)
  io.write(string.format("RESULT writes=%d non2xx=%d rate=%.0f/s p50=%.2fms p99=%.2fms\n", summary.requests, summary.errors.status,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
LUA
cat >"$work/read.lua" <<LUA
local senco = { $readers }
local k = 0
function request()
  k = k + 1
  local page = (k % 20) + 1
  if k % 2 == 0 then
    return wrk.format("GET", "/v1/waitlist?page=" .. page, {["Authorization"] = "Bearer $leader"})
  end
  return wrk.format("GET", "/v1/referrals?page=" .. (k % 3 + 1), {["Authorization"] = "Bearer " .. senco[(k % 3) + 1]})
end
function done(summary, latency, requests)
  io.write(string.format("RESULT reads=%d non2xx=%d rate=%.0f/s p50=%.2fms p99=%.2fms\n", summary.requests, summary.errors.status,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
LUA
echo "$count referrals; 8 writers and 4 readers for ${secs}s"
wrk -t8 -c8 -d"${secs}s" --latency -s "$work/write.lua" "http://127.0.0.1:$port" >"$work/w.out" &
w=$!
wrk -t2 -c4 -d"${secs}s" --latency -s "$work/read.lua" "http://127.0.0.1:$port" >"$work/r.out"
wait "$w"
echo "  writers: $(grep RESULT "$work/w.out")"
echo "  readers: $(grep RESULT "$work/r.out")"
echo "  'database is locked' in the log: $(grep -ci "database is locked" "$work/serve.log" || true)"
