#!/usr/bin/env bash
# gainstage demo: the sidecar, the sim adapter playing the built-in demo session, and the panel, as
# separate processes wired over loopback gRPC. Everything started here is stopped on exit.
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

headless=0; seconds=""; json=""; speed=realtime; apply_fixes=0
usage="usage: scripts/gainstage demo [--headless] [--seconds N] [--json FILE] [--apply-fixes]"
while [ $# -gt 0 ]; do
  case "$1" in
    --headless) headless=1 ;;
    --apply-fixes) apply_fixes=1 ;;
    --seconds) [ $# -ge 2 ] || { echo "gainstage demo: --seconds needs a value" >&2; exit 2; }; seconds=$2; shift ;;
    --seconds=*) seconds=${1#*=} ;;
    --json) [ $# -ge 2 ] || { echo "gainstage demo: --json needs a value" >&2; exit 2; }; json=$2; shift ;;
    --json=*) json=${1#*=} ;;
    -h|--help) echo "$usage"; exit 0 ;;
    *) echo "gainstage demo: unknown option '$1'" >&2; echo "$usage" >&2; exit 2 ;;
  esac
  shift
done
if [ -n "$seconds" ] && ! [[ "$seconds" =~ ^[0-9]+$ && "$seconds" -ge 1 ]]; then
  echo "gainstage demo: --seconds needs a whole number of seconds >= 1, not '$seconds'" >&2; exit 2
fi
if [ "$apply_fixes" = 1 ] && [ "$headless" = 0 ]; then
  echo "gainstage demo: --apply-fixes goes with --headless (in the panel, use each warning's Apply fix button)" >&2; exit 2
fi
if [ "$headless" = 1 ] && [ -z "$seconds" ]; then
  if [ "$apply_fixes" = 1 ]; then seconds=45; else seconds=20; fi
fi
if [ "$apply_fixes" = 1 ] && [ "$seconds" -lt 30 ]; then
  echo "gainstage demo: --apply-fixes needs --seconds 30 or more (warnings raise, fixes settle, warnings clear)" >&2; exit 2
fi
if [ "$headless" = 0 ] && [ -z "${DISPLAY:-}" ]; then
  echo "gainstage demo: no display (DISPLAY is not set); use --headless to run without the panel" >&2; exit 2
fi

gainstage_find_java
gainstage_build_if_needed

run_dir=$(mktemp -d "${TMPDIR:-/tmp}/gainstage-demo.XXXXXX")
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

launcher="$GAINSTAGE_ROOT/scripts/gainstage"
export GAINSTAGE_NO_BUILD=1
"$launcher" sidecar --port 0 --port-file "$run_dir/port" >"$run_dir/sidecar.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 300); do
  [ -s "$run_dir/port" ] && break
  if ! kill -0 "${pids[0]}" 2>/dev/null; then
    echo "gainstage demo: the sidecar did not start:" >&2; cat "$run_dir/sidecar.log" >&2; exit 1
  fi
  sleep 0.1
done
[ -s "$run_dir/port" ] || { echo "gainstage demo: the sidecar did not open its port within 30 s" >&2; exit 1; }
sidecar="127.0.0.1:$(cat "$run_dir/port")"
echo "gainstage demo: sidecar on $sidecar; logs in $run_dir" >&2

"$launcher" sim --demo --sidecar "$sidecar" --speed "$speed" >"$run_dir/sim.log" 2>&1 &
pids+=($!)

# Lets the session play for $1 seconds, failing if a process stops on its own.
play_for() {
  local i pid
  for ((i = 0; i < $1 * 10; i++)); do
    for pid in "${pids[@]}"; do
      if ! kill -0 "$pid" 2>/dev/null; then
        echo "gainstage demo: a process stopped early; its logs:" >&2
        tail -n 20 "$run_dir"/*.log >&2; exit 1
      fi
    done
    sleep 0.1
  done
}

if [ "$headless" = 1 ]; then
  echo "gainstage demo: playing the demo session for $seconds s..." >&2
  if [ "$apply_fixes" = 1 ]; then
    start=$SECONDS
    play_for 10   # long enough for every warning to be raised
    echo "gainstage demo: applying the suggested fixes, round by round..." >&2
    "$launcher" fix --sidecar "$sidecar" --rounds 4 --settle 8
    left=$((seconds - (SECONDS - start)))
    [ "$left" -lt 8 ] && left=8   # the last round's fixes need time to clear their warnings
    play_for "$left"
  else
    play_for "$seconds"
  fi
  report_args=(--sidecar "$sidecar" --wait 10)
  [ -n "$json" ] && report_args+=(--json "$json")
  "$launcher" report "${report_args[@]}"
  [ -n "$json" ] && echo "gainstage demo: wrote the session view to $json" >&2
  exit 0
fi

"$launcher" panel --sidecar "$sidecar" >"$run_dir/panel.log" 2>&1 &
panel=$!
pids+=("$panel")
if [ -n "$seconds" ]; then
  ( sleep "$seconds"; kill "$panel" 2>/dev/null ) &
fi
wait "$panel" || true
