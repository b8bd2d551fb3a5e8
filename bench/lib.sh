# shellcheck shell=bash disable=SC2034  # the variables set here are the sourcing script's
# Shell functions shared by bench/compare.sh and bench/store_compare.sh, which source this
# file (it is not run on its own): their options, the paths they take from the
# environment, the check for the tools they need, and the record of the machine's load.
# Messages start with the name of the script that was run.

me=${0##*/}

# parse_options HELP_END ARG...: the options both scripts take. Sets quick (--quick),
# runs (--runs N; default 3 with --quick, else 5) and table_only (--table-only); --help
# prints lines 2 to HELP_END of the script (its opening comment) and exits.
parse_options() {
  local help_end=$1
  shift
  quick=0
  runs=
  table_only=0
  while (($#)); do
    case $1 in
      --quick) quick=1 ;;
      --table-only) table_only=1 ;;
      --runs) runs=${2:?--runs needs a number}; shift ;;
      -h | --help) sed -n "2,${help_end}p" "$0"; exit 0 ;;
      *) echo "$me: unknown argument '$1' (try --help)" >&2; exit 2 ;;
    esac
    shift
  done
  [[ -n $runs ]] || runs=$((quick ? 3 : 5))
}

# bench_paths DEFAULT_BENCH_DIR: sets writ ($WRIT, else the release build's) and work
# ($BENCH_DIR, else build/DEFAULT_BENCH_DIR), made absolute: the scripts change directory.
bench_paths() {
  writ=${WRIT:-$root/build/release/cli/writ}
  [[ $writ == /* ]] || writ=$PWD/$writ
  work=${BENCH_DIR:-$root/build/$1}
  [[ $work == /* ]] || work=$PWD/$work
}

# check_tools TOOL...: exits (status 2) naming whatever is missing of the writ binary, the
# commands TOOL... on the PATH and GNU time, so that a run does not fail half-way.
check_tools() {
  local missing=() tool
  [[ -x $writ ]] || missing+=("writ at $writ (build it: ./dev build release, or set WRIT=path)")
  for tool; do
    command -v "$tool" >/dev/null || missing+=("$tool")
  done
  [[ -x /usr/bin/time ]] || missing+=("/usr/bin/time (apt-get install time)")
  if ((${#missing[@]})); then
    printf '%s\n' "${missing[@]/#/$me: missing: }" >&2
    exit 2
  fi
}

# The machine may be shared: $work/load.tsv keeps the 1-minute load average before and
# after each workload, and the table's notes repeat it.
load_average() { cut -d' ' -f1 /proc/loadavg; }
start_load_log() { printf 'workload\tload_before\tload_after\n' >"$work/load.tsv"; }
# log_load WORKLOAD LOAD_BEFORE: the workload's line, with the load average now as after.
log_load() { printf '%s\t%s\t%s\n' "$1" "$2" "$(load_average)" >>"$work/load.tsv"; }
