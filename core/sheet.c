/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sheet.c - dates, times and credit codes as spreadsheets save them into
 * CSV files: the forms read, the ones that cannot be, and why. */
#include "core/sheet.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/text.h"
#include "core/validate.h"

/* Longest cell, in bytes, read as a date, time or code; anything longer is
 * none of them. */
#define CELL_MAX 64

#define ZH_YEAR "\xE5\xB9\xB4"  /* 年 */
#define ZH_MONTH "\xE6\x9C\x88" /* 月 */
#define ZH_DAY "\xE6\x97\xA5"   /* 日 */

/* Trims the cell into buf (CELL_MAX + 1 bytes); false when it is too long
 * to be a short value. */
static bool trim_cell(const char *in, char buf[CELL_MAX + 1])
{
	char wide[4 * CELL_MAX + 1];

	if (!in || strlen(in) >= sizeof(wide))
		return false;
	text_trim(in, wide, sizeof(wide));
	if (strlen(wide) > CELL_MAX)
		return false;
	memcpy(buf, wide, strlen(wide) + 1);
	return true;
}

/* Reads mind..maxd ASCII digits at *s into *v and moves *s past them; false
 * when fewer or more digits follow. */
static bool digits(const char **s, int mind, int maxd, int *v)
{
	int n = 0;

	*v = 0;
	while (n < maxd && isdigit((unsigned char)**s)) {
		*v = *v * 10 + (**s - '0');
		(*s)++;
		n++;
	}
	return n >= mind && !isdigit((unsigned char)**s);
}

/* Moves *s past word when it starts there. */
static bool skip(const char **s, const char *word)
{
	size_t n = strlen(word);

	if (strncmp(*s, word, n) != 0)
		return false;
	*s += n;
	return true;
}

/* Reads the year, month and day of the forms sheet_date() takes. */
static bool date_parts(const char *s, int *y, int *m, int *d)
{
	const char *sep_md;

	if (!digits(&s, 4, 4, y))
		return false;
	if (skip(&s, "-"))
		sep_md = "-";
	else if (skip(&s, "/"))
		sep_md = "/";
	else if (skip(&s, ZH_YEAR))
		sep_md = ZH_MONTH;
	else
		return false;
	if (!digits(&s, 1, 2, m) || !skip(&s, sep_md) || !digits(&s, 1, 2, d))
		return false;
	if (strcmp(sep_md, ZH_MONTH) == 0)
		skip(&s, ZH_DAY);
	return *s == '\0';
}

enum hd_status sheet_date(const char *in, const char *label, char *out, size_t outsz,
			  struct hd_err *err)
{
	char buf[CELL_MAX + 1], iso[CELL_MAX + 1];
	int y, m, d;

	if (out && outsz > 0)
		*out = '\0';
	if (!trim_cell(in, buf) || !date_parts(buf, &y, &m, &d))
		return hd_err_set(err, HD_BAD_INPUT, "",
				  _("%s: a date as 2025-11-01, 2025/11/1 or 2025年11月1日"), label);
	snprintf(iso, sizeof(iso), "%04d-%02d-%02d", y, m, d);
	if (valid_date(iso, label, out, outsz, err) != HD_OK)
		return hd_err_set(err, HD_BAD_INPUT, "",
				  _("%s: %s is no day of the calendar; a date as 2025-11-01, "
				    "2025/11/1 or 2025年11月1日 (years 1900-2999)"),
				  label, buf);
	return HD_OK;
}

enum hd_status sheet_time(const char *in, const char *label, char *out, size_t outsz,
			  struct hd_err *err)
{
	char buf[CELL_MAX + 1];
	const char *s = buf;
	int h, m, sec = 0;

	if (out && outsz > 0)
		*out = '\0';
	if (!trim_cell(in, buf) || !digits(&s, 1, 2, &h) || !skip(&s, ":") ||
	    !digits(&s, 2, 2, &m) || (skip(&s, ":") && !digits(&s, 2, 2, &sec)) || *s || h > 23 ||
	    m > 59 || sec > 59 || !out || outsz < SHEET_TIME_LEN)
		return hd_err_set(err, HD_BAD_INPUT, "",
				  _("%s: a time as 08:30, 8:30 or 08:30:00 (00:00-23:59)"), label);
	if (sec != 0)
		return hd_err_set(err, HD_BAD_INPUT, "",
				  _("%s: %s has seconds; a time in whole minutes, as 08:30 or "
				    "08:30:00"),
				  label, buf);
	snprintf(out, outsz, "%02d:%02d", h, m);
	return HD_OK;
}

/* True when s is a number in scientific notation as spreadsheets write it
 * (5.33101151234568E+17, 5.33101151234568e+17, 5E+17). A code of 18
 * characters with an E among digits and no point or sign is a code. */
static bool scientific(const char *s)
{
	const char *p = s;
	bool point = false, sign = false;

	if (!isdigit((unsigned char)*p))
		return false;
	while (isdigit((unsigned char)*p))
		p++;
	if (*p == '.') {
		point = true;
		for (p++; isdigit((unsigned char)*p);)
			p++;
	}
	if (*p != 'E' && *p != 'e')
		return false;
	p++;
	if (*p == '+' || *p == '-') {
		sign = true;
		p++;
	}
	if (!isdigit((unsigned char)*p))
		return false;
	while (isdigit((unsigned char)*p))
		p++;
	return *p == '\0' && (point || sign || strlen(s) != CREDIT_CODE_LEN - 1);
}

/* True when s is 18 digits, a point and zeros only (a number's decimals). */
static bool digits_point_zeros(const char *s)
{
	size_t i;

	for (i = 0; i < CREDIT_CODE_LEN - 1; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	if (s[i] != '.' || s[i + 1] == '\0')
		return false;
	for (i++; s[i] == '0'; i++)
		;
	return s[i] == '\0';
}

enum hd_status sheet_credit_code(const char *in, const char *label, char *out, size_t outsz,
				 struct hd_err *err)
{
	char buf[CELL_MAX + 1];

	if (out && outsz > 0)
		*out = '\0';
	/* Too long for a code: the code's own check says what is allowed. */
	if (!trim_cell(in, buf) || !out || outsz <= strlen(buf))
		return valid_credit_code(in, label, out, outsz, NULL, err);
	if (scientific(buf))
		return hd_err_set(err, HD_BAD_INPUT, "",
				  _("%s: a spreadsheet turned it into a number in scientific "
				    "notation; set this column to text and export again"),
				  label);
	if (digits_point_zeros(buf)) {
		buf[CREDIT_CODE_LEN - 1] = '\0';
		if (credit_code_check_char(buf) != buf[CREDIT_CODE_LEN - 2])
			return hd_err_set(err, HD_BAD_INPUT, "",
					  _("%s: a spreadsheet turned it into a number and its "
					    "last digits may have changed; set this column to text "
					    "and export again"),
					  label);
	}
	snprintf(out, outsz, "%s", buf);
	return HD_OK;
}
