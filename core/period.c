/* SPDX-License-Identifier: GPL-3.0-or-later */
/* period.c - periods of reports and exports. */
#include "core/period.h"

#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/text.h"

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
		clock_date_add(t, 1, next, sizeof(next));
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
	clock_date_add(next, -1, last, DATE_LEN);
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
