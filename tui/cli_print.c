/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_print.c - `hubdesk print ...` (a record's document again, test page,
 * printer and spool status, retry) and `hubdesk verify TEXT`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/i18n.h"
#include "core/settings.h"
#include "core/team.h"
#include "core/token.h"
#include "printing/cups.h"
#include "printing/filing.h"
#include "printing/receipt.h"
#include "printing/slip.h"
#include "printing/spool.h"
#include "printing/testpage.h"
#include "core/backup.h"
#include "core/booking.h"
#include "core/lists.h"
#include "core/validate.h"
#include "core/visit.h"
#include "tui/cli.h"

#define MAX_ARGS 2

/* --to and --format of a print command: checked, the queue normalised. */
static enum hd_status read_target(struct cli_opt *opts, char *queue, size_t qsz, const char **to,
				  const char **format)
{
	struct hd_err err;

	*to = cli_opt(opts, "--to");
	*format = cli_opt(opts, "--format");
	if (*to && settings_validate(SET_PRINTER_RECEIPT, *to, queue, qsz, &err) != HD_OK)
		return cli_say(HD_BAD_INPUT, _("--to: a CUPS queue name (letters, digits, - and _, "
					       "no spaces)"));
	if (*to)
		*to = queue;
	if (*format && strcmp(*format, "escpos") != 0 && strcmp(*format, "pdf") != 0)
		return cli_say(HD_BAD_INPUT, _("--format: escpos or pdf, not %s"), *format);
	return HD_OK;
}

/* The records whose document `print` gives again. */
enum print_record { PRINT_VISITOR, PRINT_BOOKING, PRINT_TEAM };

/* `print visitor|booking|team ID`: the document again, marked as a
 * reprint. */
static int print_record_cmd(struct cli_ctx *ctx, int argc, char **argv, enum print_record which)
{
	static const char *const cmds[] = { "print visitor", "print booking", "print team" };
	static const enum token_kind kinds[] = { TOKEN_VISIT, TOKEN_BOOKING, TOKEN_TEAM };
	struct cli_opt opts[] = {
		{ "--to", true, NULL },
		{ "--format", true, NULL },
		{ NULL, false, NULL },
	};
	const char *cmd = cmds[which];
	char queue[SETTING_VALUE_MAX], token[TOKEN_MAX];
	const char *args[MAX_ARGS], *to, *format;
	struct spool_outcome out;
	struct hd_err err;
	long id = 0;
	int nargs, rc;

	rc = cli_parse(cmd, argc, argv, 2, opts, args, 1, &nargs);
	if (rc == HD_OK && (nargs != 1 || valid_int(args[0], "ID", 1, 999999999999L, &id, NULL)))
		rc = cli_say(HD_BAD_INPUT, _("%s: give the record's ID"), cmd);
	if (rc == HD_OK)
		rc = read_target(opts, queue, sizeof(queue), &to, &format);
	if (rc == HD_OK)
		rc = cli_open(ctx);
	if (rc != HD_OK)
		return rc;
	switch (which) {
	case PRINT_VISITOR:
		rc = slip_print(ctx->db, &ctx->actor, id, to, format, &out, &err);
		break;
	case PRINT_BOOKING:
		rc = receipt_print(ctx->db, &ctx->actor, id, to, format, &out, &err);
		break;
	case PRINT_TEAM:
		rc = filing_print(ctx->db, &ctx->actor, id, to, format, &out, &err);
		break;
	}
	if (rc != HD_OK ||
	    token_make(ctx->db, kinds[which], id, token, sizeof(token), &err) != HD_OK)
		return cli_report(&err);
	if (!out.delivered)
		cli_say(HD_OK, "%s", out.message);
	printf("%ld\t%s\t", id, token);
	switch (which) {
	case PRINT_VISITOR:
		printf(_("visitor slip, copy %d"), out.copy);
		break;
	case PRINT_BOOKING:
		printf(_("booking receipt, copy %d"), out.copy);
		break;
	case PRINT_TEAM:
		printf(_("team filing receipt, copy %d"), out.copy);
		break;
	}
	putchar('\n');
	return HD_OK;
}

