# Sourced by test.sh: the metrics test checks /metrics with Prometheus's own linter, promtool, from
# Debian's prometheus package; installed here when missing and this user can (only promtool is used:
# no Prometheus server is started).
if ! command -v promtool >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "promtool is not installed: installing Debian's prometheus package (for promtool only)" >&2
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends prometheus >/dev/null 2>&1; then
      apt-get update -q >/dev/null
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends prometheus >/dev/null
    fi
  else
    echo "warning: promtool is not installed (Debian: sudo apt-get install prometheus); the metrics format test will fail and say so." >&2
  fi
fi
