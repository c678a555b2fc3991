# Sourced by test.sh: the QGIS views are read by GDAL's ogrinfo from a real PostGIS (Debian's
# postgresql-15-postgis-3 for the PostgreSQL 15 the tests start, and gdal-bin); installed here when
# missing and this user can.
. "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh"
missing=""
[ -e /usr/share/postgresql/15/extension/postgis.control ] || missing="$missing postgresql-15-postgis-3"
command -v ogrinfo >/dev/null 2>&1 || missing="$missing gdal-bin"
if [ -n "$missing" ]; then
  echo "installing Debian's$missing (for the QGIS views' test)" >&2
  # shellcheck disable=SC2086
  apt_install $missing || echo "warning:$missing not installed (Debian: sudo apt-get install$missing); the QGIS views' test will fail and say so." >&2
fi
