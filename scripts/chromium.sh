#!/usr/bin/env bash
# Debian's Chromium for the dashboard's browser tests (Playwright drives it by executable_path).
#
#   scripts/chromium.sh install   apt-get install chromium, if /usr/bin/chromium is missing
#                                 (root only)
#   scripts/chromium.sh path      print the Chromium executable (exit 1 when there is none)
#
# Debian's package, not `playwright install`: the browser comes from the distribution's signed
# archive once, at machine setup, and nothing is downloaded while the tests run. Messages go to
# stderr; stdout carries only the path.
set -euo pipefail

CHROMIUM="${COMMUNIQUE_CHROMIUM:-/usr/bin/chromium}"

install() {
    if [ -x "$CHROMIUM" ]; then
        return 0
    fi
    if [ "$(id -u)" -ne 0 ]; then
        echo "chromium.sh: $CHROMIUM is missing and installing Debian's chromium needs root;" \
            "run 'sudo apt-get install chromium' (the browser tests skip without it, outside CI)" >&2
        return 1
    fi
    echo "chromium.sh: installing Chromium from Debian" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    # Recommends pull in desktop extras (printing, avahi, notifications) a headless test browser
    # never uses; of them only the fonts matter: Liberation covers Latin and Cyrillic, so pages and
    # screenshots show the Russian texts rather than empty boxes.
    apt-get install -y -qq --no-install-recommends chromium fonts-liberation >&2
}

path() {
    if [ -x "$CHROMIUM" ]; then
        echo "$CHROMIUM"
        return 0
    fi
    echo "chromium.sh: no Chromium at $CHROMIUM (run: bash scripts/chromium.sh install)" >&2
    return 1
}

case "${1:-}" in
    install) install ;;
    path) path ;;
    *) echo "usage: $0 install|path" >&2; exit 2 ;;
esac
