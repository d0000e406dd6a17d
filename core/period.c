/* SPDX-License-Identifier: GPL-3.0-or-later */
/* period.c - periods of reports and exports. */
#include "core/period.h"

#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/text.h"

static void date_of(long z, char out[DATE_LEN])
{
	long era, doe, yoe, y, doy, mp, d, m;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp + (mp < 10 ? 3 : -9);
	char buf[64];

	snprintf(buf, sizeof(buf), "%04ld-%02ld-%02ld", y + (m <= 2), m, d);
	snprintf(out, DATE_LEN, "%.10s", buf);
}

static long day_number(const char *date)
{
	int y = 0, m = 0, d = 0;

	if (sscanf(date, "%4d-%2d-%2d", &y, &m, &d) != 3)
		return 0;
	return clock_days_from_civil(y, m, d);
}

void period_add_days(const char *date, int days, char out[DATE_LEN])
{
	date_of(day_number(date) + days, out);
}

int period_days_between(const char *a, const char *b)
{
	return (int)(day_number(b) - day_number(a));
}

enum hd_status period_bounds(const char *from, const char *to, bool from_today, time_t *start,
			     time_t *end, struct hd_err *err)
{
	char f[DATE_LEN] = "", t[DATE_LEN] = "", next[DATE_LEN];

	if (from && valid_date(from, "--from", f, sizeof(f), err) != HD_OK)
		return HD_BAD_INPUT;
	if (to && valid_date(to, "--to", t, sizeof(t), err) != HD_OK)
		return HD_BAD_INPUT;
	if (!*f && from_today)
		clock_local_date(clock_now(), f, sizeof(f));
	if (*f && *t && strcmp(t, f) < 0)
		return hd_err_set(err, HD_BAD_INPUT, "--to", _("--to %s is before --from %s."), t, f);
	*start = *f ? clock_local_time(f, 0) : 0;
	if (*t) {
		period_add_days(t, 1, next);
		*end = clock_local_time(next, 0);
	} else {
		*end = (time_t)1 << 40;
	}
	return HD_OK;
}

enum hd_status period_month(const char *month, char first[DATE_LEN], char last[DATE_LEN],
			    struct hd_err *err)
{
	int y = 0, m = 0, n = 0;
	char next[DATE_LEN], buf[64];

	if (!month || sscanf(month, "%4d-%2d%n", &y, &m, &n) != 2 || month[n] || y < 2000 ||
	    y > 2999 || m < 1 || m > 12)
		return hd_err_set(err, HD_BAD_INPUT, "--month",
				  _("--month: a month like 2026-11 (year and month)."));
	snprintf(buf, sizeof(buf), "%04d-%02d-01", y, m);
	snprintf(first, DATE_LEN, "%.10s", buf);
	snprintf(buf, sizeof(buf), "%04d-%02d-01", m == 12 ? y + 1 : y, m % 12 + 1);
	snprintf(next, sizeof(next), "%.10s", buf);
	period_add_days(next, -1, last);
	return HD_OK;
}

void period_month_add(const char *month, int months, char out[8])
{
	int y = 0, m = 0, n;
	char buf[32];

	snprintf(out, 8, "%.7s", month ? month : "");
	if (!month || sscanf(month, "%4d-%2d", &y, &m) != 2 || m < 1 || m > 12)
		return;
	n = y * 12 + (m - 1) + months;
	if (n < 2000 * 12 || n >= 3000 * 12)
		return;
	snprintf(buf, sizeof(buf), "%04d-%02d", n / 12, n % 12 + 1);
	snprintf(out, 8, "%.7s", buf);
}
