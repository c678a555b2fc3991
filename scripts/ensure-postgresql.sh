# Sourced by demo.sh and test.sh: makes sure PostgreSQL's server binaries (initdb, pg_ctl) are
# installed, installing Debian's postgresql package when they are not and this user can.
if [ -z "${ConnectionStrings__AisMonitor:-}" ] || [ "${0##*/}" = "test.sh" ]; then
  if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
      echo "PostgreSQL is not installed: installing Debian's postgresql package" >&2
      if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null; then
        apt-get update -q >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >/dev/null
      fi
    else
      echo "error: PostgreSQL is not installed. Install it (Debian: sudo apt-get install postgresql) or set ConnectionStrings__AisMonitor." >&2
      exit 1
    fi
  fi
fi
