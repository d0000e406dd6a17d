/* SPDX-License-Identifier: GPL-3.0-or-later */
/* export_ical.c - bookings as an RFC 5545 calendar: CRLF lines folded at
 * 75 octets (never inside a UTF-8 character), text escaped, times in the
 * centre's zone with its VTIMEZONE, or in UTC when the zone's offset
 * changes within the bookings exported. */
#include "core/export.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sodium.h>

#include "core/booking.h"
#include "core/clock.h"
#include "core/db.h"
#include "core/i18n.h"
#include "core/period.h"
#include "core/room.h"
#include "core/settings.h"
#include "core/xalloc.h"

#define FOLD 75

/* Writes one content line, folded: a line of more than 75 octets goes on
 * after CRLF and a space, cut only before the first byte of a character. */
static void put_line(FILE *f, const char *line)
{
	size_t used = 0, n;
	const unsigned char *p = (const unsigned char *)line;

	while (*p) {
		n = 1;
		while ((p[n] & 0xC0) == 0x80)
			n++;
		if (used + n > FOLD) {
			fputs("\r\n ", f);
			used = 1;
		}
		fwrite(p, 1, n, f);
		used += n;
		p += n;
	}
	fputs("\r\n", f);
}

/* name:value with the value escaped as TEXT (RFC 5545 3.3.11). */
static void put_text(FILE *f, const char *name, const char *value)
{
	size_t cap = strlen(name) + 2 * strlen(value) + 2, k;
	char *line = xmalloc(cap), *o;

	k = (size_t)snprintf(line, cap, "%s:", name);
	o = line + k;
	for (; *value; value++) {
		if (*value == '\\' || *value == ';' || *value == ',') {
			*o++ = '\\';
			*o++ = *value;
		} else if (*value == '\n') {
			*o++ = '\\';
			*o++ = 'n';
		} else if (*value != '\r') {
			*o++ = *value;
		}
	}
	*o = '\0';
	put_line(f, line);
	free(line);
}

/* The zone's name: TZ, else the zoneinfo file /etc/localtime points to. */
static void zone_name(char *out, size_t outsz)
{
	const char *tz = getenv("TZ"), *z;
	char link[256];
	ssize_t n;

	if (tz && *tz == ':')
		tz++;
	if (tz && *tz) {
		snprintf(out, outsz, "%s", tz);
	} else if ((n = readlink("/etc/localtime", link, sizeof(link) - 1)) > 0) {
		link[n] = '\0';
		z = strstr(link, "zoneinfo/");
		snprintf(out, outsz, "%s", z ? z + 9 : link);
	} else {
		*out = '\0'; /* unknown: times are given in UTC */
	}
	/* A parameter value holds no ; : , or quote. */
	for (; *out; out++)
		if (strchr(";:,\"", *out))
			*out = '_';
}

static long offset_of(time_t t)
{
	struct tm tm;

	localtime_r(&t, &tm);
	return tm.tm_gmtoff;
}

static void put_time(FILE *f, const char *name, time_t t, const char *zone)
{
	char line[160];
	struct tm tm;

	if (zone) {
		localtime_r(&t, &tm);
		snprintf(line, sizeof(line), "%s;TZID=%s:%04d%02d%02dT%02d%02d%02d", name, zone,
			 tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
			 tm.tm_sec);
	} else {
		gmtime_r(&t, &tm);
		snprintf(line, sizeof(line), "%s:%04d%02d%02dT%02d%02d%02dZ", name,
			 tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
			 tm.tm_sec);
	}
	put_line(f, line);
}

static void put_zone(FILE *f, const char *zone, long off, time_t when)
{
	char hhmm[16], line[64];
	struct tm tm;

	put_line(f, "BEGIN:VTIMEZONE");
	put_text(f, "TZID", zone);
	put_line(f, "BEGIN:STANDARD");
	put_line(f, "DTSTART:19700101T000000");
	snprintf(hhmm, sizeof(hhmm), "%c%02ld%02ld", off < 0 ? '-' : '+', labs(off) / 3600 % 100,
		 labs(off) % 3600 / 60);
	snprintf(line, sizeof(line), "TZOFFSETFROM:%s", hhmm);
	put_line(f, line);
	snprintf(line, sizeof(line), "TZOFFSETTO:%s", hhmm);
	put_line(f, line);
	localtime_r(&when, &tm);
	if (tm.tm_zone && *tm.tm_zone)
		put_text(f, "TZNAME", tm.tm_zone);
	put_line(f, "END:STANDARD");
	put_line(f, "END:VTIMEZONE");
}

