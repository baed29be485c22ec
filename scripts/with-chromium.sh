#!/usr/bin/env bash
# Run a command with Chromium for the browser test of `hr-wizard serve`:
#   bash scripts/with-chromium.sh make test
# Installs the distribution's chromium if it is missing, sets HR_WIZARD_TEST_CHROMIUM and runs
# the command. The test starts Chromium itself (headless, no background network, a fresh
# profile) through Playwright; Playwright's own browser download is never used.
set -euo pipefail

chromium=$(command -v chromium || true)
if [ -z "$chromium" ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "Installing chromium from the distribution's packages..." >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
    chromium=$(command -v chromium)
fi

export HR_WIZARD_TEST_CHROMIUM="$chromium"
"$@"
