/* SPDX-License-Identifier: GPL-3.0-or-later */
/* export.h - the registers and the records as CSV for spreadsheets (the
 * header rows of DESIGN.md, UTF-8 with a BOM, Chinese names of every
 * choice) and bookings as an RFC 5545 calendar for staff calendars.
 * Register exports import back unchanged (import.h). */
#ifndef HD_EXPORT_H
#define HD_EXPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "core/access.h"
#include "core/db.h"
#include "core/status.h"

enum export_kind { EXPORT_VISITS, EXPORT_BOOKINGS, EXPORT_TEAMS, EXPORT_ORGS, EXPORT_ROOMS };

/* The kind named by word ("visits", "bookings", "teams", "orgs",
 * "rooms"); -1 when none. */
int export_kind_of(const char *word);

/* Writes the records of kind to f as CSV, by id: visits by the date of
 * arrival, bookings by the date they start, registers by the date they
 * were made, within the days from..to (day numbers, both included; either
 * may be CLOCK_NO_DAY for no bound). Visits show the phone masked and
 * nothing of an erased visitor. HD_BAD_INPUT naming --to when to is before
 * from; HD_FAIL when the database fails. */
enum hd_status export_csv(struct db *db, enum export_kind kind, long from, long to, FILE *f,
			  struct hd_err *err);

/* export_csv() with a first column 中心 holding centre (a centre's code)
 * on every row, for a district's export of every centre in one file: the
 * BOM and the header row only when head (the first centre); centre NULL
 * is export_csv() without the BOM and header unless head. HD_BAD_INPUT
 * naming --to when to is before from; HD_FAIL when the database fails. */
enum hd_status export_csv_centre(struct db *db, enum export_kind kind, long from, long to,
				 const char *centre, bool head, FILE *f, struct hd_err *err);

/* The access a kind of export needs (core/access.h): visits, bookings
 * and the calendar (kind -1) name people; the registers and rooms are the
 * district's too. */
enum access_action export_need(int kind);

/* Writes the bookings of room (0: every room) starting within the days
 * from..to (day numbers; from CLOCK_NO_DAY: today; to CLOCK_NO_DAY: no
 * bound) to f as an RFC 5545 calendar: CRLF
 * lines folded at 75 octets, times in the centre's time zone (TZID with
 * its VTIMEZONE; UTC when the zone changes its offset within the period or
 * has no name hubdesk can find).
 * HD_NOT_FOUND for an unknown room. */
enum hd_status export_ical(struct db *db, long long room, long from, long to, FILE *f,
			   struct hd_err *err);

#endif
