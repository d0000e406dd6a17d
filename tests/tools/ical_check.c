/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ical_check.c - a calendar file as libical reads it, for the shell tests:
 * the file is parsed (icalparser_parse_string), the calendar checked
 * against the rules of its METHOD, or of a plain calendar without one
 * (icalrestriction_check), and every X-LIC-ERROR libical left in any
 * component is printed as "error<TAB>COMPONENT<TAB>UID<TAB>message". Then
 * one line per event: "event<TAB>UID<TAB>STATUS<TAB>LOCATION<TAB>SUMMARY",
 * the texts as libical unescapes them (a line break as \n).
 *
 *   ical_check FILE.ics
 *
 * Exit 0 when libical found nothing wrong, 1 when it did, 2 when the file
 * cannot be read or holds no calendar. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

/* The whole file as a string (the caller frees it), or NULL. */
static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL, *grown;
	size_t len = 0, cap = 0, got;

	if (!f)
		return NULL;
	do {
		if (len + 4096 + 1 > cap) {
			cap = cap ? 2 * cap : 8192;
			grown = realloc(buf, cap);
			if (!grown) {
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = grown;
		}
		got = fread(buf + len, 1, 4096, f);
		len += got;
	} while (got > 0);
	fclose(f);
	buf[len] = '\0';
	return buf;
}

/* Text on one line: a line break as \n, a tab as a space. */
static void put_flat(const char *s)
{
	for (; s && *s; s++) {
		if (*s == '\n')
			fputs("\\n", stdout);
		else if (*s == '\t' || *s == '\r')
			putchar(' ');
		else
			putchar(*s);
	}
}

static const char *uid_of(icalcomponent *c)
{
	icalproperty *p = icalcomponent_get_first_property(c, ICAL_UID_PROPERTY);

	return p ? icalproperty_get_uid(p) : "-";
}

/* Every X-LIC-ERROR of c and of the components inside it; their number.
 * (A component has one cursor over its properties: the UID is read before
 * the walk.) */
static int errors_in(icalcomponent *c)
{
	const char *uid = uid_of(c);
	icalcomponent *sub;
	icalproperty *p;
	int n = 0;

	for (p = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY); p;
	     p = icalcomponent_get_next_property(c, ICAL_XLICERROR_PROPERTY)) {
		printf("error\t%s\t%s\t", icalcomponent_kind_to_string(icalcomponent_isa(c)), uid);
		put_flat(icalproperty_get_xlicerror(p));
		putchar('\n');
		n++;
	}
	for (sub = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT); sub;
	     sub = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT))
		n += errors_in(sub);
	return n;
}

static const char *text_of(icalcomponent *c, icalproperty_kind kind)
{
	icalproperty *p = icalcomponent_get_first_property(c, kind);

	return p ? icalproperty_get_value_as_string(p) : "-";
}

static void events_of(icalcomponent *cal)
{
	icalcomponent *e;
	icalproperty *p;

	for (e = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); e;
	     e = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
		printf("event\t%s\t%s\t", uid_of(e), text_of(e, ICAL_STATUS_PROPERTY));
		p = icalcomponent_get_first_property(e, ICAL_LOCATION_PROPERTY);
		put_flat(p ? icalproperty_get_location(p) : "-");
		putchar('\t');
		p = icalcomponent_get_first_property(e, ICAL_SUMMARY_PROPERTY);
		put_flat(p ? icalproperty_get_summary(p) : "-");
		putchar('\n');
	}
}

int main(int argc, char **argv)
{
	icalcomponent *cal;
	char *text;
	int n, counted;

	if (argc != 2) {
		fprintf(stderr, "usage: ical_check FILE.ics\n");
		return 2;
	}
	icalerror_set_errors_are_fatal(0);
	text = slurp(argv[1]);
	if (!text) {
		fprintf(stderr, "ical_check: %s cannot be read\n", argv[1]);
		return 2;
	}
	cal = icalparser_parse_string(text);
	free(text);
	if (!cal || icalcomponent_isa(cal) != ICAL_VCALENDAR_COMPONENT) {
		fprintf(stderr, "ical_check: %s holds no VCALENDAR\n", argv[1]);
		if (cal)
			icalcomponent_free(cal);
		return 2;
	}
	icalrestriction_check(cal);
	n = errors_in(cal);
	counted = icalcomponent_count_errors(cal);
	if (counted != n)
		printf("error\tVCALENDAR\t-\tlibical counts %d errors, %d were found\n", counted,
		       n);
	events_of(cal);
	icalcomponent_free(cal);
	return n || counted ? 1 : 0;
}
