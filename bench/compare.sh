#!/usr/bin/env bash
# Times whole commands: writ against clingo, SWI-Prolog (tabling) and SQLite (recursive
# CTE) on the same generated inputs, and checks that every tool gives the same number of
# answers. Prints a markdown table on stdout (progress goes to stderr).
#
#   bench/compare.sh [--quick] [--runs N]      (from the repo root, after ./dev build release)
#
#   --quick   inputs a fifth of the size and 3 runs: checks that the script works
#   --runs N  timed runs per command (default 5), after one warm-up run
#   --table-only  print the table of the last run (from BENCH_DIR) without measuring
# Environment:
#   WRIT       the writ binary (default build/release/cli/writ)
#   BENCH_DIR  where inputs and hyperfine's JSON go (default build/bench-compare)
# Needs hyperfine, clingo (gringo package), swipl (swi-prolog-nox), sqlite3, python3 and
# GNU time (/usr/bin/time, the `time` package). See docs/performance.md.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
quick=0
runs=
table_only=0
while (($#)); do
  case $1 in
    --quick) quick=1 ;;
    --table-only) table_only=1 ;;
    --runs) runs=${2:?--runs needs a number}; shift ;;
    -h | --help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "compare.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
  shift
done
[[ -n $runs ]] || runs=$((quick ? 3 : 5))

writ=${WRIT:-$root/build/release/cli/writ}
[[ $writ == /* ]] || writ=$PWD/$writ
work=${BENCH_DIR:-$root/build/bench-compare}
[[ $work == /* ]] || work=$PWD/$work

if ((table_only == 0)); then
missing=()
[[ -x $writ ]] || missing+=("writ at $writ (build it: ./dev build release, or set WRIT=path)")
for tool in hyperfine clingo swipl sqlite3 python3; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
[[ -x /usr/bin/time ]] || missing+=("/usr/bin/time (apt-get install time)")
if ((${#missing[@]})); then
  printf 'compare.sh: missing: %s\n' "${missing[@]}" >&2
  exit 2
fi

inputs=$work/inputs
rm -rf "$inputs"
mkdir -p "$inputs"
python3 "$root/bench/generate.py" "$inputs" $( ((quick)) && echo --quick)
results=$work/results.tsv
printf 'workload\ttool\tanswers\trss_kb\n' >"$results"

# The commands, run by hyperfine's shell from inside a workload's directory. Each prints
# the number of answers and nothing else.
tools=(writ writ-count clingo swipl sqlite)
command_of() {
  local goal
  goal=$(<goal)
  case $1 in
    # Every answer printed as CSV (what a user gets), then counted.
    writ) printf '%q run prog.writ -q %q --format csv | tail -n +2 | wc -l' "$writ" "$goal" ;;
    # The count computed inside writ with #count, as clingo does below.
    writ-count) printf "%q run prog.writ count.writ -q 'answers(N)' --format csv | tail -n +2" "$writ" ;;
    # clingo exits with 10 or 30 (satisfiable); sed makes the pipeline's status 0.
    clingo) printf '%s' "clingo --outf=0 -V0 --quiet=1 prog.lp | sed -n 's/^answers(\([0-9]*\)).*/\1/p'" ;;
    swipl) printf '%s' 'swipl -g main -t halt prog.pl' ;;
    # The database (edges and indexes) is built before timing; only the query is timed.
    sqlite) printf '%s' 'sqlite3 db.sqlite < query.sql' ;;
  esac
}

# One untimed run: prints the number of answers, and leaves the peak resident memory
# (KiB) of the tool's own process (not the pipeline's) in $work/rss.txt.
counted_run() {
  local rss=$work/rss.txt goal
  goal=$(<goal)
  local time=(/usr/bin/time -f %M -o "$rss")
  case $1 in
    writ) "${time[@]}" "$writ" run prog.writ -q "$goal" --format csv | tail -n +2 | wc -l ;;
    writ-count) "${time[@]}" "$writ" run prog.writ count.writ -q 'answers(N)' --format csv | tail -n +2 ;;
    clingo) "${time[@]}" clingo --outf=0 -V0 --quiet=1 prog.lp | sed -n 's/^answers(\([0-9]*\)).*/\1/p' ;;
    swipl) "${time[@]}" swipl -g main -t halt prog.pl ;;
    sqlite) "${time[@]}" sqlite3 db.sqlite <query.sql ;;
  esac
}

