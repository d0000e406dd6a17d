/* SPDX-License-Identifier: GPL-3.0-or-later */
/* termwidth.h - how the terminal draws East Asian ambiguous-width
 * characters (block characters among them): asked once by drawing one and
 * reading back where the cursor went. */
#ifndef HD_TERMWIDTH_H
#define HD_TERMWIDTH_H

#include <stdbool.h>

/* True when the terminal draws U+2588 two columns wide. Asked once (the
 * screen is redrawn whole afterwards); false when the terminal does not
 * answer within a moment. */
bool term_ambiguous_wide(void);

#endif
