# SPDX-License-Identifier: GPL-3.0-or-later
# test_format.sh - the tree already has the layout of its .clang-format, so
# `make format` changes nothing: every C file make format reads passes
# clang-format --dry-run. Aligned tables stand between
# "// clang-format off" and "// clang-format on".
. "$(dirname "$0")/../lib.sh"
cd "$TOP" || exit 1

if ! command -v clang-format >/dev/null 2>&1; then
	not_ok "clang-format is installed (make deps installs it)"
	done_testing
	exit
fi
files=$(make --no-print-directory -s format-files)
if [ -z "$files" ]; then
	not_ok "make format-files lists the files make format reads"
else
	ok "make format reads $(echo "$files" | wc -w) files"
fi
# shellcheck disable=SC2086
out=$(clang-format --dry-run $files 2>&1)
if [ -z "$out" ]; then
	ok "every file has the layout of .clang-format"
else
	not_ok "files that make format would change (run make format, or fence an aligned table)" \
		"$(echo "$out" | grep -E '^[^ ]+:[0-9]+:[0-9]+: ' | sed 's/: warning:.*//' | sort -u -t: -k1,1 | head -20)"
fi
done_testing
