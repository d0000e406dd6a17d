/* SPDX-License-Identifier: GPL-3.0-or-later */
/* period.h - the period of a report or an export: dates from..to (both
 * included) given on the command line or a screen, as local times. */
#ifndef HD_PERIOD_H
#define HD_PERIOD_H

#include <stdbool.h>
#include <time.h>

#include "core/status.h"
#include "core/validate.h"

/* Reads from and to ("YYYY-MM-DD", either may be NULL: not given) into *start
 * (local midnight of from) and *end (local midnight of the day after to).
 * A missing from is the beginning of time, or today when from_today; a
 * missing to is no bound. HD_BAD_INPUT naming --from or --to when one is
 * malformed or to is before from. */
enum hd_status period_bounds(const char *from, const char *to, bool from_today, time_t *start,
			     time_t *end, struct hd_err *err);

/* Reads a month "YYYY-MM" (also "YYYY-M") into its first and last dates.
 * HD_BAD_INPUT naming --month. */
enum hd_status period_month(const char *month, char first[DATE_LEN], char last[DATE_LEN],
			    struct hd_err *err);

/* The month ("YYYY-MM") months after month (negative: before) into out
 * (8 bytes); month itself when malformed or the result leaves 2000-2999. */
void period_month_add(const char *month, int months, char out[8]);

#endif
