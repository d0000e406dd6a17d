#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# tools/manpage.sh - a manual page from its source (man/*.1.in): the lines
# of `hubdesk --help` (standard input) in place of @COMMANDS@, as roff that
# shows them as they are, and the version and the folders in place of
# @VERSION@, @MODULEDIR@ and @UNITDIR@. A Chinese page (man/zh_*) gets a
# break point (\:) between every two Chinese characters (not before a
# closing mark nor after an opening one), since troff breaks lines only at
# spaces, which Chinese text has none of.
#   ./hubdesk --help | sh tools/manpage.sh man/hubdesk.1.in VERSION MODULEDIR UNITDIR
set -eu
[ $# = 4 ] || { echo "usage: tools/manpage.sh SOURCE VERSION MODULEDIR UNITDIR" >&2; exit 2; }
src=$1 version=$2 moddir=$3 unitdir=$4
commands=$(mktemp)
trap 'rm -f "$commands"' EXIT
# roff: a backslash is \e, a minus sign \-, and a line that would begin
# with a dot or an apostrophe begins with \& instead.
sed -e 's/\\/\\e/g' -e 's/-/\\-/g' -e "s/^\\([.']\\)/\\\\\\&\\1/" >"$commands"
[ -s "$commands" ] || { echo "tools/manpage.sh: no commands on standard input" >&2; exit 1; }
while IFS= read -r line || [ -n "$line" ]; do
	case $line in
	@COMMANDS@) cat "$commands" ;;
	*)
		printf '%s\n' "$line" | sed -e "s|@VERSION@|$version|g" -e "s|@MODULEDIR@|$moddir|g" \
			-e "s|@UNITDIR@|$unitdir|g"
		;;
	esac
done <"$src" | case $src in
*/zh_*)
	perl -CSD -Mutf8 -pe 'next if /^\.\\"/; s/([\x{3000}-\x{9FFF}\x{FF00}-\x{FFEF}])(?=[\x{3000}-\x{9FFF}\x{FF00}-\x{FFEF}])(?<![（「『])(?![，。、；：）」』！？])/$1\\:/g'
	;;
*) cat ;;
esac
