/* SPDX-License-Identifier: GPL-3.0-or-later */
/* clock.h - domain time: "now" for rules, records and the top line.
 *
 * One function gives the time; HUBDESK_NOW (e.g. 2026-11-23T09:00:00+08:00)
 * freezes it for tests. Times are stored as seconds since the epoch (UTC)
 * and shown in local time (TZ). Interface timers use clock_monotonic_ms(). */
#ifndef HD_CLOCK_H
#define HD_CLOCK_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "core/status.h"

/* Checks HUBDESK_NOW once; HD_BAD_INPUT with a message when it is set but is
 * not an ISO 8601 time with an offset (or Z). Call at start. */
enum hd_status clock_check_env(struct hd_err *err);

/* Domain time now: HUBDESK_NOW when set and valid, else the system clock. */
time_t clock_now(void);

/* The system clock, whatever HUBDESK_NOW says: for the age of files, whose
 * times the system writes. */
time_t clock_wall(void);

/* Milliseconds of the monotonic clock, for interface timers. */
int64_t clock_monotonic_ms(void);

/* Parses "YYYY-MM-DDTHH:MM[:SS](Z|+HH:MM|-HH:MM)" into *t. 0 on success. */
int clock_parse_iso(const char *s, time_t *t);

/* The calendar lives here, on day numbers: days since 1970-01-01 of the
 * proleptic Gregorian calendar, with no zone (so no daylight saving can
 * shift a day). Text dates are "YYYY-MM-DD". */

/* The day number of a date. */
long clock_days_from_civil(int y, int m, int d);

/* The day number of the date "YYYY-MM-DD", or CLOCK_NO_DAY when malformed. */
#define CLOCK_NO_DAY (-1000000L)
long clock_day_of(const char *date);

/* The date "YYYY-MM-DD" of day number day, into out (at least 11 bytes). */
void clock_date_of(long day, char *out, size_t outsz);

/* The year, month (1-12) and day of the month of day number day. */
void clock_civil_of(long day, int *y, int *m, int *d);

/* The weekday of day number day: 1 Monday ... 7 Sunday. */
int clock_weekday_of_day(long day);

/* The days of month m (1-12) of year y. */
int clock_days_in_month(int y, int m);

/* The first and the last day of the month that holds day number day. */
long clock_month_first(long day);
long clock_month_last(long day);

/* The same day of the month a year before day; 29 February goes to the
 * 28th. */
long clock_year_before(long day);

/* The local day number of the instant t; clock_today() is that of
 * clock_now(). */
long clock_day_at(time_t t);
long clock_today(void);

/* The local minute of the day of the instant t (0 for midnight), and its
 * day number into *day (day may be NULL). */
int clock_local_minute(time_t t, long *day);

/* The instant of local midnight of day number day, also on a day when the
 * clocks change (daylight saving); and of minutes of local wall-clock time
 * after that midnight (minutes may pass 24:00 and be negative). */
time_t clock_local_midnight(long day);
time_t clock_day_time(long day, int minutes);

/* Reads a date the user typed (YYYY-MM-DD, also YYYY/M/D) into its day
 * number *day. HD_BAD_INPUT with a message naming label. */
enum hd_status clock_parse_day(const char *in, const char *label, long *day, struct hd_err *err);

/* The weekday (1 Monday ... 7 Sunday) of the date "YYYY-MM-DD", 0 when
 * malformed; and of the local day of the instant t. */
int clock_weekday_of(const char *date);
int clock_weekday(time_t t);

/* The date days after date (days may be negative) into out (at least 11
 * bytes); date itself when it is malformed. */
void clock_date_add(const char *date, int days, char *out, size_t outsz);

/* Local "YYYY-MM-DD" of t. */
void clock_local_date(time_t t, char *out, size_t outsz);

/* Local "YYYY-MM-DD HH:MM" of t. */
void clock_local_datetime(time_t t, char *out, size_t outsz);

/* Local "HH:MM" of t. */
void clock_local_hm(time_t t, char *out, size_t outsz);

/* The local day of t as people say it, without the year, in the interface
 * language: "14 Dec", in Chinese "12月14日". */
void clock_local_day(time_t t, char *out, size_t outsz);

/* Seconds of local midnight of the date "YYYY-MM-DD" plus minutes (may pass
 * 24:00), or -1 when the date is malformed. */
time_t clock_local_time(const char *date, int minutes);

/* Reads local "YYYY-MM-DD HH:MM" into *t. HD_BAD_INPUT naming label. */
enum hd_status clock_parse_local(const char *in, const char *label, time_t *t, struct hd_err *err);

#endif
