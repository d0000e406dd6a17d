/* SPDX-License-Identifier: GPL-3.0-or-later */
/* period.c - periods of reports and exports. */
#include "core/period.h"

#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/text.h"

enum hd_status period_read(const char *from, const char *to, long *first, long *last,
			   struct hd_err *err)
{
	*first = *last = CLOCK_NO_DAY;
	if (from && clock_parse_day(from, "--from", first, err) != HD_OK)
		return HD_BAD_INPUT;
	if (to && clock_parse_day(to, "--to", last, err) != HD_OK)
		return HD_BAD_INPUT;
	return HD_OK;
}

enum hd_status period_bounds(long first, long last, bool from_today, time_t *start, time_t *end,
			     struct hd_err *err)
{
	char f[DATE_LEN], t[DATE_LEN];

	if (first == CLOCK_NO_DAY && from_today)
		first = clock_today();
	if (first != CLOCK_NO_DAY && last != CLOCK_NO_DAY && last < first) {
		clock_date_of(first, f, sizeof(f));
		clock_date_of(last, t, sizeof(t));
		return hd_err_set(err, HD_BAD_INPUT, "--to", _("--to %s is before --from %s."), t,
				  f);
	}
	*start = first != CLOCK_NO_DAY ? clock_local_midnight(first) : 0;
	*end = last != CLOCK_NO_DAY ? clock_local_midnight(last + 1) : (time_t)1 << 40;
	return HD_OK;
}

enum hd_status period_month(const char *month, long *first, long *last, struct hd_err *err)
{
	int y = 0, m = 0, n = 0;

	if (!month || sscanf(month, "%4d-%2d%n", &y, &m, &n) != 2 || month[n] || y < 2000 ||
	    y > 2999 || m < 1 || m > 12)
		return hd_err_set(err, HD_BAD_INPUT, "--month",
				  _("--month: a month like 2026-11 (year and month)."));
	*first = clock_days_from_civil(y, m, 1);
	*last = clock_month_last(*first);
	return HD_OK;
}

enum hd_status period_half_year(const char *month, long *first, long *last, struct hd_err *err)
{
	int y, m, d;

	if (period_month(month, first, last, err) != HD_OK)
		return HD_BAD_INPUT;
	clock_civil_of(*first, &y, &m, &d);
	*first = clock_days_from_civil(y, m <= 6 ? 1 : 7, 1);
	*last = clock_month_last(clock_days_from_civil(y, m <= 6 ? 6 : 12, 1));
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
