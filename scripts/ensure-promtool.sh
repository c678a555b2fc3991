# Sourced by test.sh: the metrics test checks /metrics with Prometheus's own linter, promtool, from
# Debian's prometheus package; installed here when missing and this user can (only promtool is used:
# no Prometheus server is started).
. "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh"
if ! command -v promtool >/dev/null 2>&1; then
  echo "promtool is not installed: installing Debian's prometheus package (for promtool only)" >&2
  apt_install prometheus || echo "warning: promtool is not installed (Debian: sudo apt-get install prometheus); the metrics format test will fail and say so." >&2
fi
