# Sourced by test.sh: the review UI's tests drive a real headless Chromium (Debian's chromium package)
# through Playwright; installed here when missing and this user can.
if [ -z "${AISMONITOR_CHROMIUM:-}" ] && ! [ -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "chromium is not installed: installing Debian's chromium package (for the review UI's browser tests)" >&2
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium >/dev/null 2>&1; then
      apt-get update -q >/dev/null
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium >/dev/null
    fi
  else
    echo "warning: chromium is not installed (Debian: sudo apt-get install chromium, or set AISMONITOR_CHROMIUM to a Chromium binary); the review UI's browser test will fail and say so." >&2
  fi
fi
