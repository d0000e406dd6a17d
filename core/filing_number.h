/* SPDX-License-Identifier: GPL-3.0-or-later */
/* filing_number.h - a team's filing number (备案编号), e.g. HD-2026-0001:
 * the centre's code (centre.code), the year of the filing and the team's
 * place among that code's filings of the year. The database gives it when
 * a team first becomes filed, in the transaction of the filing (schema
 * migration 16); the team keeps it for ever, also when reopened and filed
 * again. */
#ifndef HD_FILING_NUMBER_H
#define HD_FILING_NUMBER_H

#include <stddef.h>

#include "core/db.h"
#include "core/status.h"

/* Bytes of a number: a code of 12, a year, a place of up to 9 digits. */
#define FILING_NUMBER_MAX 40

/* The filing number of team id into out, "" when the team was never filed
 * (or is unknown). HD_FAIL when the database cannot be read. */
enum hd_status filing_number_get(struct db *db, long long id, char *out, size_t outsz,
				 struct hd_err *err);

#endif
