/* SPDX-License-Identifier: GPL-3.0-or-later */
/* clock.c - domain time with the HUBDESK_NOW override, local conversions. */
#include "core/clock.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "core/validate.h"

long clock_days_from_civil(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

int clock_days_in_month(int y, int m)
{
	static const int DAYS[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : DAYS[m - 1];
}

long clock_day_of(const char *date)
{
	int y = 0, m = 0, d = 0, n = 0;

	if (!date || sscanf(date, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10 || date[n] ||
	    m < 1 || m > 12 || d < 1 || d > clock_days_in_month(y, m))
		return CLOCK_NO_DAY;
	return clock_days_from_civil(y, m, d);
}

void clock_civil_of(long day, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp, mm, z = day + 719468;

	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	mm = mp + (mp < 10 ? 3 : -9);
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)mm;
	*y = (int)(yoe + era * 400 + (mm <= 2));
}

void clock_date_of(long day, char *out, size_t outsz)
{
	int y, m, d;

	clock_civil_of(day, &y, &m, &d);
	snprintf(out, outsz, "%04d-%02d-%02d", y % 10000, m, d);
}

int clock_weekday_of_day(long day)
{
	long r = (day + 3) % 7; /* 1970-01-01 was a Thursday */

	return (int)(r < 0 ? r + 7 : r) + 1;
}

long clock_month_first(long day)
{
	int y, m, d;

	clock_civil_of(day, &y, &m, &d);
	return day - (d - 1);
}

long clock_month_last(long day)
{
	int y, m, d;

	clock_civil_of(day, &y, &m, &d);
	return day + (clock_days_in_month(y, m) - d);
}

long clock_year_before(long day)
{
	int y, m, d, last;

	clock_civil_of(day, &y, &m, &d);
	last = clock_days_in_month(y - 1, m);
	return clock_days_from_civil(y - 1, m, d > last ? last : d);
}

int clock_weekday_of(const char *date)
{
	long day = clock_day_of(date);

	return day == CLOCK_NO_DAY ? 0 : clock_weekday_of_day(day);
}

int clock_weekday(time_t t)
{
	return clock_weekday_of_day(clock_day_at(t));
}

long clock_day_at(time_t t)
{
	long day;

	clock_local_minute(t, &day);
	return day;
}

long clock_today(void)
{
	return clock_day_at(clock_now());
}

int clock_local_minute(time_t t, long *day)
{
	struct tm tm;

	if (!localtime_r(&t, &tm)) {
		if (day)
			*day = CLOCK_NO_DAY;
		return 0;
	}
	if (day)
		*day = clock_days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	return tm.tm_hour * 60 + tm.tm_min;
}

void clock_date_add(const char *date, int days, char *out, size_t outsz)
{
	long day = clock_day_of(date);

	if (day == CLOCK_NO_DAY)
		snprintf(out, outsz, "%s", date ? date : "");
	else
		clock_date_of(day + days, out, outsz);
}

int clock_parse_iso(const char *s, time_t *t)
{
	int y, mo, d, h, mi, sec = 0, n = 0, oh = 0, om = 0, sign = 1;
	const char *p;

	if (!s || sscanf(s, "%4d-%2d-%2dT%2d:%2d%n", &y, &mo, &d, &h, &mi, &n) != 5)
		return -1;
	p = s + n;
	if (*p == ':') {
		if (sscanf(p, ":%2d%n", &sec, &n) != 1)
			return -1;
		p += n;
	}
	if (*p == 'Z') {
		p++;
	} else if (*p == '+' || *p == '-') {
		sign = *p == '-' ? -1 : 1;
		if (sscanf(p + 1, "%2d:%2d%n", &oh, &om, &n) != 2)
			return -1;
		p += 1 + n;
	} else {
		return -1;
	}
	if (*p || mo < 1 || mo > 12 || d < 1 || d > clock_days_in_month(y, mo) || h > 23 ||
	    mi > 59 || sec > 59 || oh > 14 || om > 59)
		return -1;
	*t = (time_t)clock_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec -
	     sign * (oh * 3600 + om * 60);
	return 0;
}

enum hd_status clock_check_env(struct hd_err *err)
{
	const char *v = getenv("HUBDESK_NOW");
	time_t t;

	if (v && *v && clock_parse_iso(v, &t) != 0)
		return hd_err_set(err, HD_BAD_INPUT, "HUBDESK_NOW",
				  _("HUBDESK_NOW: not a time like 2026-11-23T09:00:00+08:00"));
	return HD_OK;
}

time_t clock_now(void)
{
	const char *v = getenv("HUBDESK_NOW");
	time_t t;

	if (v && *v && clock_parse_iso(v, &t) == 0)
		return t;
	return time(NULL);
}

time_t clock_wall(void)
{
	return time(NULL);
}

int64_t clock_monotonic_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

enum local_form { LOCAL_DATE, LOCAL_DATETIME, LOCAL_HM };

static void local_fmt(time_t t, enum local_form form, char *out, size_t outsz)
{
	struct tm tm;
	size_t n = 0;

	if (localtime_r(&t, &tm)) {
		switch (form) {
		case LOCAL_DATE:
			n = strftime(out, outsz, "%Y-%m-%d", &tm);
			break;
		case LOCAL_DATETIME:
			n = strftime(out, outsz, "%Y-%m-%d %H:%M", &tm);
			break;
		case LOCAL_HM:
			n = strftime(out, outsz, "%H:%M", &tm);
			break;
		}
	}
	if (n == 0)
		snprintf(out, outsz, "?");
}

void clock_local_date(time_t t, char *out, size_t outsz)
{
	local_fmt(t, LOCAL_DATE, out, outsz);
}

void clock_local_datetime(time_t t, char *out, size_t outsz)
{
	local_fmt(t, LOCAL_DATETIME, out, outsz);
}

void clock_local_hm(time_t t, char *out, size_t outsz)
{
	local_fmt(t, LOCAL_HM, out, outsz);
}

static const char *const MONTHS[12] = {
	N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"),
	N_("Jul"), N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec"),
};

void clock_local_day(time_t t, char *out, size_t outsz)
{
	struct tm tm;

	if (!localtime_r(&t, &tm) || tm.tm_mon < 0 || tm.tm_mon > 11) {
		snprintf(out, outsz, "?");
		return;
	}
	/* The day of the month, then the month's name: "14 Dec". */
	snprintf(out, outsz, _("%d %s"), tm.tm_mday, _(MONTHS[tm.tm_mon]));
}

time_t clock_day_time(long day, int minutes)
{
	struct tm tm;
	int y, m, d;

	clock_civil_of(day, &y, &m, &d);
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_min = minutes;
	tm.tm_isdst = -1;
	return mktime(&tm);
}

time_t clock_local_midnight(long day)
{
	return clock_day_time(day, 0);
}

time_t clock_local_time(const char *date, int minutes)
{
	long day = clock_day_of(date);

	return day == CLOCK_NO_DAY ? -1 : clock_day_time(day, minutes);
}

enum hd_status clock_parse_day(const char *in, const char *label, long *day, struct hd_err *err)
{
	char date[DATE_LEN];

	if (valid_date(in ? in : "", label, date, sizeof(date), err) != HD_OK)
		return HD_BAD_INPUT;
	*day = clock_day_of(date);
	return HD_OK;
}

enum hd_status clock_parse_local(const char *in, const char *label, time_t *t, struct hd_err *err)
{
	char buf[64], date[DATE_LEN], *sp;
	int minutes;

	text_trim(in ? in : "", buf, sizeof(buf));
	sp = strchr(buf, ' ');
	if (!sp)
		sp = strchr(buf, 'T');
	if (!sp)
		return hd_err_set(err, HD_BAD_INPUT, label,
				  _("%s: a date and time like 2026-11-23 09:00"), label);
	*sp = '\0';
	if (valid_date(buf, label, date, sizeof(date), err) != HD_OK ||
	    valid_time(sp + 1, label, &minutes, err) != HD_OK)
		return hd_err_set(err, HD_BAD_INPUT, label,
				  _("%s: a date and time like 2026-11-23 09:00"), label);
	*t = clock_local_time(date, minutes);
	return HD_OK;
}
