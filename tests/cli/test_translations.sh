# SPDX-License-Identifier: GPL-3.0-or-later
# test_translations.sh - every string for people in the source has its
# Chinese translation in po/zh_CN.po, and the catalogue compiles cleanly.
. "$(dirname "$0")/../lib.sh"
cd "$TOP" || exit 1

xgettext --from-code=UTF-8 -k_ -kN_ --package-name=hubdesk -o "$T/now.pot" \
	core/*.[ch] forms/*.[ch] tui/*.[ch] $(ls printing/*.[ch] 2>/dev/null) 2>"$T/xg"
if msgcmp po/zh_CN.po "$T/now.pot" >"$T/cmp" 2>&1; then
	ok "every msgid of the source is translated in po/zh_CN.po"
else
	not_ok "po/zh_CN.po lacks translations (run make pot; msgmerge)" "$(head -20 "$T/cmp")"
fi
if msgfmt --check -o /dev/null po/zh_CN.po 2>"$T/fmt"; then
	ok "po/zh_CN.po passes msgfmt --check"
else
	not_ok "msgfmt --check po/zh_CN.po" "$(head -20 "$T/fmt")"
fi
if grep -q '#, fuzzy' po/zh_CN.po | grep -v '^#, fuzzy$' >/dev/null 2>&1; then
	not_ok "po/zh_CN.po has fuzzy entries"
else
	ok "po/zh_CN.po has no fuzzy entries"
fi

done_testing
