# Sourced by test.sh and demo.sh: the review UI (src/AisMonitor.Worker/web) is built with npm from its
# lock file when the worker is built; Node.js and npm are installed here when missing and this user can.
. "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh"
if ! command -v npm >/dev/null 2>&1; then
  echo "npm is not installed: installing Debian's nodejs and npm (to build the review UI)" >&2
  apt_install nodejs npm || echo "error: npm is not installed: install Node.js 20 or later with npm (Debian: sudo apt-get install nodejs npm); the review UI is built with it." >&2
fi