workloads=(tc-random tc-chain sg-tree unreached)
status=0
for w in "${workloads[@]}"; do
  cd "$inputs/$w"
  echo "compare.sh: $w" >&2
  sqlite3 db.sqlite <load.sql
  args=()
  for t in "${tools[@]}"; do
    cmd=$(command_of "$t")
    answers=$(counted_run "$t" 2>/dev/null | tr -d '[:space:]' || true)
    rss=$(tail -n 1 "$work/rss.txt" | tr -dc '0-9')
    printf '%s\t%s\t%s\t%s\n' "$w" "$t" "${answers:-none}" "$rss" >>"$results"
    args+=(-n "$t" "$cmd")
  done
  hyperfine --warmup 1 --runs "$runs" --style basic --export-json "$work/$w.json" "${args[@]}" >&2
done
# writ's baseline: the peak memory of a run on a one-fact program.
cd "$work"
printf 'edge(1, 2).\n' >one.writ
/usr/bin/time -f %M -o base_kb.txt "$writ" run one.writ -q 'edge(X, Y)' --format csv >/dev/null
echo "$runs" >runs.txt
fi
workloads=(tc-random tc-chain sg-tree unreached)
status=0
python3 - "$work" "$(tail -n 1 "$work/base_kb.txt")" "$(<"$work/runs.txt")" "${workloads[@]}" <<'PY' || status=1
import csv, json, os, sys

work, base_kb, runs, workloads = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4:]
rows = list(csv.DictReader(open(os.path.join(work, "results.tsv")), delimiter="\t"))
ok = True
print("| workload | tool | median s | time / writ's | CPU s | peak MB | answers |")
print("|---|---|---:|---:|---:|---:|---:|")
for w in workloads:
    timed = json.load(open(os.path.join(work, w + ".json")))["results"]
    medians = {r["command"]: r["median"] for r in timed}
    cpu = {r["command"]: r["user"] + r["system"] for r in timed}
    mine = [r for r in rows if r["workload"] == w]
    expected = next(r["answers"] for r in mine if r["tool"] == "writ")
    for r in mine:
        t = r["tool"]
        same = r["answers"] == expected
        ok = ok and same
        mark = "" if same else " **differs**"
        print(f"| {w} | {t} | {medians[t]:.3f} | {medians[t] / medians['writ']:.2f} | {cpu[t]:.2f} | "
              f"{int(r['rss_kb']) / 1024:.1f} | {r['answers']}{mark} |")
chain = next((r for r in rows if r["workload"] == "tc-chain" and r["tool"] == "writ"), None)
if chain and chain["answers"].isdigit() and int(chain["answers"]) > 0:
    n, kb = int(chain["answers"]), int(chain["rss_kb"])
    print()
    print(f"writ on tc-chain: peak RSS {kb / 1024:.1f} MB for {n} tuples = {kb * 1024 / n:.0f} bytes per "
          f"derived tuple ({(kb - base_kb) * 1024 / n:.0f} above the {base_kb / 1024:.1f} MB of a one-fact run).")
print()
print(f"Wall-clock medians of {runs} runs after 1 warm-up (hyperfine); CPU s: mean user + system time "
      f"of those runs; peak MB: maximum resident set size of the tool's process (/usr/bin/time, a "
      f"separate untimed run). SQLite's time excludes building the database.")
if not ok:
    print("\ncompare.sh: the tools disagree on the number of answers", file=sys.stderr)
    sys.exit(1)
PY
exit "$status"
