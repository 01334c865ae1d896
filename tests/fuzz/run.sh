#!/usr/bin/env bash
# Fuzzes the routine parser and writer with libFuzzer (clang, from Debian's clang and
# libclang-rt-*-dev) for SECONDS (default 60), starting from the built-in routines.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
out=build/fuzz
mkdir -p "$out/corpus"
cp routines/*.toml tests/fixtures/*/*.toml "$out/corpus/"
clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -Isrc -DTOML_HEADER_ONLY=0 -DTOML_SHARED_LIB=1 \
  tests/fuzz/fuzz_routine.cpp src/core/{routine_parser,routine_writer,timeline,routine,duration,diagnostic,text,atomic_file}.cpp \
  -ltomlplusplus -o "$out/fuzz_routine"
"$out/fuzz_routine" -max_total_time="$seconds" -max_len=4096 -timeout=5 "$out/corpus"
