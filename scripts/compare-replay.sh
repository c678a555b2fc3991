#!/usr/bin/env bash
# Interleaved A/B timing of `aismonitor replay`: the build of REV against this working tree's, on the
# same feed files, one run of each in turn. This VM's speed varies by up to ×1.7 from one minute to
# the next, so only runs made side by side compare (see README, Performance). For each run: its own
# rate (messages/s) and what it allocated; per feed: the median of each side and whether both
# raised byte-identical alerts in every round. One thread, no database, input order as given.
#
#   scripts/compare-replay.sh REV ROUNDS FEED...
#   AisMonitor__Detection__Tracking__MaximumTrackedVessels=500000 scripts/compare-replay.sh 1383cbd 4 "$dir/feed-3m.nmea"
#
# THREADS=2 in the environment replays on two threads (reading and decoding on the second: a CSV
# reader's own speed then sets the rate). Configuration from the environment reaches both builds alike. Feeds: `aismonitor simulate` with the
# scenarios in tests/AisMonitor.Benchmarks/Scenarios/.
set -euo pipefail
if [ $# -lt 3 ]; then
  echo "usage: $0 REV ROUNDS FEED..." >&2
  exit 2
fi

rev=$1 rounds=$2
shift 2
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

git -C "$root" worktree add --force --detach "$work/base" "$rev" >/dev/null 2>&1
for tree in "$work/base" "$root"; do
  dotnet build "$tree/src/AisMonitor.Worker" -c Release -nologo -v quiet >/dev/null
done

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

for feed in "$@"; do
  : >"$work/base.rates"
  : >"$work/this.rates"
  same=yes
  for round in $(seq "$rounds"); do
    for side in base this; do
      tree=$root
      [ "$side" = base ] && tree=$work/base
      dotnet "$tree/src/AisMonitor.Worker/bin/Release/net10.0/aismonitor.dll" replay "$feed" --threads "${THREADS:-1}" --no-database --order as-is \
        --out "$work/$side.jsonl" 2>"$work/$side.log"
      rate=$(awk '/^time / { gsub(",", "", $4); print $4 }' "$work/$side.log")
      allocated=$(grep -o '[0-9,.]* [KMG]iB allocated in all' "$work/$side.log" || true)
      echo "$(basename "$feed") round $round $side: $rate messages/s, $allocated"
      echo "$rate" >>"$work/$side.rates"
    done
    cmp -s "$work/base.jsonl" "$work/this.jsonl" || same=no
  done
  echo "$(basename "$feed"): median $rev $(median <"$work/base.rates") messages/s, this tree $(median <"$work/this.rates"); alerts identical in every round: $same"
done
