#!/usr/bin/env bash
# The kiosk window's own tests (tests/platform/kiosk_window_test.cpp) need an X display, so the unit-test run skips
# them; here they run on Xvfb, where none of them may skip: full screen without decorations or cursor, close and
# iconify requests refused until the program allows closing, an ordinary window that closes, a part of a frame shown
# only where it changed.
# Usage: kiosk_window_test.sh PROGRAM BUILD_DIR
set -uo pipefail
build_dir=$2
source "$(dirname "$0")/xvfb_session.sh"

tests="$build_dir/bin/alignkiosk_platform_tests"
[ -x "$tests" ] || fail "no $tests"
start_display
out=$("$tests" --gtest_filter='KioskWindowTest.*' 2>&1) || fail "the window tests failed:
$out"
grep -q '\[  PASSED  \] 5 tests' <<<"$out" || fail "expected 5 window tests to pass:
$out"
grep -q 'SKIPPED' <<<"$out" && fail "a window test skipped on Xvfb:
$out"
echo "PASS: the kiosk window's tests ran on Xvfb and passed"
