#!/usr/bin/env bash
# Fuzzes the routine parser and writer, the settings reader and editor, and the history
# reader with libFuzzer (clang, from Debian's clang and libclang-rt-*-dev), each for SECONDS
# (default 60), starting from the built-in routines, the fixtures and the hostile files of
# bench/hostile_files.py (generated here, never committed). Inputs go up to 4 MiB for
# routines (the largest file read) and 1 MiB for the others, so deep nesting and huge
# expansions are within reach.
#   tests/fuzz/run.sh [SECONDS] [TARGET...]     TARGET: routine settings history
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
shift || true
targets=("${@:-routine settings history}")
read -r -a targets <<<"${targets[*]}"
out=build/fuzz
mkdir -p "$out/seeds"
python3 bench/hostile_files.py --write "$out/seeds"

core=(src/core/{routine_parser,routine_writer,timeline,routine,duration,diagnostic,text,atomic_file,settings,paths,user_files}.cpp)
for target in "${targets[@]}"; do
  corpus="$out/corpus-$target"
  mkdir -p "$corpus"
  max_len=$((1 << 20)) # 1 MiB: four times the largest settings file read
  case $target in
    routine) max_len=$((4 << 20)) # the largest routine file read
             cp routines/*.toml tests/fixtures/*/*.toml "$out"/seeds/[!s]*.toml "$corpus/" ;;
    settings) cp "$out"/seeds/settings-*.toml "$out/seeds/deep-inline-table.toml" "$corpus/"
              printf '# mine\nvolume = 30\nx = 1\n[cues]\nend = false\n[sounds]\ntense = "a"\n' >"$corpus/hand.toml" ;;
    history) printf 'started,routine_id,routine_name,planned_s,done_s,completed\n2026-01-01T10:00:00+0000,a,"A, b",600,300,yes\n2026-01-01T10:00:00+0000,b,B,9223372036854775807,-5,no\n' >"$corpus/seed.csv" ;;
  esac
  # Against Debian's compiled toml++, as the app is: header-only, toml++'s own debug asserts
  # fire on inputs it rejects cleanly as a library ("[" then a line break, in 3.3).
  clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -Isrc \
    -DTOML_HEADER_ONLY=0 -DTOML_SHARED_LIB=1 \
    "tests/fuzz/fuzz_$target.cpp" "${core[@]}" -ltomlplusplus -o "$out/fuzz_$target"
  "$out/fuzz_$target" -max_total_time="$seconds" -max_len="$max_len" -timeout=60 -rss_limit_mb=3000 -artifact_prefix="$out/" \
    -print_final_stats=1 "$corpus" 2>&1 | tee "$out/fuzz_$target.log" | grep -E "^(#[0-9]+ +DONE|stat::|SUMMARY|==[0-9]+==ERROR)" || true
  echo "$target: corpus $(ls "$corpus" | wc -l) files, $(du -sh "$corpus" | cut -f1)"
done
