/* SPDX-License-Identifier: GPL-3.0-or-later */
/* period.h - the period of a report or an export: dates from..to (both
 * included) given on the command line or a screen, as local times. */
#ifndef HD_PERIOD_H
#define HD_PERIOD_H

#include <stdbool.h>
#include <time.h>

#include "core/clock.h"
#include "core/status.h"
#include "core/validate.h"

/* Reads the options --from and --to as typed ("YYYY-MM-DD"; either may be
 * NULL: not given) into the day numbers *first and *last, CLOCK_NO_DAY for
 * one not given. HD_BAD_INPUT naming --from or --to when one is malformed. */
enum hd_status period_read(const char *from, const char *to, long *first, long *last,
			   struct hd_err *err);

/* The instants of the days first..last (day numbers, both included; either
 * may be CLOCK_NO_DAY: not given): *start local midnight of first, *end
 * local midnight of the day after last. A missing first is the beginning of
 * time, or today when from_today; a missing last is no bound. HD_BAD_INPUT
 * naming --to when last is before first. */
enum hd_status period_bounds(long first, long last, bool from_today, time_t *start, time_t *end,
			     struct hd_err *err);

/* Reads a month "YYYY-MM" (also "YYYY-M") into the day numbers of its first
 * and last days. HD_BAD_INPUT naming --month. */
enum hd_status period_month(const char *month, long *first, long *last, struct hd_err *err);

/* Reads a month as period_month() does into the first and last days of
 * its half year: January to June, or July to December. HD_BAD_INPUT
 * naming --month. */
enum hd_status period_half_year(const char *month, long *first, long *last, struct hd_err *err);

/* The month ("YYYY-MM") months after month (negative: before) into out
 * (8 bytes); month itself when malformed or the result leaves 2000-2999. */
void period_month_add(const char *month, int months, char out[8]);

#endif
