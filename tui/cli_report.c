/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_report.c - `hubdesk report (--month YYYY-MM | --from D --to D)
 * [--csv | --pdf FILE]`: the figures for the street and the district as
 * text, CSV rows or an A4 PDF with the charts. */
#include <stdio.h>
#include <unistd.h>

#include "core/access.h"
#include "core/district.h"
#include "core/i18n.h"
#include "core/report.h"
#include "core/settings.h"
#include "printing/report_pdf.h"
#include "tui/cli.h"

#define TEXT_COLS 80

/* Progress of a long report on a terminal, over itself. */
static bool show_progress(void *ctx, long done, long total)
{
	(void)ctx;
	cli_progress("%s %ld%%", _("building the report"), total ? done * 100 / total : 0);
	if (done == total)
		cli_progress("%40s\r", "");
	return true;
}

/* The district's report as it is built: the period, text or CSV, and the
 * sum of the centres so far. */
struct district_report {
	long first, last;
	bool csv;
	struct report sum;
};

static void rule(void)
{
	int i;

	for (i = 0; i < TEXT_COLS; i++)
		putchar('=');
	fputs("\n\n", stdout);
}

/* One centre's block, titled with its code and name, added to the sum. */
static enum hd_status centre_block(struct db *db, const struct centre *c, int index, void *ctx,
				   struct hd_err *err)
{
	struct district_report *d = ctx;
	char title[CENTRE_CODE_BYTES + sizeof(c->name) + 2];
	struct report r = { 0 };
	enum hd_status rc;

	rc = report_build(db, d->first, d->last, NULL, NULL, &r, err);
	if (rc == HD_OK) {
		if (d->csv) {
			report_write_csv_centre(&r, c->code, index == 0, stdout);
		} else {
			if (index > 0)
				rule();
			snprintf(title, sizeof(title), "%s %s", c->code, c->name);
			report_write_text(&r, title, REPORT_BLOCKS, TEXT_COLS, stdout);
		}
		report_add(&d->sum, &r, c->code);
	}
	report_free(&r);
	return rc;
}

/* `report ... --district`: a block a centre, then the district's total. */
static int district_cmd(struct cli_ctx *ctx, long first, long last, bool csv)
{
	struct district_report d = { .first = first, .last = last, .csv = csv };
	struct hd_err err;
	int rc;

	rc = cli_open_district(ctx);
	if (rc != HD_OK)
		return rc;
	if (access_require(ctx->db, &ctx->actor, ACC_REPORTS, &err) != HD_OK ||
	    district_each(ctx->db, centre_block, &d, &err) != HD_OK) {
		rc = cli_report(&err);
		goto done;
	}
	report_sum_finish(&d.sum);
	if (csv) {
		report_write_csv_centre(&d.sum, "全区合计", false, stdout);
	} else {
		rule();
		report_write_text(&d.sum, _("District total"), REPORT_BLOCKS, TEXT_COLS, stdout);
	}
	if (ferror(stdout) || fflush(stdout) != 0)
		rc = cli_say(HD_FAIL, "%s", _("report: the output could not be written"));
done:
	report_free(&d.sum);
	return rc;
}

int cli_report_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_opt opts[] = { { "--month", true, NULL }, { "--from", true, NULL },
				  { "--to", true, NULL },    { "--csv", false, NULL },
				  { "--pdf", true, NULL },   { "--district", false, NULL },
				  { NULL, false, NULL } };
	char centre[NAME_BYTES];
	long from, to;
	const char *args[1], *pdf;
	struct report r = { 0 };
	struct hd_err err;
	int nargs, rc;

	rc = cli_parse("report", argc, argv, 1, opts, args, 0, &nargs);
	if (rc != HD_OK)
		return rc;
	pdf = cli_opt(opts, "--pdf");
	if (pdf && cli_opt(opts, "--csv"))
		return cli_say(HD_BAD_INPUT, "%s", _("report: give --csv or --pdf FILE, not both"));
	if (pdf && !*pdf)
		return cli_say(HD_BAD_INPUT, "%s", _("--pdf: the file to write"));
	if (pdf && cli_opt(opts, "--district"))
		return cli_say(HD_BAD_INPUT, "%s",
			       _("--district: the district's report is text or --csv, not --pdf"));
	if (report_period(cli_opt(opts, "--month"), cli_opt(opts, "--from"), cli_opt(opts, "--to"),
			  &from, &to, &err) != HD_OK)
		return cli_report(&err);
	if (cli_opt(opts, "--district"))
		return district_cmd(ctx, from, to, cli_opt(opts, "--csv") != NULL);
	rc = cli_open(ctx);
	if (rc != HD_OK)
		return rc;
	if (access_require(ctx->db, &ctx->actor, ACC_REPORTS, &err) != HD_OK ||
	    report_build(ctx->db, from, to, isatty(STDERR_FILENO) ? show_progress : NULL, NULL, &r,
			 &err) != HD_OK) {
		rc = cli_report(&err);
		goto done;
	}
	settings_text(ctx->db, SET_CENTRE_NAME, centre, sizeof(centre));
	if (pdf) {
		if (report_pdf_write(&r, centre, pdf, &err) != HD_OK)
			rc = cli_report(&err);
	} else if (cli_opt(opts, "--csv")) {
		report_write_csv(&r, stdout);
	} else {
		report_write_text(&r, centre, REPORT_BLOCKS, TEXT_COLS, stdout);
	}
	if (rc == HD_OK && (ferror(stdout) || fflush(stdout) != 0))
		rc = cli_say(HD_FAIL, "%s", _("report: the output could not be written"));
done:
	report_free(&r);
	return rc;
}
