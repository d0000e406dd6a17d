/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_export.c - `hubdesk export KIND [--from --to]` (CSV or an iCal
 * calendar on stdout) and `hubdesk import KIND FILE.csv`. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/access.h"
#include "core/district.h"
#include "core/export.h"
#include "core/period.h"
#include "core/i18n.h"
#include "core/validate.h"
#include "core/import.h"
#include "core/token.h"
#include "core/xalloc.h"
#include "tui/cli.h"

#define MAX_ARGS 2
#define MAX_FILE (256L * 1024 * 1024)

static long long room_arg(const char *s)
{
	long long id;

	if (!s)
		return 0;
	return valid_id(s, "--room", &id, NULL) == HD_OK ? id : -1;
}

/* What a district's export asks of each centre. */
struct export_ask {
	enum export_kind kind;
	long from, to;
};

/* The rows of one centre, after its code; the header with the first. */
static enum hd_status export_centre(struct db *db, const struct centre *c, int index, void *ctx,
				    struct hd_err *err)
{
	const struct export_ask *ask = ctx;

	return export_csv_centre(db, ask->kind, ask->from, ask->to, c->code, index == 0, stdout,
				 err);
}

/* `export teams|orgs --district`: every centre's rows, a centre column
 * first. */
static int export_district(struct cli_ctx *ctx, int kind, const char *from, const char *to)
{
	struct export_ask ask = { .kind = (enum export_kind)kind };
	struct hd_err err;
	int rc;

	if (kind != EXPORT_TEAMS && kind != EXPORT_ORGS)
		return cli_say(HD_BAD_INPUT, "%s",
			       _("--district: the district exports teams and orgs only"));
	rc = cli_open_district(ctx);
	if (rc != HD_OK)
		return rc;
	if (access_require(ctx->db, &ctx->actor, export_need(kind), &err) != HD_OK ||
	    period_read(from, to, &ask.from, &ask.to, &err) != HD_OK ||
	    district_each(ctx->db, export_centre, &ask, &err) != HD_OK)
		return cli_report(&err);
	return HD_OK;
}

int cli_export(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_opt opts[] = { { "--from", true, NULL },
				  { "--to", true, NULL },
				  { "--room", true, NULL },
				  { "--district", false, NULL },
				  { NULL, false, NULL } };
	const char *args[MAX_ARGS];
	struct hd_err err;
	long long room;
	long from, to;
	int nargs, kind = -1, rc;
	bool ical;

	rc = cli_parse("export", argc, argv, 1, opts, args, 1, &nargs);
	if (rc != HD_OK)
		return rc;
	ical = nargs == 1 && strcmp(args[0], "ical") == 0;
	if (nargs == 1 && !ical)
		kind = export_kind_of(args[0]);
	if (!ical && kind < 0)
		return cli_say(
			HD_BAD_INPUT, "%s",
			_("export: give what to export: visits, bookings, teams, orgs, rooms or ical"));
	if (cli_opt(opts, "--district"))
		return export_district(ctx, ical ? -1 : kind, cli_opt(opts, "--from"),
				       cli_opt(opts, "--to"));
	room = room_arg(cli_opt(opts, "--room"));
	if (room && !ical)
		return cli_say(HD_BAD_INPUT, "%s", _("export: --room is for export ical only"));
	if (room < 0)
		return cli_say(HD_BAD_INPUT, "%s", _("--room: a room's ID, a number"));
	rc = cli_open(ctx);
	if (rc != HD_OK)
		return rc;
	if (access_require(ctx->db, &ctx->actor, export_need(ical ? -1 : kind), &err) != HD_OK ||
	    period_read(cli_opt(opts, "--from"), cli_opt(opts, "--to"), &from, &to, &err) != HD_OK)
		return cli_report(&err);
	if (ical)
		rc = export_ical(ctx->db, room, from, to, stdout, &err);
	else
		rc = export_csv(ctx->db, (enum export_kind)kind, from, to, stdout, &err);
	return rc == HD_OK ? HD_OK : cli_report(&err);
}

