#!/usr/bin/env bash
# Install what the browser tests need, where this machine allows it: Debian's Chromium (Playwright
# drives /usr/bin/chromium and never downloads a browser of its own), and Node.js with npm, which
# fetch the static site's offline widget scripts and axe-core from the npm registry.
set -eu
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${missing[*]} for the browser tests (apt-get; Chromium alone is about 500 MB)..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
echo "Not installed: ${missing[*]}, so the browser tests that need them will be skipped."
echo "To run them: sudo apt-get install -y ${missing[*]}   (Debian/Ubuntu)"
