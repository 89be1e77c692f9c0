#!/usr/bin/env bash
# Install Debian's Chromium for the browser tests, where this machine allows it.
# Playwright drives /usr/bin/chromium; it never downloads a browser of its own.
set -eu
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Chromium for the browser tests (apt-get, about 500 MB)..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Chromium is not installed, so the browser tests will be skipped."
echo "To run them: sudo apt-get install -y chromium   (Debian/Ubuntu)"
