#!/usr/bin/env bash
# The demo: replays the Angara reconstruction (sample-tracks/angara-2024, synthetic) through
# tracking and gap detection, stores the alerts in PostgreSQL (ConnectionStrings__AisMonitor, or
# AisMonitor's own server in its data folder, started and stopped here) and shows what it raised.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET 10 SDK is not installed. Install it (https://dot.net) and run ./demo.sh again." >&2
  exit 1
fi
. "$(dirname "$0")/scripts/ensure-postgresql.sh"
dotnet build src/AisMonitor.Worker -c Release -v quiet -nologo >/dev/null
aismonitor() { dotnet src/AisMonitor.Worker/bin/Release/net10.0/aismonitor.dll "$@"; }
out="${TMPDIR:-/tmp}/aismonitor-demo-alerts.jsonl"
aismonitor replay sample-tracks/angara-2024/angara-2024.nmea.gz --out "$out"
echo
echo "alerts written to $out; the first, in short:"
head -n 1 "$out" | cut -c1-600
