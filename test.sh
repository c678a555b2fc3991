#!/usr/bin/env bash
# Runs every test project of AisMonitor and ends with one line: "N passed, N failed[, N skipped]".
# Exits non-zero when a test fails or the build breaks. Installs what the tests need when it is
# missing and it can (PostgreSQL's server and PostGIS, promtool, gdal's ogrinfo, chromium, npm); says what to install otherwise.
set -uo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET 10 SDK is not installed. Install it (https://dot.net, or Debian: the dotnet-sdk-10.0 package from packages.microsoft.com) and run ./test.sh again." >&2
  exit 1
fi
if ! dotnet --list-sdks | grep -q '^10\.'; then
  echo "error: AisMonitor needs a .NET 10 SDK (global.json); found: $(dotnet --list-sdks | tr '\n' ' ')" >&2
  exit 1
fi

# Storage tests run against a real PostgreSQL server that the test set-up starts on loopback.
. scripts/ensure-postgresql.sh
# The metrics test lints /metrics with promtool.
. scripts/ensure-promtool.sh
# The review UI is built with npm and tested in Debian's chromium.
. scripts/ensure-npm.sh
. scripts/ensure-chromium.sh
# deploy/ is checked without a container engine (npm tools), the QGIS views with PostGIS and ogrinfo.
. scripts/ensure-deploy-check.sh
. scripts/ensure-postgis.sh

results="TestResults/$(date +%Y%m%dT%H%M%S)"
mkdir -p "$results"
# Release: the fuzz and file tests push a few million lines through the decoder.
dotnet test AisMonitor.sln -c Release --logger "trx" --results-directory "$results" "$@"
status=$?

passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  value() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  total=$(value total); executed=$(value executed); p=$(value passed); f=$(value failed)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
  skipped=$((skipped + ${total:-0} - ${executed:-0}))
done

expected=$(ls tests/*/*.Tests.csproj 2>/dev/null | wc -l)
if [ "$status" -ne 0 ] && { [ "$failed" -eq 0 ] || [ "$files" -lt "$expected" ]; }; then
  # A project that did not build (or a test host that crashed) leaves no results of its own:
  # count each missing one as a failure, so that the line is never green when something broke.
  missing=$((expected - files))
  [ "$missing" -lt 1 ] && missing=1
  failed=$((failed + missing))
  echo "error: dotnet test failed (exit $status) and $files of $expected test projects reported results: see the build output above." >&2
fi

summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
