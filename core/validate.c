/* SPDX-License-Identifier: GPL-3.0-or-later */
/* validate.c - the checks every front-end shares: text, phones, dates, times,
 * whole numbers and the unified social credit code. */
#include "core/validate.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/text.h"
#include "core/xalloc.h"

/* Longest input, in bytes, of the short fields (phone, date, time, number,
 * credit code); anything longer is malformed. */
#define SHORT_MAX 64

/* The credit code's alphabet, in the order of the characters' values 0..30. */
static const char CREDIT_ALPHABET[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/* Drops a character cut short at the end of s, so that a truncated message
 * stays valid UTF-8. */
static void drop_cut_tail(char *s)
{
	size_t n = strlen(s), k = n;
	uint32_t cp;

	while (k > 0 && ((unsigned char)s[k - 1] & 0xC0) == 0x80 && n - k < 3)
		k--;
	if (k > 0 && ((unsigned char)s[k - 1] & 0x80) && utf8_decode(s + k - 1, n - k + 1, &cp) < 0)
		s[k - 1] = '\0';
}

/* Fills err with HD_BAD_INPUT for the field labelled label; the message is a
 * printf format. */
__attribute__((format(printf, 3, 4))) static enum hd_status bad(struct hd_err *err,
								const char *label, const char *fmt,
								...)
{
	char field[sizeof(err->field)], msg[sizeof(err->msg)];
	va_list ap;

	snprintf(field, sizeof(field), "%s", label ? label : "");
	drop_cut_tail(field);
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	drop_cut_tail(msg);
	return hd_err_set(err, HD_BAD_INPUT, field, "%s", msg);
}

/* Bytes of the white space that starts at s (ASCII or U+3000), or 0. */
static size_t space_at(const char *s)
{
	if (*s == ' ' || (*s >= '\t' && *s <= '\r'))
		return 1;
	return strncmp(s, "\xE3\x80\x80", 3) == 0 ? 3 : 0;
}

/* The trimmed part of s: returns its start and sets *len to its bytes. */
static const char *trimmed(const char *s, size_t *len)
{
	const char *end;
	size_t k;

	while ((k = space_at(s)) > 0)
		s += k;
	end = s + strlen(s);
	while (end > s) {
		if (end - s >= 3 && memcmp(end - 3, "\xE3\x80\x80", 3) == 0)
			end -= 3;
		else if (space_at(end - 1) == 1)
			end--;
		else
			break;
	}
	*len = (size_t)(end - s);
	return s;
}

/* Trims a short field's input into buf (SHORT_MAX + 1 bytes); false when the
 * input is too long to be one. */
static bool trim_short(const char *in, char buf[SHORT_MAX + 1])
{
	size_t len;
	const char *s = trimmed(in ? in : "", &len);

	if (len > SHORT_MAX)
		return false;
	memcpy(buf, s, len);
	buf[len] = '\0';
	return true;
}

enum hd_status valid_code(const char *in, const char *label, int min, int max, char *out,
			  size_t outsz, struct hd_err *err)
{
	size_t n = in ? strlen(in) : 0, i;
	bool good = in && n >= (size_t)min && n <= (size_t)max && n < outsz;

	for (i = 0; good && i < n; i++)
		good = (in[i] >= 'A' && in[i] <= 'Z') || (in[i] >= 'a' && in[i] <= 'z') ||
		       (in[i] >= '0' && in[i] <= '9');
	if (!good)
		return hd_err_set(err, HD_BAD_INPUT, label,
				  _("%s: %d to %d capital letters or digits, such as HD"), label,
				  min, max);
	for (i = 0; i < n; i++)
		out[i] = in[i] >= 'a' && in[i] <= 'z' ? (char)(in[i] - 'a' + 'A') : in[i];
	out[n] = '\0';
	return HD_OK;
}

enum hd_status valid_text(const char *in, const char *label, int min, int max, char *out,
			  size_t outsz, struct hd_err *err)
{
	const char *s;
	char *norm, *trim;
	size_t len, i = 0, chars = 0;
	uint32_t cp;
	enum hd_status rc = HD_OK;
	int n;

	if (out && outsz > 0)
		out[0] = '\0';
	in = in ? in : "";
	if (!text_valid_utf8(in))
		return bad(err, label, _("%s: not valid UTF-8 text"), label);
	s = trimmed(in, &len);
	for (i = 0; i < len; i += (size_t)n) {
		n = utf8_decode(s + i, len - i, &cp);
		if (n < 0 || text_is_control(cp))
			return bad(err, label,
				   _("%s: no control characters (such as tabs or line breaks)"),
				   label);
	}
	/* Kept as one form, so that look-alikes are the same text. */
	trim = xstrndup(s, len);
	norm = text_normalise(trim, &cp);
	free(trim);
	if (!norm)
		return bad(
			err, label,
			_("%s: holds an invisible character (U+%04X) that makes it look like other text; type it without it"),
			label, (unsigned)cp);
	len = strlen(norm);
	chars = text_chars(norm);
	if (chars == 0 && min > 0)
		rc = bad(err, label, _("%s is required (%d to %d characters)"), label, min, max);
	else if (chars < (size_t)(min > 0 ? min : 0) || chars > (size_t)(max > 0 ? max : 0) ||
		 !out || len >= outsz)
		rc = bad(err, label, _("%s: %d to %d characters (%zu given)"), label, min, max,
			 chars);
	else
		memcpy(out, norm, len + 1);
	free(norm);
	return rc;
}

/* Collects the digits of a phone (spaces and dashes dropped) into d (SHORT_MAX
 * + 1 bytes); *plus tells a leading '+'. False on any other character. */
static bool phone_digits(const char *s, char *d, bool *plus)
{
	size_t n = 0, k;

	*plus = *s == '+';
	if (*plus)
		s++;
	while (*s) {
		if ((k = space_at(s)) > 0) {
			s += k;
			continue;
		}
		if (*s == '-') {
			s++;
			continue;
		}
		if (!isdigit((unsigned char)*s))
			return false;
		d[n++] = *s++;
	}
	d[n] = '\0';
	return n > 0;
}

/* Length of the area code (with its 0) of a landline's digits d, or 0. */
static size_t area_len(const char *d)
{
	if (d[0] != '0')
		return 0;
	if (d[1] == '1')
		return d[2] == '0' ? 3 : 0; /* 010 */
	if (d[1] == '2')
		return 3; /* 020-029 */
	return d[1] >= '3' && d[1] <= '9' ? 4 : 0;
}

enum hd_status valid_phone(const char *in, const char *label, char *out, size_t outsz,
			   struct hd_err *err)
{
	char buf[SHORT_MAX + 1], d[SHORT_MAX + 1];
	const char *p = d;
	size_t nd, area;
	bool plus;

	if (out && outsz > 0)
		out[0] = '\0';
	if (!trim_short(in, buf) || !phone_digits(buf, d, &plus))
		goto malformed;
	nd = strlen(d);
	if (nd == 13 && strncmp(d, "86", 2) == 0 && d[2] == '1') {
		p = d + 2;
		nd = 11;
	} else if (plus) {
		goto malformed;
	}
	if (nd == 11 && p[0] == '1' && p[1] >= '3' && p[1] <= '9') {
		if (!out || (size_t)snprintf(out, outsz, "%s", p) >= outsz)
			goto malformed;
		return HD_OK;
	}
	area = area_len(p);
	if (area > 0 && nd - area >= 7 && nd - area <= 8) {
		if (!out ||
		    (size_t)snprintf(out, outsz, "%.*s-%s", (int)area, p, p + area) >= outsz)
			goto malformed;
		return HD_OK;
	}
malformed:
	if (out && outsz > 0)
		out[0] = '\0';
	return bad(
		err, label,
		_("%s: a mobile (11 digits starting 13-19) or a landline (0, area code, 7-8 digits)"),
		label);
}

void phone_mask(const char *phone, char *out, size_t outsz)
{
	const char *dash;
	size_t len, keep;

	if (!out || outsz == 0)
		return;
	out[0] = '\0';
	if (!phone || !*phone)
		return;
	dash = strchr(phone, '-');
	len = strlen(phone);
	/* A landline keeps its area code, a mobile its first three digits. */
	keep = dash ? (size_t)(dash - phone) : 3;
	if ((dash && strlen(dash + 1) < 4) || (!dash && len < 7)) {
		snprintf(out, outsz, "****");
		return;
	}
	snprintf(out, outsz, "%.*s%s****%s", (int)keep, phone, dash ? "-" : "", phone + len - 4);
}

/* Reads 1..maxd ASCII digits at *s into *v and advances *s. */
static bool read_digits(const char **s, int mind, int maxd, int *v)
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

enum hd_status valid_date(const char *in, const char *label, char *out, size_t outsz,
			  struct hd_err *err)
{
	char buf[SHORT_MAX + 1], sep;
	const char *s = buf;
	int y, m, d;

	if (out && outsz > 0)
		out[0] = '\0';
	if (!trim_short(in, buf) || !read_digits(&s, 4, 4, &y) || (*s != '-' && *s != '/'))
		goto malformed;
	sep = *s++;
	if (!read_digits(&s, 1, 2, &m) || *s != sep)
		goto malformed;
	s++;
	if (!read_digits(&s, 1, 2, &d) || *s)
		goto malformed;
	if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 || d > clock_days_in_month(y, m))
		return bad(err, label,
			   _("%s: no such day in the calendar (YYYY-MM-DD, years 1900-2999)"),
			   label);
	if (!out || outsz < DATE_LEN)
		goto malformed;
	snprintf(out, outsz, "%04d-%02d-%02d", y, m, d);
	return HD_OK;
malformed:
	return bad(err, label, _("%s: a date as YYYY-MM-DD (for example 2026-11-23)"), label);
}

