#!/usr/bin/env bash
# Times writ's store (--db) against the speed targets of issue 3, on generated inputs:
#   load  bulk load of 1,000,000 facts edge(I, J) into a new store, from a writ file
#         (writ load) and from CSV (writ import), against sqlite3's own .import of the same
#         CSV into a two-column table in WAL mode; target: within 2x of .import.
#   cold  writ run --db on that store, -q 'edge(5, X)', from process start; target: 50 ms.
#   tc    transitive closure of a stored random graph (1,000 nodes, 5,000 edges; the graph of
#         compare.sh's tc-random), every answer printed, against the same run from a writ
#         file; target: within 1.3x.
# Each command runs once untimed (warm-up), then N times, the commands of a workload taking
# turns so that a change in the machine's load hits them alike. Every run's answer count is
# checked. Prints a markdown table on stdout (progress goes to stderr).
#
#   bench/store_compare.sh [--quick] [--runs N] [--table-only]   (from the repo root)
#
#   --quick       100,000 facts and a 200-node graph, 3 runs: checks that the script works
#   --runs N      timed runs per command (default 5)
#   --table-only  print the table of the last run (from BENCH_DIR) without measuring
# Environment:
#   WRIT       the writ binary (default build/release/cli/writ)
#   BENCH_DIR  where inputs, stores and results go (default build/bench-store)
# Needs sqlite3, python3 and GNU time (/usr/bin/time, the `time` package). See
# docs/performance.md, "The store".
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$root/bench/lib.sh"
parse_options 23 "$@"
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "store_compare.sh: --runs needs a positive number" >&2; exit 2; }
bench_paths bench-store

# The workloads, and each one's commands; the first command of a workload is the baseline
# that the others' ratios are taken against (cold has none: its target is absolute).
workloads=(load cold tc)
declare -A tools_of=(
  [load]='sqlite-import writ-load writ-import'
  [cold]='writ-store writ-file writ-one-fact sqlite-select'
  [tc]='writ-file writ-store writ-store+rules-file'
)

if ((table_only == 0)); then
check_tools sqlite3 python3

rm -rf "$work"
mkdir -p "$work"
cd "$work"
# The inputs. load and cold: edge(I, (I * 7919) mod N) for I in 0..N-1 (N facts, distinct,
# the inputs of tests/store/store_measure.cpp), as a writ file and as CSV without a header;
# edge(5, X) has one answer. tc: bench/generate.py's random graph (seed 42).
python3 - "$root/bench" "$quick" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
from generate import random_graph
quick = sys.argv[2] == "1"
n = 100_000 if quick else 1_000_000
with open("edges.writ", "w") as w, open("edges.csv", "w") as c:
    for i in range(n):
        j = i * 7919 % n
        w.write(f"edge({i}, {j}).\n")
        c.write(f"{i},{j}\n")
nodes, edges = (200, 1000) if quick else (1000, 5000)
with open("tc-edges.writ", "w") as f:
    f.writelines(f"edge({a}, {b}).\n" for a, b in random_graph(nodes, edges))
with open("tc-rules.writ", "w") as f:
    f.write("path(X, Y) :- edge(X, Y).\npath(X, Z) :- path(X, Y), edge(Y, Z).\n")
with open("one.writ", "w") as f:  # process start-up: a one-fact program, one answer
    f.write("edge(5, 0).\n")
PY
facts=$(wc -l <edges.csv)
tc_edges=$(wc -l <tc-edges.writ)

# The stores that cold and tc read, built untimed: cold reads the store of the last timed
# writ-load run (load-writ.db); tc.db holds the graph and the rules, tc-edges.db the graph.
"$writ" load --db tc.db tc-edges.writ tc-rules.writ 2>/dev/null
"$writ" load --db tc-edges.db tc-edges.writ 2>/dev/null

fresh() { rm -f "$1" "$1-wal" "$1-shm"; }

# prepare WORKLOAD TOOL: untimed set-up before each run (a load goes into a new store).
prepare() {
  case $1/$2 in
    load/sqlite-import) fresh imp.db; sqlite3 imp.db 'CREATE TABLE edge(a INTEGER, b INTEGER)' ;;
    load/writ-load) fresh load-writ.db ;;
    load/writ-import) fresh load-csv.db ;;
  esac
}