/* The event's STATUS: a booking waiting for staff is tentative, one that
 * holds its room (or was used) confirmed; a room given back, whether
 * cancelled, rejected, lapsed or released because nobody came, is free
 * again, so its event is cancelled. */
static const char *status_of(enum booking_state s)
{
	switch (s) {
	case BK_PENDING:
		return "TENTATIVE";
	case BK_CONFIRMED:
	case BK_CHECKED_IN:
		return "CONFIRMED";
	default:
		return "CANCELLED";
	}
}

static void put_event(FILE *f, const struct booking *b, const char *uid_tail, const char *zone)
{
	char line[TEXT_BYTES + 256];

	put_line(f, "BEGIN:VEVENT");
	snprintf(line, sizeof(line), "UID:booking-%lld-%s@hubdesk", b->id, uid_tail);
	put_line(f, line);
	put_time(f, "DTSTAMP", clock_now(), NULL);
	put_time(f, "DTSTART", b->start, zone);
	put_time(f, "DTEND", b->end, zone);
	snprintf(line, sizeof(line), "%s%s%s", b->booker, *b->purpose ? " - " : "", b->purpose);
	put_text(f, "SUMMARY", line);
	put_text(f, "LOCATION", b->room);
	snprintf(line, sizeof(line), "%s %lld\n%s: %s\n%s: %d\n%s: %s", _("Booking"), b->id,
		 _("Booker"), b->booker, _("Attendees"), b->attendees, _("State"),
		 _(booking_state_word(b->state)));
	put_text(f, "DESCRIPTION", line);
	snprintf(line, sizeof(line), "STATUS:%s", status_of(b->state));
	put_line(f, line);
	put_line(f, "END:VEVENT");
}

/* The end of a UID: a digest of the installation's key, so UIDs differ
 * between centres without saying anything of the key. */
static enum hd_status uid_tail(struct db *db, char out[17], struct hd_err *err)
{
	unsigned char key[32], h[8];
	enum hd_status rc = db_secret(db, key, err);

	if (rc != HD_OK)
		return rc;
	crypto_generichash(h, sizeof(h), (const unsigned char *)"ical-uid", 8, key, sizeof(key));
	sodium_memzero(key, sizeof(key));
	sodium_bin2hex(out, 17, h, sizeof(h));
	return HD_OK;
}

enum hd_status export_ical(struct db *db, long long room, long from, long to, FILE *f,
			   struct hd_err *err)
{
	char zone[256], tail[17], name[2 * NAME_BYTES + 64], centre[NAME_BYTES];
	struct booking *b = NULL;
	struct room r;
	time_t start, end;
	enum hd_status rc;
	bool steady = true;
	long off;
	int i, n = 0;

	rc = period_bounds(from, to, true, &start, &end, err);
	if (rc == HD_OK && room)
		rc = room_get(db, room, &r, err);
	if (rc == HD_OK)
		rc = uid_tail(db, tail, err);
	if (rc == HD_OK)
		rc = booking_between(db, room, start, end, &b, &n, err);
	if (rc != HD_OK)
		goto done;
	zone_name(zone, sizeof(zone));
	off = offset_of(n ? b[0].start : clock_now());
	for (i = 0; i < n && steady; i++)
		steady = offset_of(b[i].start) == off && offset_of(b[i].end) == off;
	steady = steady && *zone;
	put_line(f, "BEGIN:VCALENDAR");
	put_line(f, "VERSION:2.0");
	put_line(f, "PRODID:-//hubdesk//hubdesk//ZH");
	/* A plain calendar file: no METHOD, which would make it an iTIP
	 * message (RFC 5546) whose events each need an ORGANIZER. */
	put_line(f, "CALSCALE:GREGORIAN");
	settings_text(db, SET_CENTRE_NAME, centre, sizeof(centre));
	snprintf(name, sizeof(name), "%s %s", centre, room ? r.name : _("Room bookings"));
	put_text(f, "X-WR-CALNAME", name);
	if (steady) {
		put_text(f, "X-WR-TIMEZONE", zone);
		put_zone(f, zone, off, n ? b[0].start : clock_now());
	}
	for (i = 0; i < n; i++)
		put_event(f, &b[i], tail, steady ? zone : NULL);
	put_line(f, "END:VCALENDAR");
	if (fflush(f) != 0 || ferror(f))
		rc = hd_err_set(err, HD_FAIL, "", "%s", _("The export could not be written out."));
done:
	free(b);
	return rc;
}
