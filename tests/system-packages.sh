#!/bin/sh
# The Debian/Ubuntu packages the tests need beyond Python's own: the libraries Qt loads, a Chinese
# screen font, poppler-utils (pdffonts) and LibreOffice (re-saving our workbooks as users' programs
# do), and python3-venv where the system Python lacks ensurepip. Missing ones are installed as root
# (or through sudo without a password); otherwise one line names them and the script fails.
# With --check it only names what is missing. Elsewhere than Debian or Ubuntu it checks nothing.
set -eu
command -v dpkg-query >/dev/null 2>&1 || exit 0

needed="libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 fonts-wqy-microhei
        poppler-utils libreoffice-calc-nogui"
python3 -c "import ensurepip" >/dev/null 2>&1 || needed="$needed python3-venv"
missing=""
for pkg in $needed; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
done
[ -z "$missing" ] && exit 0

if [ "${1:-}" != "--check" ] && [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif [ "${1:-}" != "--check" ] && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo"
else
    echo "The tests need these system packages; as root, run: apt-get install$missing" >&2
    exit 1
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing
