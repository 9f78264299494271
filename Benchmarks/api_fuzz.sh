#!/usr/bin/env bash
# Property-based check of the HTTP API against its OpenAPI document with schemathesis (PyPI):
# starts `caseload serve` on the demo trust (loopback only), runs the fuzzer with a leader's
# token, and stops the server. It must find no 5xx and no response that breaks the schema.
# Usage (repository root): bash Benchmarks/api_fuzz.sh [MAX_EXAMPLES]
# CASELOAD_BIN=.build/debug/caseload uses that binary instead of building a release one (.ci/run
# does so after the tests, which built it). SCHEMATHESIS_ARGS adds options (.ci/run: a short run of
# the examples and fuzzing phases).
set -euo pipefail
cd "$(dirname "$0")/.."
examples="${1:-40}"
port=18181
python3 -c 'import schemathesis' 2>/dev/null || python3 -m pip install -q schemathesis==4.32.5
bin="${CASELOAD_BIN:-}"
if [ -z "$bin" ]; then
  swift build -c release --product caseload >/dev/null
  bin=.build/release/caseload
fi
work=$(mktemp -d)
trap 'kill "${server:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
opts=(--db "$work/api.sqlite" --config "$work/trust.yaml" --as-of 2026-11-23)
"$bin" demo "${opts[@]}" >/dev/null
token=$("$bin" token create "${opts[@]}" --role leader --label fuzz | awk 'NR == 1 {print $NF}')  # awk reads it all: no SIGPIPE under pipefail
"$bin" serve "${opts[@]}" --port "$port" --plan-iterations 30 --writes-per-minute 0 >"$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
schemathesis run "http://127.0.0.1:$port/v1/openapi.yaml" -H "Authorization: Bearer $token" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
  --max-examples "$examples" --request-timeout 60 ${SCHEMATHESIS_ARGS:-}
