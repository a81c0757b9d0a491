# Sourced by .ci/run: Debian's Chromium for the browser tests (never Playwright's own download).
if [ ! -x /usr/bin/chromium ]; then
    if command -v apt-get >/dev/null 2>&1; then
        SUDO=""
        [ "$(id -u)" -ne 0 ] && SUDO="sudo"
        $SUDO apt-get update -qq
        $SUDO apt-get install -y -qq chromium
    else
        echo "browser.sh: /usr/bin/chromium missing and no apt-get; browser tests will fail" >&2
    fi
fi
export ACUPATH_CHROMIUM=/usr/bin/chromium
