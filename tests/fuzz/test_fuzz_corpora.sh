#!/bin/sh
# test_fuzz_corpora.sh BUILD: replays every fuzz target's seed corpus
# (tests/fuzz/corpus/<name>/) through $BUILD/fuzz/replay_<name>, so inputs
# that once broke something stay fixed. Prints ok / not ok per target.
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
status=0
for bin in "$build"/fuzz/replay_*; do
  [ -x "$bin" ] || continue
  name=${bin##*/replay_}
  corpus="$here/corpus/$name"
  if [ ! -d "$corpus" ]; then
    echo "not ok - fuzz corpus $name: no seed corpus in tests/fuzz/corpus/$name"
    status=1
    continue
  fi
  if out=$("$bin" "$corpus" 2>&1); then
    echo "ok - fuzz corpus $name replays cleanly ($(echo "$out" | tail -1))"
  else
    echo "not ok - fuzz corpus $name: $(echo "$out" | tail -3 | tr '\n' ' ')"
    status=1
  fi
done
exit $status
