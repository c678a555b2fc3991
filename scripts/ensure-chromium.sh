# Sourced by test.sh: the review UI's tests drive a real headless Chromium (Debian's chromium package)
# through Playwright; installed here when missing and this user can.
. "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh"
if [ -z "${AISMONITOR_CHROMIUM:-}" ] && ! [ -x /usr/bin/chromium ]; then
  echo "chromium is not installed: installing Debian's chromium package (for the review UI's browser tests)" >&2
  apt_install chromium || echo "warning: chromium is not installed (Debian: sudo apt-get install chromium, or set AISMONITOR_CHROMIUM to a Chromium binary); the review UI's browser test will fail and say so." >&2
fi
