#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tools/deps.sh - installs the Debian packages hubdesk needs to build, run
# and test, and generates the zh_CN.UTF-8 locale. Says what it does and does
# nothing when everything is there.
#   sh tools/deps.sh              install what is missing (also for the tests)
#   sh tools/deps.sh --if-missing the same, silent when nothing is missing
#   --run                         only what building and running need (`make run`)
set -eu

# To build and run (the readings of Chinese characters are made at build
# time by python3 from rime's pinyin dictionary).
PACKAGES="build-essential pkg-config gettext locales
libncurses-dev libsqlite3-dev libqrencode-dev libcups2-dev libsodium-dev
libcairo2-dev libpango1.0-dev libunistring-dev libpq-dev fonts-wqy-microhei sqlite3
python3 librime-dev rime-data-pinyin-simp rime-prelude"
# To test (make check): the test library, the real print server, terminal,
# QR and PDF readers, libical's checker, LibreOffice for the spreadsheet
# round trip, and the kiosk itself (cage on its headless backend, which
# needs Xwayland to start, foot, grim for its screen, PIL to read the PNG),
# and the Debian package's tools (make deb, make check-deb).
TEST_PACKAGES="libcmocka-dev libical-dev tmux cups cups-client cups-bsd zbar-tools poppler-utils
libreoffice-calc-nogui systemd clang-format cage foot grim xwayland python3-pil postgresql
debhelper lintian man-db"

quiet=false
tests=true
for a in "$@"; do
	case $a in
	--if-missing) quiet=true ;;
	--run) tests=false ;;
	*)
		echo "deps: unknown option $a" >&2
		exit 2
		;;
	esac
done
$tests && PACKAGES="$PACKAGES $TEST_PACKAGES"

say() { $quiet || echo "deps: $*"; }

missing=""
for p in $PACKAGES; do
	if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
		missing="$missing $p"
	fi
done

if [ "$(id -u)" = 0 ]; then
	SUDO=""
else
	SUDO="sudo"
fi

if [ -n "$missing" ]; then
	echo "deps: installing:$missing"
	export DEBIAN_FRONTEND=noninteractive
	$SUDO apt-get update -q
	# shellcheck disable=SC2086
	$SUDO apt-get install -y -q --no-install-recommends $missing
else
	say "all packages are installed"
fi

if locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
	say "locale zh_CN.UTF-8 is there"
else
	echo "deps: generating the zh_CN.UTF-8 locale"
	if [ -f /etc/locale.gen ] && grep -q '^# *zh_CN.UTF-8 UTF-8' /etc/locale.gen; then
		$SUDO sed -i 's/^# *\(zh_CN.UTF-8 UTF-8\)/\1/' /etc/locale.gen
	elif ! grep -q '^zh_CN.UTF-8 UTF-8' /etc/locale.gen 2>/dev/null; then
		echo 'zh_CN.UTF-8 UTF-8' | $SUDO tee -a /etc/locale.gen >/dev/null
	fi
	$SUDO locale-gen
fi
