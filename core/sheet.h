/* SPDX-License-Identifier: GPL-3.0-or-later */
/* sheet.h - cells as spreadsheets save them: the dates, times and credit
 * codes that Excel, WPS and LibreOffice write into a CSV file, read into
 * the forms the registers keep (import.h), or refused saying what the
 * spreadsheet did to them.
 *
 * Each function takes the cell (not empty), the field's label (already
 * translated, for the message) and writes the value in the register's own
 * form to out; HD_BAD_INPUT names the field and what is allowed. */
#ifndef HD_SHEET_H
#define HD_SHEET_H

#include <stddef.h>

#include "core/status.h"

#define SHEET_TIME_LEN 6 /* "HH:MM" and the NUL */

/* A date as 2025-11-01, 2025-11-1, 2025/11/01, 2025/11/1 or 2025年11月1日
 * into out as "YYYY-MM-DD" (DATE_LEN bytes). HD_BAD_INPUT when it is none of
 * these or no day of the calendar (2025-02-30). */
enum hd_status sheet_date(const char *in, const char *label, char *out, size_t outsz,
			  struct hd_err *err);

/* A time of day as 08:30, 8:30 or 08:30:00 (what LibreOffice and Excel
 * save) into out as "HH:MM" (SHEET_TIME_LEN bytes). HD_BAD_INPUT when it is
 * not a time of 00:00-23:59 or has seconds other than :00. */
enum hd_status sheet_time(const char *in, const char *label, char *out, size_t outsz,
			  struct hd_err *err);

/* A unified social credit code as a spreadsheet may have saved it: out is
 * the cell trimmed, or the 18 digits of a code saved as a number with a
 * decimal point ("533101151234567891.0") when its check character holds.
 * HD_BAD_INPUT when a spreadsheet turned the code into scientific notation
 * (5.33101151234568E+17: the digits are lost), or into a number with a
 * decimal point whose check character fails (its last digits may have
 * changed). The code's own checks stay valid_credit_code()'s. */
enum hd_status sheet_credit_code(const char *in, const char *label, char *out, size_t outsz,
				 struct hd_err *err);

#endif