static int print_test_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	struct cli_opt opts[] = {
		{ "--to", true, NULL },
		{ "--format", true, NULL },
		{ NULL, false, NULL },
	};
	char queue[SETTING_VALUE_MAX], token[TOKEN_MAX];
	const char *args[MAX_ARGS], *to, *format;
	struct spool_outcome out;
	struct hd_err err;
	long long id;
	int nargs, rc;

	rc = cli_parse("print test", argc, argv, 2, opts, args, 0, &nargs);
	if (rc == HD_OK)
		rc = read_target(opts, queue, sizeof(queue), &to, &format);
	if (rc != HD_OK)
		return rc;
	rc = cli_open(ctx);
	if (rc != HD_OK)
		return rc;
	if (testpage_print(ctx->db, &ctx->actor, to, format, &id, token, sizeof(token), &out,
			   &err) != HD_OK)
		return cli_report(&err);
	if (out.delivered) {
		printf("%lld\t%s\t", id, token);
		printf(_("test page sent to %s (CUPS job %d)"), out.queue, out.cups_job);
	} else {
		cli_say(HD_OK, "%s", out.message);
		printf("%lld\t%s\t%s", id, token, _("test page waiting in the print spool"));
	}
	putchar('\n');
	return HD_OK;
}

/* One line of a configured printer: queue, role, state, message. */
static void status_line(const char *queue, const char *role)
{
	struct printer_state st;

	cups_state(queue, &st);
	printf("%s\t%s\t%s\t%s\n", queue, role, cups_condition_text(st.condition),
	       st.message[0] ? st.message : "-");
}

static int print_status_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	char receipt[SETTING_VALUE_MAX], a4[SETTING_VALUE_MAX], created[32];
	struct spool_entry *e = NULL;
	const char *args[MAX_ARGS];
	struct hd_err err;
	int nargs, rc, n = 0, i, printed, failed;

	rc = cli_parse("print status", argc, argv, 2, NULL, args, 0, &nargs);
	if (rc != HD_OK)
		return rc;
	rc = cli_open(ctx);
	if (rc != HD_OK)
		return rc;
	settings_text(ctx->db, SET_PRINTER_RECEIPT, receipt, sizeof(receipt));
	settings_text(ctx->db, SET_PRINTER_A4, a4, sizeof(a4));
	printf("%s\t%s\t%s\t%s\n", _("queue"), _("printer"), _("state"), _("message"));
	if (receipt[0])
		status_line(receipt, _("receipt printer"));
	if (a4[0])
		status_line(a4, _("A4 printer"));
	if (!receipt[0] && !a4[0])
		cli_say(HD_OK,
			_("no printer is set (config set printer.receipt QUEUE, printer.a4 QUEUE)"));
	/* The jobs CUPS has are asked after, so the list says how they stand. */
	if (spool_follow(ctx->db, &printed, &failed, &err) != HD_OK ||
	    spool_list_waiting(ctx->db, &e, &n, &err) != HD_OK)
		return cli_report(&err);
	printf("%s\t%s\t%s\t%s\t%s\t%s\t%s\n", _("id"), _("document"), _("queue"), _("state"),
	       _("attempts"), _("created"), _("reason"));
	for (i = 0; i < n; i++) {
		clock_local_datetime(e[i].created, created, sizeof(created));
		printf("%lld\t%s-%lld-%d\t%s\t%s\t%d\t%s\t%s\n", e[i].id,
		       spool_kind_text(e[i].kind), e[i].record_id, e[i].copy,
		       e[i].queue[0] ? e[i].queue : "-", spool_state_text(e[i].state),
		       e[i].attempts, created, e[i].last_error[0] ? e[i].last_error : "-");
	}
	free(e);
	return HD_OK;
}

/* `print retry` (from argv[2]) and `maintain` (from argv[1]): the waiting
 * documents are sent again. */
static int retry_spool(struct cli_ctx *ctx, const char *cmd, int argc, char **argv, int from)
{
	const char *args[MAX_ARGS];
	struct hd_err err;
	int nargs, rc, delivered, waiting;

	rc = cli_parse(cmd, argc, argv, from, NULL, args, 0, &nargs);
	if (rc != HD_OK)
		return rc;
	rc = cli_open(ctx);
	if (rc != HD_OK)
		return rc;
	if (spool_retry(ctx->db, &delivered, &waiting, &err) != HD_OK)
		return cli_report(&err);
	cli_say(HD_OK, _("%d delivered, %d still waiting"), delivered, waiting);
	return HD_OK;
}

static int print_retry_cmd(struct cli_ctx *ctx, int argc, char **argv)
{
	return retry_spool(ctx, "print retry", argc, argv, 2);
}

