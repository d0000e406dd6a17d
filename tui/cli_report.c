/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_report.c - `hubdesk report (--month YYYY-MM | --from D --to D)
 * [--csv | --pdf FILE]`: the figures for the street and the district as
 * text, CSV rows or an A4 PDF with the charts. */
#include <stdio.h>
#include <unistd.h>

#include "core/access.h"
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

int cli_report_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_opt opts[] = { { "--month", true, NULL }, { "--from", true, NULL },
				  { "--to", true, NULL },    { "--csv", false, NULL },
				  { "--pdf", true, NULL },   { NULL, false, NULL } };
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
	if (report_period(cli_opt(opts, "--month"), cli_opt(opts, "--from"), cli_opt(opts, "--to"),
			  &from, &to, &err) != HD_OK)
		return cli_report(&err);
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
