# Shared by the benchmark scripts: whole-process wall times of commands run in alternation (so a
# change in the machine's load hits every command alike), and their medians.
# shellcheck shell=bash

# bench_alternate RUNS OUTDIR NAME1 CMD1 [NAME2 CMD2 ...]: runs each command (a string for bash -c,
# output discarded) once per round, RUNS rounds, and appends each wall time in seconds to OUTDIR/NAME.t.
bench_alternate() {
  local runs=$1 out=$2 i j t0 t1; shift 2
  local -a names=() cmds=()
  while [ $# -ge 2 ]; do names+=("$1"); cmds+=("$2"); shift 2; done
  for ((i = 1; i <= runs; i++)); do
    [ "$runs" -lt 5 ] || echo "round $i/$runs" >&2
    for j in "${!cmds[@]}"; do
      t0=$(date +%s%N)
      bash -c "${cmds[$j]}" >/dev/null 2>&1 || { echo "bench: '${names[$j]}' failed: ${cmds[$j]}" >&2; return 1; }
      t1=$(date +%s%N)
      echo "$(((t1 - t0) / 1000)) 1000000" | awk '{printf "%.6f\n", $1 / $2}' >>"$out/${names[$j]}.t"
    done
  done
}

# bench_stat FILE: "median min max" of the times in FILE.
bench_stat() {
  sort -g "$1" | awk '{a[NR] = $1} END {m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; print m, a[1], a[NR]}'
}