int cli_maintain(struct cli_ctx *ctx, int argc, char **argv)
{
	struct backup_round round;
	struct hd_err err;
	int rc, closed = 0, erased = 0, released = 0;

	rc = retry_spool(ctx, "maintain", argc, argv, 1);
	if (rc != HD_OK)
		return rc;
	if (booking_release_due(ctx->db, &released, &err) != HD_OK ||
	    visit_close_day(ctx->db, &ctx->actor, &closed, &err) != HD_OK ||
	    visit_retention(ctx->db, &ctx->actor, &erased, &err) != HD_OK)
		return cli_report(&err);
	cli_say(HD_OK, _("%d visitors checked out at closing time, %d old visits erased"), closed,
		erased);
	if (backup_daily(ctx->db, &ctx->actor, ctx->db_path, &round, &err) != HD_OK)
		return cli_report(&err);
	cli_say(HD_OK, _("backups: %d made, %d kept (%d visits erased in them), %d removed"),
		round.made, round.kept, round.erased, round.removed);
	return HD_OK;
}

int cli_print(struct cli_ctx *ctx, int argc, char **argv)
{
	const char *sub = argc >= 2 ? argv[1] : "";

	if (strcmp(sub, "test") == 0)
		return print_test_cmd(ctx, argc, argv);
	if (strcmp(sub, "status") == 0)
		return print_status_cmd(ctx, argc, argv);
	if (strcmp(sub, "retry") == 0)
		return print_retry_cmd(ctx, argc, argv);
	if (strcmp(sub, "visitor") == 0)
		return print_record_cmd(ctx, argc, argv, PRINT_VISITOR);
	if (strcmp(sub, "booking") == 0)
		return print_record_cmd(ctx, argc, argv, PRINT_BOOKING);
	if (strcmp(sub, "team") == 0)
		return print_record_cmd(ctx, argc, argv, PRINT_TEAM);
	return cli_say(HD_BAD_INPUT, _("print: use print visitor|booking|team ID [--to QUEUE] "
				       "[--format escpos|pdf] | test [--to QUEUE] [--format "
				       "escpos|pdf] | status | retry"));
}

static enum hd_status gone(enum token_kind kind, long long id)
{
	return cli_say(HD_NOT_FOUND, _("a genuine code, but the record is gone (%s %lld)"),
		       token_kind_word(kind), id);
}

int cli_verify(struct cli_ctx *ctx, int argc, char **argv)
{
	char description[256], date[32];
	struct visit visit;
	struct booking booking;
	const char *args[MAX_ARGS];
	struct spool_entry page;
	struct team team;
	enum token_kind kind;
	struct hd_err err;
	long long id;
	int nargs, rc;

	rc = cli_parse("verify", argc, argv, 1, NULL, args, 1, &nargs);
	if (rc != HD_OK)
		return rc;
	if (nargs != 1)
		return cli_say(HD_BAD_INPUT, _("verify: use verify TEXT (the text of a QR code)"));
	rc = cli_open(ctx);
	if (rc != HD_OK)
		return rc;
	if (token_read(ctx->db, &ctx->actor, args[0], &kind, &id, &err) != HD_OK)
		return cli_report(&err);
	switch (kind) {
	case TOKEN_PAGE:
		rc = spool_get(ctx->db, id, &page, &err);
		if (rc == HD_NOT_FOUND || (rc == HD_OK && page.kind != SPOOL_KIND_TEST))
			return gone(kind, id);
		if (rc != HD_OK)
			return cli_report(&err);
		clock_local_date(page.created, date, sizeof(date));
		snprintf(description, sizeof(description), _("print test page of %s"), date);
		break;
	case TOKEN_TEAM:
		rc = team_get(ctx->db, id, &team, &err);
		if (rc == HD_NOT_FOUND)
			return gone(kind, id);
		if (rc != HD_OK)
			return cli_report(&err);
		snprintf(description, sizeof(description), "%s", team.name);
		break;
	case TOKEN_VISIT:
		rc = visit_get(ctx->db, id, &visit, &err);
		if (rc == HD_NOT_FOUND)
			return gone(kind, id);
		if (rc != HD_OK)
			return cli_report(&err);
		/* No personal data: when, and why. */
		clock_local_datetime(visit.time_in, date, sizeof(date));
		snprintf(description, sizeof(description), _("visit of %s, %s"), date,
			 list_get(&LIST_PURPOSE, visit.purpose)->zh);
		break;
	case TOKEN_BOOKING:
		rc = booking_get(ctx->db, id, &booking, &err);
		if (rc == HD_NOT_FOUND)
			return gone(kind, id);
		if (rc != HD_OK)
			return cli_report(&err);
		clock_local_datetime(booking.start, date, sizeof(date));
		snprintf(description, sizeof(description), _("booking of %s, %s"), booking.room,
			 date);
		break;
	default:
		return gone(kind, id);
	}
	printf("%s\t%lld\t%s\n", token_kind_word(kind), id, description);
	return HD_OK;
}
