#!/usr/bin/env bash
# Builds the libFuzzer targets (the fuzz preset: clang with -fsanitize=fuzzer,address,undefined)
# and runs each for SECONDS (default 60) from its seed corpus, two at a time (nproc):
#   routine         any bytes as a routine file: parse, expand, write, read back
#   settings        any bytes as settings.toml: read, edit in place, read back; escapeControls
#   history_import  any bytes as history.csv through the importer the app runs (into a new database)
#   history_db      any bytes as unknot.db: opened to read and to write, read, trends, written to
#   journal         any bytes as unknot.db.pending (the writes a window kept): replayed into a new database
# Seeds: tests/fuzz/corpus/TARGET (committed), the built-in routines and fixtures, the small
# hostile files of bench/hostile_files.py and the databases fuzz_history_db writes (generated
# here, never committed). What a run finds new stays in build/fuzz/corpus-TARGET for the next.
# Prints one line of figures per target; exits 1 when any target found a crash, a leak, a
# timeout or ran out of memory (the input that did it: build/fuzz/TARGET-crash-*, ...).
#   tests/fuzz/run.sh [SECONDS] [TARGET...]
# FUZZ_MAX_LEN (bytes, default 65536) bounds an input: long enough for deep nesting and large
# expansions, short enough that a minute of fuzzing mutates more than a few huge files (the
# unit tests read the full-size hostile files).
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(routine settings history_import history_db journal)
max_len=${FUZZ_MAX_LEN:-65536}

launcher=()
if command -v ccache >/dev/null; then
  export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$PWD} CCACHE_NOHASHDIR=1
  launcher=(-DCMAKE_C_COMPILER_LAUNCHER=ccache -DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
cmake --preset fuzz "${launcher[@]}" >/dev/null
cmake --build --preset fuzz -j "$(nproc)"

out=build/fuzz
bin=$out/bin
seeds=$out/seeds
rm -rf "$seeds"
mkdir -p "$seeds"/{routine,settings,history_import,history_db,journal}
python3 bench/hostile_files.py --write "$seeds/hostile"
for f in "$seeds"/hostile/*.toml; do
  [ "$(stat -c %s "$f")" -le "$max_len" ] || continue # the huge ones: the unit tests read them
  case $(basename "$f") in
    settings-*) cp "$f" "$seeds/settings/" ;;
    *) cp "$f" "$seeds/routine/" ;;
  esac
done
cp routines/*.toml tests/fixtures/good/*.toml tests/fixtures/bad/*.toml "$seeds/routine/"
UNKNOT_FUZZ_WRITE_SEEDS=$seeds/history_db "$bin/fuzz_history_db"

fuzz() { # TARGET: runs it, then prints its figures
  local target=$1 log=$out/fuzz_$target.log corpus=$out/corpus-$target status=0
  mkdir -p "$corpus"
  local dirs=("$corpus" "$seeds/$target")
  [ -d "tests/fuzz/corpus/$target" ] && dirs+=("tests/fuzz/corpus/$target")
  # -timeout: a routine `unknot check` accepts plans in 5 s (issue 24), ASan makes it slower.
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1 \
    "$bin/fuzz_$target" -max_total_time="$seconds" -max_len="$max_len" -timeout=30 -rss_limit_mb=2560 \
    -malloc_limit_mb=2048 -artifact_prefix="$out/$target-" -print_final_stats=1 \
    "${dirs[@]}" >"$log" 2>&1 || status=$?
  local execs rate cov corpus_size
  execs=$(sed -n "s/^stat::number_of_executed_units: *//p" "$log" | tail -n 1)
  rate=$(sed -n "s/^stat::average_exec_per_sec: *//p" "$log" | tail -n 1)
  cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[0-9]+[a-zA-Z]*' "$log" | tail -n 1)
  corpus_size=$(find "$corpus" -type f | wc -l)
  if [ $status -ne 0 ]; then
    echo "fuzz $target: FOUND A PROBLEM (exit $status) after ${execs:-?} runs; the log: $log"
    grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error)|^artifact_prefix|Test unit written' "$log" | head -n 8
    return 1
  fi
  echo "fuzz $target: ${seconds} s, ${execs} runs (${rate}/s), ${cov}, ${corpus_size} new inputs kept, no crash"
}

# Two at a time on two cores: each still gets its SECONDS.
status=0
pids=()
names=()
for target in "${targets[@]}"; do
  fuzz "$target" >"$out/fuzz_$target.summary" &
  pids+=($!)
  names+=("$target")
  if [ ${#pids[@]} -ge "$(nproc)" ]; then
    wait "${pids[0]}" || status=1
    cat "$out/fuzz_${names[0]}.summary"
    pids=("${pids[@]:1}")
    names=("${names[@]:1}")
  fi
done
for i in "${!pids[@]}"; do
  wait "${pids[$i]}" || status=1
  cat "$out/fuzz_${names[$i]}.summary"
done
exit $status
