/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_register.c - `hubdesk room ...` and `hubdesk org ...`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/lists.h"
#include "core/org.h"
#include "core/room.h"
#include "core/validate.h"
#include "tui/cli.h"
#include "tui/cli_record.h"

#define MAX_ARGS 2

static void hm(int minutes, char *out, size_t outsz)
{
	snprintf(out, outsz, "%02d:%02d", (minutes / 60) % 100, minutes % 60);
}

static int room_add_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_opt opts[ROOM_NFIELDS + 1];
	struct room_draft d = { 0 };
	const char *args[MAX_ARGS];
	struct hd_err err;
	long long id;
	int nargs, rc;

	cli_record_opts(&ROOM_RECORD, opts);
	rc = cli_parse("room add", argc, argv, 2, opts, args, 0, &nargs);
	if (rc == HD_OK)
		rc = cli_record_draft(opts, &ROOM_RECORD, &d);
	if (rc == HD_OK)
		rc = cli_open(ctx);
	if (rc != HD_OK)
		return rc;
	if (room_add(ctx->db, &ctx->actor, &d, &id, &err) != HD_OK)
		return cli_report(&err);
	printf("%lld\t-\t%s\n", id, d.name);
	return HD_OK;
}

static int room_list_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *args[MAX_ARGS];
	struct room *rooms = NULL;
	struct hd_err err;
	char open[16], close[16];
	int n = 0, i, nargs, rc, o, c;

	rc = cli_parse("room list", argc, argv, 2, NULL, args, 0, &nargs);
	if (rc != HD_OK)
		return rc;
	rc = cli_open(ctx);
	if (rc != HD_OK)
		return rc;
	if (room_list(ctx->db, &rooms, &n, &err) != HD_OK)
		return cli_report(&err);
	printf("%s\t%s\t%s\t%s\t%s\t%s\t%s\n", _("id"), _("name"), _("kind"), _("capacity"),
	       _("opens"), _("closes"), _("buffer minutes"));
	for (i = 0; i < n; i++) {
		room_hours(ctx->db, &rooms[i], &o, &c);
		hm(o, open, sizeof(open));
		hm(c, close, sizeof(close));
		printf("%lld\t%s\t%s\t%d\t%s\t%s\t%d\n", rooms[i].id, rooms[i].name,
		       list_label(&LIST_ROOM_KIND, rooms[i].kind), rooms[i].capacity, open, close,
		       rooms[i].buffer_min);
	}
	free(rooms);
	return HD_OK;
}

static int room_close_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_opt opts[] = {
		{ "--from", true, NULL },
		{ "--to", true, NULL },
		{ "--reason", true, NULL },
		{ NULL, false, NULL },
	};
	struct hd_err err;
	long long id, closure;
	time_t start, end;
	int rc;

	rc = cli_open_id(ctx, "room close", argc, argv, opts, &id);
	if (rc != HD_OK)
		return rc;
	if (room_read_period(cli_opt(opts, "--from"), cli_opt(opts, "--to"), &start, &end, &err) !=
		    HD_OK ||
	    room_close(ctx->db, &ctx->actor, id, start, end, cli_opt(opts, "--reason"), &closure,
		       &err) != HD_OK)
		return cli_report(&err);
	printf("%lld\t-\t%s %lld: %s - %s\n", closure, _("room"), id, cli_opt(opts, "--from"),
	       cli_opt(opts, "--to"));
	return HD_OK;
}

int cli_room(struct cli_ctx *ctx, int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "add") == 0)
		return room_add_cmd(ctx, argc, argv);
	if (argc >= 2 && strcmp(argv[1], "list") == 0)
		return room_list_cmd(ctx, argc, argv);
	if (argc >= 2 && strcmp(argv[1], "close") == 0)
		return room_close_cmd(ctx, argc, argv);
	return cli_say(HD_BAD_INPUT, _("room: use room add | list | close (see hubdesk --help)"));
}

static void report_notes(const struct org *o, const struct org_notes *notes)
{
	if (notes->credit_check_failed)
		cli_say(HD_OK,
			_("warning: credit code %s: its check character does not match; "
			  "saved and marked for checking"),
			o->credit_code);
	if (notes->not_civil_affairs)
		cli_say(HD_OK,
			_("note: credit code %s was not issued by civil affairs "
			  "(those start 51, 52, 53 or 59)"),
			o->credit_code);
}

static int org_add_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_opt opts[ORG_NFIELDS + 1];
	struct org_notes notes;
	struct org_draft d = { 0 };
	const char *args[MAX_ARGS];
	struct hd_err err;
	struct org o;
	long long id;
	int nargs, rc;

	cli_record_opts(&ORG_RECORD, opts);
	rc = cli_parse("org add", argc, argv, 2, opts, args, 0, &nargs);
	if (rc == HD_OK)
		rc = cli_record_draft(opts, &ORG_RECORD, &d);
	if (rc != HD_OK)
		return rc;
	if (org_check(&d, &o, &notes, &err) != HD_OK)
		return cli_report(&err);
	rc = cli_open(ctx);
	if (rc != HD_OK)
		return rc;
	if (org_add(ctx->db, &ctx->actor, &d, &id, &notes, &err) != HD_OK)
		return cli_report(&err);
	report_notes(&o, &notes);
	printf("%lld\t-\t%s\n", id, o.name);
	return HD_OK;
}

static int org_list_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *args[MAX_ARGS];
	struct org *orgs = NULL;
	struct hd_err err;
	char phone[PHONE_MAX + 8];
	int n = 0, i, nargs, rc;

	rc = cli_parse("org list", argc, argv, 2, NULL, args, 0, &nargs);
	if (rc != HD_OK)
		return rc;
	rc = cli_open(ctx);
	if (rc != HD_OK)
		return rc;
	if (org_list(ctx->db, &orgs, &n, &err) != HD_OK)
		return cli_report(&err);
	printf("%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", _("id"), _("name"), _("short name"),
	       _("kind"), _("credit code"), _("contact"), _("phone"), _("moved in"),
	       _("moves out"));
	for (i = 0; i < n; i++) {
		const struct org *o = &orgs[i];

		phone[0] = '\0';
		if (*o->phone)
			phone_mask(o->phone, phone, sizeof(phone));
		printf("%lld\t%s\t%s\t%s\t%s%s\t%s\t%s\t%s\t%s\n", o->id, o->name, o->short_name,
		       list_label(&LIST_ORG_KIND, o->kind), o->credit_code,
		       o->credit_ok ? "" : _(" (check character fails)"), o->contact, phone,
		       o->in_date, o->out_date);
	}
	free(orgs);
	return HD_OK;
}

int cli_org(struct cli_ctx *ctx, int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "add") == 0)
		return org_add_cmd(ctx, argc, argv);
	if (argc >= 2 && strcmp(argv[1], "list") == 0)
		return org_list_cmd(ctx, argc, argv);
	if (argc >= 2 && strcmp(argv[1], "set-pin") == 0)
		return cli_set_pin(ctx, argc, argv, BOOKER_ORG);
	return cli_say(HD_BAD_INPUT,
		       _("org: use org add | list | set-pin ID (see hubdesk --help)"));
}