enum hd_status valid_time(const char *in, const char *label, int *minutes, struct hd_err *err)
{
	char buf[SHORT_MAX + 1];
	const char *s = buf;
	int h, m;

	if (!trim_short(in, buf) || !read_digits(&s, 1, 2, &h) || *s != ':')
		goto malformed;
	s++;
	if (!read_digits(&s, 2, 2, &m) || *s || h > 23 || m > 59)
		goto malformed;
	if (minutes)
		*minutes = h * 60 + m;
	return HD_OK;
malformed:
	return bad(err, label, _("%s: a time as HH:MM (00:00-23:59)"), label);
}

enum hd_status valid_int(const char *in, const char *label, long min, long max, long *out,
			 struct hd_err *err)
{
	char buf[SHORT_MAX + 1], *end;
	const char *s = buf;
	long v;

	if (!trim_short(in, buf))
		goto bad_number;
	if (*s == '+' || *s == '-')
		s++;
	if (!isdigit((unsigned char)*s))
		goto bad_number;
	errno = 0;
	v = strtol(buf, &end, 10);
	if (errno || *end || v < min || v > max)
		goto bad_number;
	if (out)
		*out = v;
	return HD_OK;
bad_number:
	return bad(err, label, _("%s: a whole number from %ld to %ld"), label, min, max);
}