# command_of WORKLOAD TOOL: the timed command, as words (also printed under the table).
command_of() {
  case $1/$2 in
    # The table is created (untimed) by prepare; journal_mode=WAL as writ's stores have it.
    load/sqlite-import) cmd=(sqlite3 imp.db 'PRAGMA journal_mode=WAL' '.mode csv' '.import edges.csv edge') ;;
    load/writ-load) cmd=("$writ" load --db load-writ.db edges.writ) ;;
    load/writ-import) cmd=("$writ" import --db load-csv.db edges.csv edge --no-header) ;;
    cold/writ-store) cmd=("$writ" run --db load-writ.db -q 'edge(5, X)' --format csv) ;;
    cold/writ-file) cmd=("$writ" run edges.writ -q 'edge(5, X)' --format csv) ;;
    cold/writ-one-fact) cmd=("$writ" run one.writ -q 'edge(5, X)' --format csv) ;;
    # SQLite's own start and a full scan of the imported table (it has no index either).
    cold/sqlite-select) cmd=(sqlite3 -csv -header imp.db 'select b as X from edge where a = 5') ;;
    tc/writ-file) cmd=("$writ" run tc-edges.writ tc-rules.writ -q 'path(X, Y)' --format csv) ;;
    tc/writ-store) cmd=("$writ" run --db tc.db -q 'path(X, Y)' --format csv) ;;
    tc/writ-store+rules-file) cmd=("$writ" run --db tc-edges.db tc-rules.writ -q 'path(X, Y)' --format csv) ;;
    *) echo "store_compare.sh: no command for $1/$2" >&2; exit 2 ;;
  esac
}

# answers_of WORKLOAD TOOL: the number of answers of the run just made. A load's answer is
# the number of edges in the store, read back with sqlite3; a query's is the number of CSV
# rows it printed (after the header).
answers_of() {
  case $1/$2 in
    load/sqlite-import) sqlite3 imp.db 'select count(*) from edge' ;;
    load/writ-load) sqlite3 load-writ.db 'select count(*) from facts_edge_2 where tx_retracted is null' ;;
    load/writ-import) sqlite3 load-csv.db 'select count(*) from facts_edge_2 where tx_retracted is null' ;;
    *) tail -n +2 out.txt | wc -l ;;
  esac
}

# measure WORKLOAD TOOL RUN: one run. Wall time from the shell's clock (ns) around the
# command; user and system CPU time and peak RSS of the command's own process from GNU time.
results=$work/results.tsv
printf 'workload\ttool\trun\twall_s\tcpu_s\trss_kb\tanswers\n' >"$results"
measure() {
  local t0 t1 user sys rss n
  prepare "$1" "$2"
  command_of "$1" "$2"
  t0=$(date +%s%N)
  if ! /usr/bin/time -f '%U %S %M' -o time.txt "${cmd[@]}" >out.txt 2>err.txt; then
    echo "store_compare.sh: $1/$2 failed:" >&2
    cat err.txt time.txt >&2
    exit 1
  fi
  t1=$(date +%s%N)
  read -r user sys rss < <(tail -n 1 time.txt)
  n=$(answers_of "$1" "$2" | tr -d '[:space:]')
  if [[ $3 != warm-up ]]; then
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$(((t1 - t0) / 1000))e-6" \
      "$(python3 -c "print(round($user + $sys, 2))")" "$rss" "$n" >>"$results"
  fi
}

# shown WORD...: the command as one would type it, with writ for the binary under test.
shown() {
  local out=() word
  for word; do
    if [[ $word == "$writ" ]]; then out+=(writ)
    elif [[ $word =~ ^[A-Za-z0-9_./=+-]+$ ]]; then out+=("$word")
    else out+=("'$word'"); fi
  done
  echo "${out[*]}"
}

start_load_log
printf 'workload\ttool\tcommand\n' >commands.tsv
for w in "${workloads[@]}"; do
  echo "store_compare.sh: $w" >&2
  load_before=$(load_average)
  read -ra tools <<<"${tools_of[$w]}"
  for t in "${tools[@]}"; do
    command_of "$w" "$t"
    printf '%s\t%s\t%s\n' "$w" "$t" "$(shown "${cmd[@]}")" >>commands.tsv
    measure "$w" "$t" warm-up
  done
  for ((r = 1; r <= runs; r++)); do
    for t in "${tools[@]}"; do measure "$w" "$t" "$r"; done
  done
  log_load "$w" "$load_before"
done
printf '%s\t%s\t%s\n' "$runs" "$facts" "$tc_edges" >sizes.tsv
fi

