# Sourced by demo.sh and test.sh: makes sure PostgreSQL's server binaries (initdb, pg_ctl) are
# installed, installing Debian's postgresql package when they are not and this user can.
. "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh"
if [ -z "${ConnectionStrings__AisMonitor:-}" ] || [ "${0##*/}" = "test.sh" ]; then
  if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
    echo "PostgreSQL is not installed: installing Debian's postgresql package" >&2
    if ! apt_install --with-recommends postgresql; then
      echo "error: PostgreSQL is not installed. Install it (Debian: sudo apt-get install postgresql) or set ConnectionStrings__AisMonitor." >&2
      exit 1
    fi
  fi
fi