enum hd_status valid_id(const char *in, const char *label, long long *id, struct hd_err *err)
{
	const char *p = in ? in : "";
	long n = 0;

	*id = 0;
	for (; *p >= '0' && *p <= '9'; p++)
		;
	if (!in || !*in || *p || valid_int(in, label, 1, RECORD_ID_MAX, &n, NULL) != HD_OK)
		return bad(err, label, _("%s: a record number from 1 to %ld"), label,
			   RECORD_ID_MAX);
	*id = n;
	return HD_OK;
}

/* The value 0..30 of credit-code character c (either case), or -1. */
static int credit_value(char c)
{
	const char *p;

	c = (char)toupper((unsigned char)c);
	if (c == '\0' || !(p = strchr(CREDIT_ALPHABET, c)))
		return -1;
	return (int)(p - CREDIT_ALPHABET);
}

char credit_code_check_char(const char *first17)
{
	int i, v, w = 1, sum = 0;

	if (!first17)
		return 0;
	for (i = 0; i < 17; i++) {
		v = credit_value(first17[i]);
		if (v < 0)
			return 0;
		sum += v * w;
		w = w * 3 % 31;
	}
	return CREDIT_ALPHABET[(31 - sum % 31) % 31];
}

enum hd_status valid_credit_code(const char *in, const char *label, char *out, size_t outsz,
				 bool *check_ok, struct hd_err *err)
{
	char buf[SHORT_MAX + 1];
	size_t i;

	if (out && outsz > 0)
		out[0] = '\0';
	if (check_ok)
		*check_ok = false;
	if (!trim_short(in, buf) || strlen(buf) != CREDIT_CODE_LEN - 1 || !out ||
	    outsz < CREDIT_CODE_LEN)
		goto malformed;
	for (i = 0; buf[i]; i++) {
		if (credit_value(buf[i]) < 0)
			goto malformed;
		buf[i] = (char)toupper((unsigned char)buf[i]);
	}
	memcpy(out, buf, CREDIT_CODE_LEN);
	if (check_ok)
		*check_ok = credit_code_check_char(buf) == buf[17];
	return HD_OK;
malformed:
	return bad(err, label,
		   _("%s: 18 characters of digits and capital letters other than I, O, S, V and Z"),
		   label);
}

bool credit_code_is_civil_affairs(const char *code)
{
	return code && code[0] == '5' &&
	       (code[1] == '1' || code[1] == '2' || code[1] == '3' || code[1] == '9');
}

enum hd_status valid_ref(const char *in, const char *label, long long *id, struct hd_err *err)
{
	long n = 0;

	*id = 0;
	if (!text_given(in))
		return HD_OK;
	if (valid_int(in, label, 1, 999999999L, &n, err) != HD_OK)
		return HD_BAD_INPUT;
	*id = n;
	return HD_OK;
}
