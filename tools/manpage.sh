#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tools/manpage.sh - a manual page from its source (man/*.1.in): the lines
# of `hubdesk --help` (standard input) in place of a line @COMMANDS@, as
# roff that shows them as they are, and the version and the folders in
# place of @VERSION@, @BINDIR@, @MODULEDIR@ and @UNITDIR@. A Chinese page
# (man/zh_*) gets a break point (\:) between every two Chinese characters
# (not before a closing mark nor after an opening one), since troff breaks
# lines only at spaces, which Chinese text has none of.
#   ./hubdesk --help | sh tools/manpage.sh man/hubdesk.1.in VERSION BINDIR MODULEDIR UNITDIR
set -eu
[ $# = 5 ] || { echo "usage: tools/manpage.sh SOURCE VERSION BINDIR MODULEDIR UNITDIR" >&2; exit 2; }
src=$1
commands=$(mktemp)
trap 'rm -f "$commands"' EXIT
# roff: a backslash is \e, a minus sign \-, and a line that would begin
# with a dot or an apostrophe begins with \& instead.
sed -e 's/\\/\\e/g' -e 's/-/\\-/g' -e "s/^\\([.']\\)/\\\\\\&\\1/" >"$commands"
if grep -qx '@COMMANDS@' "$src" && [ ! -s "$commands" ]; then
	echo "tools/manpage.sh: $src wants the commands, and none came on standard input" >&2
	exit 1
fi
sed -e "s|@VERSION@|$2|g" -e "s|@BINDIR@|$3|g" -e "s|@MODULEDIR@|$4|g" -e "s|@UNITDIR@|$5|g" "$src" |
	awk -v commands="$commands" '
		$0 == "@COMMANDS@" { while ((getline line < commands) > 0) print line; next }
		{ print }' |
	case $src in
	*/zh_*)
		perl -CSD -Mutf8 -pe 'next if /^\.\\"/; s/([\x{3000}-\x{9FFF}\x{FF00}-\x{FFEF}])(?=[\x{3000}-\x{9FFF}\x{FF00}-\x{FFEF}])(?<![（「『])(?![，。、；：）」』！？])/$1\\:/g'
		;;
	*) cat ;;
	esac
