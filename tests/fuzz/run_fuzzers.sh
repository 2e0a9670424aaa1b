#!/usr/bin/env bash
# Fuzzes every parser of outside input with libFuzzer (clang-14, AddressSanitizer, UBSan) for SECONDS each, one
# target after another, and prints each target's executions and crashes.
#
# Usage: tests/fuzz/run_fuzzers.sh [SECONDS] [TARGET...]      (SECONDS defaults to 60; targets: all of them)
#   e.g. nice -n 15 tests/fuzz/run_fuzzers.sh 600 survey
# Environment: ALIGNKIOSK_FUZZ_BUILD  the build tree (default: build-fuzz next to the sources)
#              JOBS                   build jobs (default 2)
#
# The targets build in their own tree (-DALIGNKIOSK_FUZZ=ON); the ordinary build replays their corpora in ctest.
# Fuzzing starts from tests/fuzz/corpus/<target>/ (read only) with tests/fuzz/<target>.dict; what it finds goes to
# BUILD/fuzz-runs/<target>/: corpus/ (new inputs), crashes/ (each input that crashed) and log. A crash does not end
# the run (libFuzzer's fork mode), so the count is of all crashes found in the time. To keep one for good: fix the
# parser, copy the input into tests/fuzz/corpus/<target>/ under a name that says what it is, and run ctest.
set -uo pipefail

seconds=${1:-60}
shift $(($# > 0 ? 1 : 0))
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source_dir=$(cd "$here/../.." && pwd)
build=${ALIGNKIOSK_FUZZ_BUILD:-$source_dir/build-fuzz}
all_targets=(survey answer_payload string_table store_file sealed_submission bundle) # as in tests/fuzz/CMakeLists.txt
targets=("$@")
((${#targets[@]})) || targets=("${all_targets[@]}")
[[ $seconds =~ ^[0-9]+$ && $seconds -gt 0 ]] || { echo "SECONDS must be a whole number above 0" >&2; exit 2; }

# libFuzzer comes with Debian's clang: the compiler and its runtime libraries (libclang_rt.fuzzer*.a).
runtime="/usr/lib/llvm-14/lib/clang/*/lib/linux/libclang_rt.fuzzer-*.a"
if ! command -v clang++-14 >/dev/null || ! compgen -G "$runtime" >/dev/null; then
  echo "run_fuzzers.sh needs clang 14 and its libFuzzer runtime. On Debian 12:" >&2
  echo "  sudo apt-get install clang-14 libclang-rt-14-dev" >&2
  exit 2
fi

if [[ ! -f $build/CMakeCache.txt ]]; then
  cmake -S "$source_dir" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DALIGNKIOSK_FUZZ=ON \
    -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 >"$build.configure.log" 2>&1 ||
    { cat "$build.configure.log" >&2; exit 2; }
  rm -f "$build.configure.log"
fi
cmake --build "$build" -j "${JOBS:-2}" --target alignkiosk_fuzzers >/dev/null || {
  cmake --build "$build" -j 1 --target alignkiosk_fuzzers >&2
  exit 2
}

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
status=0
for target in "${targets[@]}"; do
  binary=$build/tests/fuzz/${target}_fuzz
  [[ -x $binary ]] || { echo "$target: no such fuzz target (known: ${all_targets[*]})" >&2; status=2; continue; }
  run=$build/fuzz-runs/$target
  mkdir -p "$run/corpus" "$run/crashes"
  dict=()
  [[ -f $here/$target.dict ]] && dict=("-dict=$here/$target.dict")
  started=$(date +%s)
  # Fork mode with one job: a crash, timeout or out-of-memory is written to crashes/ and fuzzing goes on.
  "$binary" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 -max_total_time="$seconds" \
    -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$run/crashes/" "${dict[@]}" \
    "$run/corpus" "$here/corpus/$target" >"$run/log" 2>&1
  exit_code=$?
  elapsed=$(($(date +%s) - started))
  # Fork mode's status lines: "#EXECUTIONS: cov: ... oom/timeout/crash: O/T/C time: ...".
  last=$(grep -E '^#[0-9]+: cov:' "$run/log" | tail -1)
  executions=$(sed -nE 's/^#([0-9]+):.*/\1/p' <<<"$last")
  problems=$(sed -nE 's#.*oom/timeout/crash: ([0-9]+)/([0-9]+)/([0-9]+).*#\1 \2 \3#p' <<<"$last")
  read -r ooms timeouts crashes <<<"${problems:-0 0 0}"
  saved=$(find "$run/crashes" -type f | wc -l)
  printf '%s: %s executions in %s s, %s crashes, %s timeouts, %s out-of-memory (exit %s; log %s)\n' \
    "$target" "${executions:-?}" "$elapsed" "$crashes" "$timeouts" "$ooms" "$exit_code" "$run/log"
  if ((crashes + timeouts + ooms > 0 || saved > 0)); then
    echo "  inputs that failed: $run/crashes/ (replay one: $binary FILE)"
    status=1
  fi
  [[ -n $executions ]] || { echo "  libFuzzer printed no status line; see the log" >&2; status=1; }
done
exit $status
