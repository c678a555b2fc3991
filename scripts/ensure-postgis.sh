# Sourced by test.sh: the QGIS views are read by GDAL's ogrinfo from a real PostGIS (Debian's
# postgresql-15-postgis-3 for the PostgreSQL 15 the tests start, and gdal-bin); installed here when
# missing and this user can.
missing=""
[ -e /usr/share/postgresql/15/extension/postgis.control ] || missing="$missing postgresql-15-postgis-3"
command -v ogrinfo >/dev/null 2>&1 || missing="$missing gdal-bin"
if [ -n "$missing" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing Debian's$missing (for the QGIS views' test)" >&2
    # shellcheck disable=SC2086
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing >/dev/null 2>&1; then
      apt-get update -q >/dev/null
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing >/dev/null
    fi
  else
    echo "warning:$missing not installed (Debian: sudo apt-get install$missing); the QGIS views' test will fail and say so." >&2
  fi
fi
