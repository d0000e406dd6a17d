/* SPDX-License-Identifier: GPL-3.0-or-later */
/* validate.h - the checks every front-end shares: names and free text, phones
 * (normalising and masking), dates and times, whole numbers and the unified
 * social credit code (GB 32100-2015).
 *
 * Each check takes the field's label (already translated, for the message),
 * writes the normalised value to out, and returns HD_OK or HD_BAD_INPUT with
 * a message naming the field and what is allowed. */
#ifndef HD_VALIDATE_H
#define HD_VALIDATE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/status.h"

#define NAME_MAX_CHARS 40
#define NAME_BYTES (NAME_MAX_CHARS * 4 + 1) /* a name of 40 characters, UTF-8 */
#define TEXT_MAX_CHARS 200                  /* free text: content, reasons, notes */
#define TEXT_BYTES (TEXT_MAX_CHARS * 4 + 1)
#define PHONE_MAX 16                /* bytes of a normalised phone, with the NUL */
#define DATE_LEN 11                 /* "YYYY-MM-DD" and the NUL */
#define CREDIT_CODE_LEN 19          /* 18 characters and the NUL */
#define RECORD_ID_MAX 999999999999L /* the largest record number taken as typed */

/* Text of min..max characters after trimming: valid UTF-8, no control
 * characters. min 0 makes it optional (empty out). HD_BAD_INPUT naming
 * label otherwise. */
enum hd_status valid_text(const char *in, const char *label, int min, int max, char *out,
			  size_t outsz, struct hd_err *err);

/* A code of min..max ASCII letters or digits, raised to capitals into
 * out (a centre's code, HD). HD_BAD_INPUT naming label otherwise. */
enum hd_status valid_code(const char *in, const char *label, int min, int max, char *out,
			  size_t outsz, struct hd_err *err);

/* A phone: mobile of 11 digits starting 13-19 (optional +86 or 86 prefix) or
 * landline 0 + area code + 7-8 digits; spaces and dashes allowed. Empty input
 * gives HD_BAD_INPUT (callers of optional phones skip empty input). out is
 * "13812345678" or "021-12345678" (PHONE_MAX bytes). */
enum hd_status valid_phone(const char *in, const char *label, char *out, size_t outsz,
			   struct hd_err *err);

/* Masks a normalised phone: "138****5678", "021-****5678". */
void phone_mask(const char *phone, char *out, size_t outsz);

/* A calendar date YYYY-MM-DD (also YYYY/MM/DD and single-digit month or day)
 * into out as "YYYY-MM-DD". HD_BAD_INPUT naming label otherwise. */
enum hd_status valid_date(const char *in, const char *label, char *out, size_t outsz,
			  struct hd_err *err);

/* A time of day HH:MM (00:00-23:59, also H:MM) into *minutes since midnight.
 * HD_BAD_INPUT naming label otherwise. */
enum hd_status valid_time(const char *in, const char *label, int *minutes, struct hd_err *err);

/* A whole number in min..max; HD_BAD_INPUT naming label otherwise. */
enum hd_status valid_int(const char *in, const char *label, long min, long max, long *out,
			 struct hd_err *err);

/* A record's number as typed: digits only, 1 to RECORD_ID_MAX; HD_BAD_INPUT
 * naming label otherwise. */
enum hd_status valid_id(const char *in, const char *label, long long *id, struct hd_err *err);

/* An optional record id: empty input gives *id 0; else a whole number
 * from 1, HD_BAD_INPUT naming label otherwise. */
enum hd_status valid_ref(const char *in, const char *label, long long *id, struct hd_err *err);

/* The check character for the first 17 characters of a credit code, or 0 if
 * one of them is not in the code's alphabet. */
char credit_code_check_char(const char *first17);

/* A unified social credit code: 18 characters of 0-9 A-H J-N P-R T U W-Y
 * (lower case accepted, spaces around dropped). A malformed code is
 * HD_BAD_INPUT; a failing check character is HD_OK with *check_ok false. */
enum hd_status valid_credit_code(const char *in, const char *label, char *out, size_t outsz,
				 bool *check_ok, struct hd_err *err);

/* True when the code was issued by civil affairs (starts 51, 52, 53 or 59). */
bool credit_code_is_civil_affairs(const char *code);

#endif
