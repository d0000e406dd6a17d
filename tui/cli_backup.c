/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_backup.c - `hubdesk backup PATH` and `hubdesk restore PATH`. */
#include <stdio.h>
#include <string.h>

#include "core/backup.h"
#include "core/dblock.h"
#include "core/i18n.h"
#include "tui/cli.h"

#define PATH_BYTES 4200

int cli_backup(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *args[2];
	struct hd_err err;
	int nargs, rc;

	rc = cli_parse("backup", argc, argv, 1, NULL, args, 1, &nargs);
	if (rc == HD_OK && nargs != 1)
		rc = cli_say(HD_BAD_INPUT, _("backup: give the path of the copy"));
	if (rc == HD_OK)
		rc = cli_open(ctx);
	if (rc != HD_OK)
		return rc;
	if (backup_write(ctx->db, &ctx->actor, args[0], &err) != HD_OK)
		return cli_report(&err);
	cli_say(HD_OK, _("a copy of the database is in %s"), args[0]);
	return HD_OK;
}

int cli_restore(struct cli_ctx *ctx, int argc, char **argv)
{
	char kept[PATH_BYTES];
	const char *args[2];
	struct hd_err err;
	int nargs, rc;

	rc = cli_parse("restore", argc, argv, 1, NULL, args, 1, &nargs);
	if (rc == HD_OK && nargs != 1)
		rc = cli_say(HD_BAD_INPUT, _("restore: give the path of the copy to restore"));
	if (rc != HD_OK)
		return rc;
	/* Nobody else may have the database open while it is replaced. */
	if (dblock_take(ctx->db_path, true, &ctx->lock_fd, &err) != HD_OK)
		return cli_report(&err);
	if (backup_restore(ctx->db_path, args[0], kept, sizeof(kept), &err) != HD_OK)
		return cli_report(&err);
	cli_say(HD_OK, _("restored from %s; the database as it was is kept in %s"), args[0], kept);
	return HD_OK;
}
