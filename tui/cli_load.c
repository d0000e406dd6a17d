/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_load.c - `hubdesk --db URL --centre C load FILE.db`: a centre's SQLite
 * file moved whole into a centre of a district's PostgreSQL database. */
#include <stdio.h>
#include <string.h>

#include "core/centre_load.h"
#include "core/i18n.h"
#include "tui/cli.h"

/* The progress line on a terminal: the table and its rows so far. */
static void tell(void *ctx, const char *kind, long long done, long long total)
{
	(void)ctx;
	cli_progress("%-48s\r%s %lld/%lld", "", kind, done, total);
}

int cli_load(struct cli_ctx *ctx, int argc, char **argv)
{
	struct centre_load_count counts;
	const char *args[1];
	struct hd_err err;
	int nargs, rc, i;

	rc = cli_parse("load", argc, argv, 1, NULL, args, 1, &nargs);
	if (rc == HD_OK && nargs != 1)
		rc = cli_say(HD_BAD_INPUT, "%s", _("load: give the file: load FILE.db"));
	if (rc == HD_OK && !db_path_is_server(ctx->db_path))
		rc = cli_say(HD_BAD_INPUT, "%s",
			     _("db: load moves a SQLite file into a centre of a district's "
			       "PostgreSQL database: give --db postgresql://... and --centre CODE"));
	if (rc == HD_OK)
		rc = cli_open(ctx);
	if (rc != HD_OK)
		return rc;
	rc = centre_load(ctx->db, &ctx->actor, args[0], tell, NULL, &counts, &err);
	cli_progress("%-48s\r", "");
	if (rc != HD_OK)
		return cli_report(&err);
	for (i = 0; i < counts.n; i++)
		printf("%s\t%lld\n", counts.k[i].kind, counts.k[i].rows);
	return HD_OK;
}
