#!/usr/bin/env bash
# Load benchmark of the HTTP API with wrk (Debian's `wrk`), on loopback only and bounded in time:
# several connections submitting referrals at once, then reading the waiting list; afterwards it
# checks that every acknowledged (201) referral is in the database exactly once.
# Usage (repository root): bash Benchmarks/api_load.sh [SECONDS] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-15}"; conns="${2:-8}"; port=18282
command -v wrk >/dev/null || { apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }; }
swift build -c release --product caseload >/dev/null
bin=.build/release/caseload
work=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
opts=(--db "$work/load.sqlite" --config "$work/trust.yaml" --as-of 2026-11-23)
"$bin" demo "${opts[@]}" >/dev/null
senco=$("$bin" token create "${opts[@]}" --role senco --school 136156 --label load | awk 'NR == 1 {print $NF}')
reader=$("$bin" token create "${opts[@]}" --role senco --school 136281 --label read | awk 'NR == 1 {print $NF}')
"$bin" serve "${opts[@]}" --port "$port" --writes-per-minute 0 >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
before=$(sqlite3 "$work/load.sqlite" "SELECT COUNT(*) FROM referral")

cat >"$work/submit.lua" <<LUA
local counter, thread_id = 0, 0
local threads = {}
function setup(thread) thread:set("tid", #threads + 1); table.insert(threads, thread) end
function init(args) thread_id = tid end
function request()
  counter = counter + 1
  local body = string.format('{"pupil_ref":"L%d-%d","year_group":8,"service":"SALT","area":"communication_interaction","severity":4,"apdr_cycles":1,"consent":true}', thread_id, counter)
  return wrk.format("POST", "/v1/referrals", {["Authorization"] = "Bearer $senco", ["Content-Type"] = "application/json"}, body)
end
local created = 0
function response(status, headers, body) if status == 201 then created = created + 1 end end
function done(summary, latency, requests)
  local acked = 0
  for _, t in ipairs(threads) do acked = acked + t:get("created") end
  io.write(string.format("RESULT requests=%d non2xx=%d errors=%d rps=%.0f p50=%.2fms p99=%.2fms acked=%d\n",
    summary.requests, summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000, acked))
end
LUA
sed -i 's/^local created = 0$/created = 0/' "$work/submit.lua"
cat >"$work/read.lua" <<LUA
wrk.headers["Authorization"] = "Bearer $reader"
function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d non2xx=%d rps=%.0f p50=%.2fms p99=%.2fms\n", summary.requests, summary.errors.status,
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
LUA
echo "submitting referrals: $conns connections, ${secs}s"
submit=$(wrk -t2 -c"$conns" -d"${secs}s" --latency -s "$work/submit.lua" "http://127.0.0.1:$port" | grep RESULT)
echo "  $submit"
echo "reading a school's waiting list (another school's SENCO): $conns connections, ${secs}s"
echo "  $(wrk -t2 -c"$conns" -d"${secs}s" --latency -s "$work/read.lua" "http://127.0.0.1:$port/v1/waitlist?service=SALT" | grep RESULT)"
acked=$(sed -E 's/.*acked=([0-9]+).*/\1/' <<<"$submit")
after=$(sqlite3 "$work/load.sqlite" "SELECT COUNT(*) FROM referral")
distinct=$(sqlite3 "$work/load.sqlite" "SELECT COUNT(DISTINCT pupil_ref) FROM referral WHERE pupil_ref LIKE 'L%'")
locked=$(grep -ci "database is locked" "$work/serve.log" || true)
new=$((after - before))
echo "acknowledged $acked; new rows $new (at most $conns more: requests still in flight when wrk stopped); distinct new pupils $distinct; 'database is locked' in the log: $locked"
if [ "$new" -ge "$acked" ] && [ "$new" -le "$((acked + conns))" ] && [ "$distinct" = "$new" ] && [ "$locked" = "0" ]; then
  echo "no lost or duplicated writes"
else
  echo "MISMATCH"; exit 1
fi
