/* SPDX-License-Identifier: GPL-3.0-or-later */
/* filing.c - the team's filing receipt (备案回执). */
#include "printing/filing.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/access.h"
#include "core/clock.h"
#include "core/filing_number.h"
#include "core/i18n.h"
#include "core/lists.h"
#include "core/settings.h"
#include "core/team.h"
#include "core/token.h"
#include "core/validate.h"
#include "printing/doc.h"
#include "printing/output.h"

/* The blanks of a date written by hand, as the paper's language writes a
 * date (______年____月____日 in Chinese). */
static const char *date_blank(void)
{
	return _("Date: ______________");
}

/* A date "YYYY-MM-DD" as people write it on paper in the interface
 * language: 2026年11月23日 in Chinese, 2026-11-23 in English; "-" when
 * there is none. */
static void paper_date(const char *ymd, char *out, size_t outsz)
{
	int y, m, d;

	if (sscanf(ymd, "%4d-%2d-%2d", &y, &m, &d) != 3) {
		snprintf(out, outsz, "%s", *ymd ? ymd : "-");
		return;
	}
	/* TRANSLATORS: a date on paper: the year, the month, the day. */
	snprintf(out, outsz, _("%1$04d-%2$02d-%3$02d"), y, m, d);
}

/* On a receipt, where the leader signs: a blank line to write in, then the
 * line itself and the date beneath it. */
static void signature(struct doc *d, const char *who)
{
	char line[256];

	doc_text(d, "", false, false);
	snprintf(line, sizeof(line), "%s%s____________", who, doc_label_sep(who));
	doc_text(d, line, false, false);
	doc_text(d, date_blank(), false, false);
}

/* On A4, as paper forms of Chinese offices have it: the team leader's and
 * the centre staff's lines to sign on, each with its date beneath, and the
 * place of the centre's seal (（盖章）) beside them. */
static void signatures_with_seal(struct doc *d)
{
	const char *leader = _("Team leader (signature)"), *staff = _("Centre staff (signature)");
	char lines[1024];

	snprintf(lines, sizeof(lines),
		 "%s%s____________________\n%s\n\n%s%s____________________\n%s", leader,
		 doc_label_sep(leader), date_blank(), staff, doc_label_sep(staff), date_blank());
	doc_seal(d, lines, _("(seal)"));
}

/* The A4 version holds every field of the register; the short one
 * (ESC/POS) what the team needs to show at the desk. */
static struct doc *build(struct db *db, const struct team *t, const char *filing_no,
			 const char *token, bool reprint, bool full)
{
	char centre[NAME_BYTES], phone[PHONE_MAX + 8], number[16], date[64];
	struct doc *d = doc_new(_("Team filing receipt"));

	settings_text(db, SET_CENTRE_NAME, centre, sizeof(centre));
	d->reprint = reprint;
	doc_text(d, centre, true, false);
	doc_rule(d);
	/* Every filed team has its number (schema migration 16); a database
	 * changed by hand may lack it, and the paper says so in words. */
	doc_line(d, _("Filing number"), *filing_no ? filing_no : _("not numbered"));
	d->items[d->count - 1].emphasis = true;
	doc_line(d, _("Name"), t->name);
	if (full && *t->short_name)
		doc_line(d, _("Short name"), t->short_name);
	doc_line(d, _("Category"), list_label(&LIST_TEAM_CATEGORY, t->category));
	doc_line(d, _("State"), list_label(&LIST_TEAM_STATE, t->state));
	d->items[d->count - 1].emphasis = true;
	paper_date(t->filed_date, date, sizeof(date));
	doc_line(d, _("Filing date"), date);
	doc_line(d, _("Leader"), t->leader);
	phone_mask(t->phone, phone, sizeof(phone));
	doc_line(d, _("Phone"), phone);
	snprintf(number, sizeof(number), "%d", t->members);
	doc_line(d, _("Members"), number);
	if (full) {
		if (t->party_members > 0) {
			snprintf(number, sizeof(number), "%d", t->party_members);
			doc_line(d, _("Party members"), number);
		}
		if (*t->liaison)
			doc_line(d, _("Party liaison"), t->liaison);
		doc_line(d, _("Activities"), t->content);
		doc_line(d, _("Place"), t->place);
		doc_line(d, _("Usual time"), t->schedule);
		if (*t->committee)
			doc_line(d, _("Residents' committee"), t->committee);
		if (*t->street)
			doc_line(d, _("Street"), t->street);
	}
	doc_rule(d);
	doc_qr(d, token);
	doc_text(d, _("The centre's staff scan this code to open the team's record."), false,
		 false);
	if (full)
		doc_text(d,
			 _("This receipt shows that the team is filed with the centre; it is not "
			   "the registration certificate of a social organisation."),
			 false, false);
	doc_rule(d);
	if (full)
		signatures_with_seal(d);
	else
		signature(d, _("Team leader (signature)"));
	doc_footer(d, centre, clock_now(), NULL);
	return d;
}

enum hd_status filing_document(struct db *db, long long id, bool reprint, bool full,
			       struct doc **out, struct hd_err *err)
{
	char token[TOKEN_MAX], filing_no[FILING_NUMBER_MAX];
	struct team t;
	enum hd_status rc;

	*out = NULL;
	rc = team_get(db, id, &t, err);
	if (rc == HD_OK && t.state != TEAM_FILED && t.state != TEAM_CLASSIFIED)
		rc = hd_err_set(err, HD_REFUSED, "state",
				_("team %lld is %s: only a filed or classified team has a filing "
				  "receipt"),
				id, list_label(&LIST_TEAM_STATE, t.state));
	if (rc == HD_OK)
		rc = filing_number_get(db, id, filing_no, sizeof(filing_no), err);
	if (rc == HD_OK)
		rc = token_make(db, TOKEN_TEAM, id, token, sizeof(token), err);
	if (rc == HD_OK)
		*out = build(db, &t, filing_no, token, reprint, full);
	return rc;
}

enum hd_status filing_print(struct db *db, const struct hd_actor *who, long long id,
			    const char *queue, const char *format, struct spool_outcome *out,
			    struct hd_err *err)
{
	char q[SPOOL_QUEUE_MAX];
	struct doc *d = NULL;
	enum spool_format f;
	enum output_printer prefer = OUTPUT_A4;
	enum hd_status rc;
	int width;

	/* A short version asked for belongs on the receipt printer. */
	if (format && strcmp(format, "escpos") == 0)
		prefer = OUTPUT_RECEIPT;
	rc = access_require(db, who, ACC_TEAM_STEP, err);
	if (rc == HD_OK)
		rc = output_choose_for(db, prefer, queue, format, q, sizeof(q), &f, &width, err);
	if (rc == HD_OK)
		rc = filing_document(db, id, spool_copies(db, SPOOL_KIND_TEAM, id) > 0,
				     f == SPOOL_PDF, &d, err);
	if (rc != HD_OK)
		return rc;
	rc = output_print(db, who, SPOOL_KIND_TEAM, id, d, f, width, q, out, err);
	doc_free(&d);
	return rc;
}
