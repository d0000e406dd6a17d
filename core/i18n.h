/* SPDX-License-Identifier: GPL-3.0-or-later */
/* i18n.h - translation of strings for people (gettext, domain "hubdesk").
 *
 * msgids are English; the Chinese lives in po/zh_CN.po. N_() marks a string
 * for extraction without translating it (for tables translated at use). */
#ifndef HD_I18N_H
#define HD_I18N_H

#include <libintl.h>

#define _(s) dgettext("hubdesk", s)
#define N_(s) (s)

#endif
