#!/usr/bin/env bash
# The demo: replays the Angara reconstruction (sample-tracks/angara-2024, synthetic, after the
# publicly reported facts) through AisMonitor, stores what it finds in PostgreSQL
# (ConnectionStrings__AisMonitor, or AisMonitor's own server in its data folder, started and
# stopped here) and tells what it found.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET 10 SDK is not installed. Install it (https://dot.net) and run ./demo.sh again." >&2
  exit 1
fi
. "$(dirname "$0")/scripts/ensure-postgresql.sh"
. "$(dirname "$0")/scripts/ensure-npm.sh"
dotnet build src/AisMonitor.Worker -c Release -v quiet -nologo >/dev/null
aismonitor() { dotnet src/AisMonitor.Worker/bin/Release/net10.0/aismonitor.dll "$@"; }
out="${TMPDIR:-/tmp}/aismonitor-demo-alerts.jsonl"
log="${TMPDIR:-/tmp}/aismonitor-demo-replay.log"

cat <<'STORY'
The Angara, a Russian cargo ship on the US sanctions list, carried North Korean munitions between
Rajin and Russian ports in 2024 with its transponder off, switched it on in the Korea Strait, then
docked at a Chinese shipyard in Zhoushan and went silent again. This replays 33 days of AIS around
the Sea of Japan (a reconstruction, with 52 other ships) as an analyst's feed would have had it.

STORY
if ! aismonitor replay sample-tracks/angara-2024/angara-2024.nmea.gz --out "$out" 2>"$log"; then
  cat "$log" >&2
  exit 1
fi

echo "What AisMonitor raised, oldest first:"
echo
aismonitor alerts export "$out"
echo "Where it went:"
echo "  alerts file  $out (JSON Lines, every alert with its evidence)"
grep -E '^stored ' "$log" | sed -e 's/^stored */  database     /' -e 's/ in [0-9.]* s in / in /' || true
echo
echo "Look at it (aismonitor is dotnet src/AisMonitor.Worker/bin/Release/net10.0/aismonitor.dll):"
echo "  aismonitor alerts export --format geojson $out > angara.geojson   # open in QGIS: the dark passage as a line"
echo "  aismonitor alerts export --format csv $out > angara.csv"
echo "  aismonitor alerts export --severity medium          # from the database instead of the file"
if [ -n "${ConnectionStrings__AisMonitor:-}" ]; then
  echo "  psql \"\$ConnectionStrings__AisMonitor\" -c 'SELECT kind, severity, vessel_name, start_time, end_time FROM alert ORDER BY start_time'"
fi
echo
echo "Try next: replay your own NMEA logs or CSV exports (aismonitor replay FILE...), add a watch list"
echo "(--watch-list) or port limits (--places); README.md says how, docs/alerts.md what each alert means."
echo "Watch a live feed: AisMonitor__Sources__0__Name=coast AisMonitor__Sources__0__Kind=tcp AisMonitor__Sources__0__Host=HOST \\"
echo "  AisMonitor__Sources__0__Port=PORT aismonitor run   # /readyz, /metrics on http://localhost:5000 (README: aismonitor run)"
