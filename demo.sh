#!/usr/bin/env bash
# The demo: decodes the real Norwegian Coastal Administration feed in sample form and prints a
# summary. (Replay into PostgreSQL arrives with the tracking and storage issues; this script
# will then run that replay.)
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET 10 SDK is not installed. Install it (https://dot.net) and run ./demo.sh again." >&2
  exit 1
fi
dotnet build src/AisMonitor.Worker -c Release -v quiet -nologo >/dev/null
aismonitor() { dotnet src/AisMonitor.Worker/bin/Release/net10.0/aismonitor.dll "$@"; }
aismonitor decode tests/data/nmea-logs/aisnet-kystverket-Ais1000Lines.nm4 > /tmp/aismonitor-demo.jsonl
echo "first decoded messages (of $(wc -l < /tmp/aismonitor-demo.jsonl), all in /tmp/aismonitor-demo.jsonl):"
head -n 3 /tmp/aismonitor-demo.jsonl
