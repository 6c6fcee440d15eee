#!/usr/bin/env bash
# How long `npm start` takes to answer /healthz, and the CPU its processes used by then (docs/benchmarks.md).
# Usage: bench/start-time.sh [port] [runs]. Uses a throw-away DATA_DIR; run it twice to see the second-start figure.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-3917}"; runs="${2:-3}"
data="$(mktemp -d)"; trap 'rm -rf "$data"' EXIT
tck=$(getconf CLK_TCK)
for _ in $(seq 1 "$runs"); do
  s=$(date +%s.%N)
  PORT="$port" DATA_DIR="$data" LOG_LEVEL=warn setsid npm start >"$data/out.log" 2>&1 & pid=$!
  until curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { cat "$data/out.log"; exit 1; }
    sleep 0.05
  done
  e=$(date +%s.%N)
  # user+sys of every process of the session (npm, sh, node), including exited children (rollup) via cutime/cstime.
  ticks=0
  for p in $(ps -o pid= -s "$pid"); do
    read -r -a f < <(sed 's/^.*) //' "/proc/$p/stat")
    ticks=$(( ticks + f[11] + f[12] + f[13] + f[14] ))
  done
  printf 'node %s: /healthz after %.1f s wall, %.2f s CPU, load %s\n' "$(node --version)" "$(echo "$e - $s" | bc)" \
    "$(echo "scale=2; $ticks / $tck" | bc)" "$(cut -d' ' -f1 /proc/loadavg)"
  kill -TERM -- "-$pid"; wait "$pid" 2>/dev/null || true
done