status=0
python3 - "$work" <<'PY' || status=1
import csv, os, statistics, sys

work = sys.argv[1]
tsv = lambda name: list(csv.DictReader(open(os.path.join(work, name)), delimiter="\t"))
rows = tsv("results.tsv")
runs, facts, tc_edges = open(os.path.join(work, "sizes.tsv")).read().split()
baseline = {"load": "sqlite-import", "tc": "writ-file"}
order = []
for r in rows:
    if (r["workload"], r["tool"]) not in order:
        order.append((r["workload"], r["tool"]))
med = {}
ok = True
for w, t in order:
    mine = [r for r in rows if r["workload"] == w and r["tool"] == t]
    med[w, t] = {k: statistics.median(float(r[k]) for r in mine) for k in ("wall_s", "cpu_s", "rss_kb")}
    med[w, t]["answers"] = sorted({r["answers"] for r in mine})
    med[w, t]["runs"] = len(mine)

print("| workload | command | median wall s | wall / baseline | median CPU s | CPU / baseline | peak MB | answers |")
print("|---|---|---:|---:|---:|---:|---:|---:|")
for w, t in order:
    m = med[w, t]
    b = med.get((w, baseline.get(w)))
    expected = med[w, next(tt for ww, tt in order if ww == w)]["answers"]
    same = m["answers"] == expected and len(m["answers"]) == 1
    ok = ok and same
    ratio = lambda k: "" if b is None else f"{m[k] / b[k]:.2f}"
    label = f"{t} (baseline)" if baseline.get(w) == t else t
    print(f"| {w} | {label} | {m['wall_s']:.3f} | {ratio('wall_s')} | {m['cpu_s']:.2f} | {ratio('cpu_s')} | "
          f"{m['rss_kb'] / 1024:.1f} | {'/'.join(m['answers'])}{'' if same else ' **differs**'} |")

print()
print("| target | measured (wall; CPU) | met? |")
print("|---|---|---|")
def verdict(wall_ok, cpu_ok):
    return "**yes**" if wall_ok and cpu_ok else "**no**" if not wall_ok and not cpu_ok else \
        "by wall only" if wall_ok else "by CPU only"
for t, what in (("writ-load", "from the writ file"), ("writ-import", "from CSV")):
    if ("load", t) in med:
        a, b = med["load", t], med["load", "sqlite-import"]
        rw, rc = a["wall_s"] / b["wall_s"], a["cpu_s"] / b["cpu_s"]
        print(f"| bulk load {what} within 2x of sqlite3 .import | {rw:.2f}x; {rc:.2f}x | {verdict(rw <= 2, rc <= 2)} |")
if ("cold", "writ-store") in med:
    a = med["cold", "writ-store"]
    print(f"| cold start `edge(5, X)` on the store under 50 ms | {a['wall_s'] * 1000:.0f} ms; "
          f"{a['cpu_s'] * 1000:.0f} ms | {verdict(a['wall_s'] < 0.05, a['cpu_s'] < 0.05)} |")
for t in ("writ-store", "writ-store+rules-file"):
    if ("tc", t) in med:
        a, b = med["tc", t], med["tc", "writ-file"]
        rw, rc = a["wall_s"] / b["wall_s"], a["cpu_s"] / b["cpu_s"]
        print(f"| transitive closure, {t}, within 1.3x of the writ file | {rw:.2f}x; {rc:.2f}x | "
              f"{verdict(rw <= 1.3, rc <= 1.3)} |")

print()
print("Commands (run in BENCH_DIR; writ = the binary under test):")
print()
for r in tsv("commands.tsv"):
    print(f"- {r['workload']} / {r['tool']}: `{r['command'].strip()}`")
print()
print("1-minute load average before and after each workload (2 cores): " + "; ".join(
    f"{r['workload']} {r['load_before']} -> {r['load_after']}" for r in tsv("load.tsv")) + ".")
print()
print(f"Medians of {runs} runs after 1 warm-up, the commands of a workload taking turns; load: {facts} facts; "
      f"tc: {tc_edges} edges. Wall: the shell's clock around the command; CPU: user + system time of "
      f"the command's process; peak MB: its maximum resident set size (GNU time). A load's answers are the "
      f"edges in the store afterwards (sqlite3 count); a query's, the CSV rows printed.")
if not ok:
    print("\nstore_compare.sh: the commands disagree on the number of answers", file=sys.stderr)
    sys.exit(1)
PY
exit "$status"
