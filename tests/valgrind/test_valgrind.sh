#!/bin/sh
# test_valgrind.sh BUILD: a short monkey run under valgrind --leak-check=full
# must report no definite leaks. Skipped for the ASan build (the two do not
# mix). VB_VALGRIND_EVENTS sets the length (default 300).
build=${1:-build}
case "$build" in *asan*) echo "ok - valgrind: no definite leaks # skip ASan build"; exit 0;; esac
if ! command -v valgrind >/dev/null 2>&1; then
  echo "not ok - valgrind: no definite leaks: valgrind is not installed (make deps installs it)"
  exit 1
fi
log=$(mktemp)
VB_MONKEY_EVENTS=${VB_VALGRIND_EVENTS:-300} valgrind --leak-check=full --errors-for-leak-kinds=definite \
  --error-exitcode=42 --log-file="$log" "$build/tests/test_monkey" >/dev/null 2>&1
rc=$?
lost=$(grep -E "definitely lost:" "$log" | tail -1 | sed 's/.*definitely lost: //')
if [ $rc -eq 0 ]; then
  echo "ok - valgrind: a monkey run has no definite leaks (definitely lost: ${lost:-0 bytes})"
  rm -f "$log"
  exit 0
fi
echo "not ok - valgrind: definite leaks or errors (exit $rc, definitely lost: $lost); log kept in $log"
grep -A12 "definitely lost in" "$log" | head -40 | sed 's/^/# /'
exit 1