/* Reads the whole file into a malloc'd buffer. */
static enum hd_status read_file(const char *path, char **data, size_t *len)
{
	FILE *f = fopen(path, "rb");
	size_t cap = 1 << 16, n = 0, got;
	char *buf;

	*data = NULL;
	if (!f)
		return cli_say(HD_BAD_INPUT, _("import: cannot read %s: %s"), path,
			       strerror(errno));
	buf = xmalloc(cap);
	while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap) {
			if (cap >= (size_t)MAX_FILE) {
				fclose(f);
				free(buf);
				return cli_say(HD_BAD_INPUT, _("import: %s is larger than 256 MB"),
					       path);
			}
			cap *= 2;
			buf = xrealloc(buf, cap);
		}
	}
	if (ferror(f)) {
		fclose(f);
		free(buf);
		return cli_say(HD_BAD_INPUT, _("import: cannot read %s: %s"), path, strerror(EIO));
	}
	fclose(f);
	*data = buf;
	*len = n;
	return HD_OK;
}

/* Progress on a terminal: "checking rows done/total", then "importing",
 * each over itself. */
static bool show_progress(void *ctx, enum import_phase phase, long done, long total)
{
	(void)ctx;
	cli_progress("%s %ld/%ld%s", phase == IMPORT_CHECKING ? _("checking") : _("importing"),
		     done, total, phase == IMPORT_SAVING && done == total ? "\n" : "");
	return true;
}

static void say_problems(const struct import_result *res)
{
	int i;

	for (i = 0; i < res->nproblems; i++) {
		const struct import_problem *p = &res->problems[i];

		if (*p->column)
			fprintf(stderr, _("hubdesk: row %d, column %s: %s\n"), p->row, p->column,
				p->msg);
		else
			fprintf(stderr, _("hubdesk: row %d: %s\n"), p->row, p->msg);
	}
	if (res->bad_rows > res->nproblems)
		fprintf(stderr, _("hubdesk: ... and %d more rows with problems\n"),
			res->bad_rows - res->nproblems);
}

/* A record imported: ID, its code (a team's QR text, - for others), name. */
static void print_done(struct cli_ctx *ctx, enum import_kind kind, const struct import_done *d)
{
	char code[TOKEN_MAX] = "-";
	struct hd_err err;

	if (kind == IMPORT_TEAMS &&
	    token_make(ctx->db, TOKEN_TEAM, d->id, code, sizeof(code), &err) != HD_OK)
		snprintf(code, sizeof(code), "-");
	printf("%lld\t%s\t%s\n", d->id, code, d->name);
}

int cli_import(struct cli_ctx *ctx, int argc, char **argv)
{
	struct import_result res;
	const char *args[MAX_ARGS];
	struct hd_err err;
	char *data = NULL;
	size_t len = 0;
	int nargs, kind = -1, rc, i;

	rc = cli_parse("import", argc, argv, 1, NULL, args, 2, &nargs);
	if (rc != HD_OK)
		return rc;
	if (nargs == 2)
		kind = import_kind_of(args[0]);
	if (kind < 0)
		return cli_say(HD_BAD_INPUT, "%s",
			       _("import: use import orgs|teams|rooms FILE.csv"));
	rc = read_file(args[1], &data, &len);
	if (rc == HD_OK)
		rc = cli_open(ctx);
	if (rc != HD_OK)
		goto done;
	rc = import_csv(ctx->db, &ctx->actor, (enum import_kind)kind, data, len,
			isatty(STDERR_FILENO) ? show_progress : NULL, NULL, &res, &err);
	for (i = 0; i < res.nignored; i++)
		fprintf(stderr, _("hubdesk: the column %s is not known and was ignored\n"),
			res.ignored[i]);
	say_problems(&res);
	/* The rows saved, also those before a row that stopped the saving. */
	for (i = 0; i < res.added + res.updated; i++)
		print_done(ctx, (enum import_kind)kind, &res.done[i]);
	if (rc != HD_OK)
		cli_report(&err);
	else
		fprintf(stderr, _("hubdesk: %d rows imported from %s: %d added, %d updated\n"),
			res.added + res.updated, csv_encoding_name(res.encoding), res.added,
			res.updated);
	import_result_free(&res);
done:
	free(data);
	return rc;
}
