#!/usr/bin/env bash
# The dashboard's browser test drives Debian's headless Chromium through chromedriver. The build calls this before
# monitoring-service's tests: it installs the two Debian packages when they are missing and we may (root + apt-get),
# and otherwise says what is missing, so the test fails with that message instead of passing unseen.
set -u
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
  echo "installing Debian's chromium and chromium-driver for the dashboard test ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q > /dev/null && apt-get install -y -q --no-install-recommends chromium chromium-driver > /dev/null \
    && exit 0
  echo "could not install chromium and chromium-driver with apt-get"
else
  echo "chromium and chromedriver are missing: install Debian's chromium and chromium-driver (or your OS's equivalents at /usr/bin)"
fi
exit 0   # the browser test reports the missing browser itself
