# Sourced by the ensure-*.sh scripts: apt_install [--with-recommends] PACKAGE... installs Debian
# packages when this user is root and apt-get is there (refreshing the package lists once if the
# first try fails); returns non-zero, having installed nothing, when it cannot, so that the caller
# says what to install.
apt_install() {
  local recommends="--no-install-recommends"
  if [ "${1:-}" = "--with-recommends" ]; then recommends=""; shift; fi
  [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1 || return 1
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q $recommends "$@" >/dev/null 2>&1 && return 0
  apt-get update -q >/dev/null
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q $recommends "$@" >/dev/null
}
