/* SPDX-License-Identifier: GPL-3.0-or-later */
/* lang.h - the interface language and the UTF-8 locale: Chinese unless the
 * locale's language is English or --lang en is given; a locale that is not
 * UTF-8 is switched to C.UTF-8. */
#ifndef HD_LANG_H
#define HD_LANG_H

#include <stdbool.h>

#include "core/status.h"

/* Sets the locale and the translation domain. forced is "zh", "en" or NULL.
 * HD_FAIL when no UTF-8 locale can be had. */
enum hd_status lang_setup(const char *forced, struct hd_err *err);

/* True when the interface speaks English. */
bool lang_english(void);

#endif
