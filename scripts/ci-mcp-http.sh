#!/usr/bin/env bash
# CI step for `joinery mcp --http` with tools that need Node >= 22: a smoke test with the MCP Inspector's
# CLI (0.16.6, the first whose CLI sends headers) and the official MCP conformance suite
# (@modelcontextprotocol/conformance 0.1.16), each installed from the npm registry with the lockfile in
# scripts/mcp-http/ into a temporary folder (never into the project's node_modules).
#
# Usage: bash scripts/ci-mcp-http.sh <node-bin-dir>
#   <node-bin-dir>  a folder holding node >= 22 (e.g. the Node 24 leg's "$node24_home/bin"); the tools run
#                   with it, and npm (taken from PATH) runs on it. Joinery itself runs with the `node` first
#                   on PATH, against this checkout's node_modules (installed beforehand, for that node).
# Exit status 0 only if the smoke passes and the suite shows no failure outside
# scripts/mcp-http/conformance-baseline.yml (the scenarios that need the suite's own reference server).
set -euo pipefail

node_bin_dir=${1:?usage: bash scripts/ci-mcp-http.sh <node-bin-dir>}
tools_node="$node_bin_dir/node"
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

major=$("$tools_node" -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 22 ]; then echo "ci-mcp-http: $tools_node is Node $major; the Inspector CLI and the conformance suite need Node >= 22" >&2; exit 2; fi

echo "=== mcp http: installing the Inspector CLI and the conformance suite (Node $("$tools_node" --version))"
cp "$repo/scripts/mcp-http/package.json" "$repo/scripts/mcp-http/package-lock.json" "$work/"
PATH="$node_bin_dir:$PATH" npm ci --prefix "$work" --no-audit --no-fund --loglevel=error >/dev/null
inspector="$work/node_modules/@modelcontextprotocol/inspector-cli/build/index.js"
conformance="$work/node_modules/@modelcontextprotocol/conformance/dist/index.js"

echo "=== mcp http: starting joinery mcp --http (node $(node --version))"
export JOINERY_HOME="$work/home"
mkdir -p "$JOINERY_HOME"
token=$(node "$repo/bin/joinery.js" token create --name ci-smoke --role auditor --expires 2h | grep -o 'jny_[A-Za-z0-9_-]*')
node "$repo/bin/joinery.js" mcp --http --port 0 2>"$work/server.log" &
pids+=($!)
url=""
for _ in $(seq 1 120); do
  url=$(grep -o 'listening on http://[^ ]*' "$work/server.log" | head -1 | cut -d' ' -f3 || true)
  [ -n "$url" ] && break
  sleep 0.5
done
[ -n "$url" ] || { echo "joinery mcp --http did not start:" >&2; cat "$work/server.log" >&2; exit 1; }
echo "serving on $url"

echo "=== mcp http: Inspector CLI smoke"
"$tools_node" "$inspector" "$url" --transport http --header "Authorization: Bearer $token" --method tools/list >"$work/tools.json"
grep -q '"list_functions"' "$work/tools.json" || { echo "tools/list over HTTP did not list list_functions:" >&2; head -c 2000 "$work/tools.json" >&2; exit 1; }
if grep -q '"run_function"' "$work/tools.json"; then echo "tools/list showed an auditor run_function" >&2; exit 1; fi
"$tools_node" "$inspector" "$url" --transport http --header "Authorization: Bearer $token" --method tools/call --tool-name list_functions >"$work/call.json"
grep -q '"functions"' "$work/call.json" || { echo "tools/call list_functions failed:" >&2; cat "$work/call.json" >&2; exit 1; }
"$tools_node" "$inspector" "$url" --transport http --header "Authorization: Bearer $token" --method tools/call --tool-name run_function --tool-arg name=x >"$work/refused.json"
grep -q 'FORBIDDEN' "$work/refused.json" || { echo "a refused call was not an isError FORBIDDEN result:" >&2; cat "$work/refused.json" >&2; exit 1; }
if "$tools_node" "$inspector" "$url" --transport http --method tools/list >/dev/null 2>&1; then echo "tools/list without a token was answered" >&2; exit 1; fi
echo "Inspector CLI smoke: tools/list, tools/call, a FORBIDDEN result and a 401 without a token: ok"

echo "=== mcp http: conformance suite"
JOINERY_TOKEN="$token" "$tools_node" "$repo/scripts/mcp-http/auth-proxy.mjs" "$url" >"$work/proxy.url" &
pids+=($!)
proxy=""
for _ in $(seq 1 40); do proxy=$(head -1 "$work/proxy.url" 2>/dev/null || true); [ -n "$proxy" ] && break; sleep 0.25; done
[ -n "$proxy" ] || { echo "the auth proxy did not start" >&2; exit 1; }
(cd "$work" && "$tools_node" "$conformance" server --url "$proxy/mcp" --expected-failures "$repo/scripts/mcp-http/conformance-baseline.yml")
echo "=== mcp http: ok"
