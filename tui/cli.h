/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli.h - the line-mode command line over the same core as the screens:
 * `hubdesk SUBCOMMAND ...`. Each command returns its exit code (the core's
 * status), prints records on stdout and messages for people on stderr. */
#ifndef HD_CLI_H
#define HD_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "core/actor.h"
#include "core/db.h"
#include "core/pin.h"
#include "core/status.h"

/* What the global options gave. */
struct cli_ctx {
	const char *db_path;
	const char *lang;   /* "zh", "en" or NULL */
	const char *centre; /* --centre or HUBDESK_CENTRE: the centre's code, or NULL */
	char desk[64];
	struct hd_actor actor; /* the command line acts as admin */
	struct db *db;         /* opened by the command */
	int lock_fd;           /* the database's lock, held shared while db is open; -1 none */
};

/* One option of a command: "--name" and whether it takes a value. */
struct cli_opt {
	const char *name;
	bool has_value;
	const char *value; /* set by cli_parse: the value, or "" for a flag given */
};

/* Reads argv[from..argc) into opts (NULL-named terminated) and up to
 * max_args plain arguments into args. HD_BAD_INPUT (message printed) for an
 * unknown option, a missing value or too many arguments. */
enum hd_status cli_parse(const char *cmd, int argc, char **argv, int from, struct cli_opt *opts,
			 const char **args, int max_args, int *nargs);

/* Appends the n options of more to opts (NULL-named terminated, with room
 * for them), terminated again. */
void cli_opts_append(struct cli_opt *opts, const struct cli_opt *more, int n);

/* The value of an option after cli_parse, or NULL when not given. */
const char *cli_opt(const struct cli_opt *opts, const char *name);

/* The record number arg of command cmd (digits only, 1 to RECORD_ID_MAX);
 * else says so, with arg shown safely, and returns HD_BAD_INPUT. */
enum hd_status cli_id(const char *cmd, const char *arg, long long *id);

/* `cmd ID [opts]` from argv[2]: parses the options (opts may be NULL),
 * reads the one argument as a record number (cli_id) and opens the
 * database; each failure is said on stderr and returned. */
enum hd_status cli_open_id(struct cli_ctx *ctx, const char *cmd, int argc, char **argv,
			   struct cli_opt *opts, long long *id);

/* Prints "hubdesk: message" on stderr and returns the status. */
enum hd_status cli_report(const struct hd_err *err);

/* Prints a message of the given status (printf format) and returns status. */
enum hd_status cli_say(enum hd_status status, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Opens the database of ctx (DB_EXISTING) under its shared lock (a restore
 * waits for it); on failure the message is printed. */
enum hd_status cli_open(struct cli_ctx *ctx);

/* Opens the database as cli_open does, serving no centre chosen by the
 * command (the district's commands: centre, report --district); a
 * database of one centre serves it still. */
enum hd_status cli_open_district(struct cli_ctx *ctx);

/* Runs the subcommand argv[0] with its arguments. */
int cli_run(struct cli_ctx *ctx, int argc, char **argv);

/* The commands of each file. */
int cli_init(struct cli_ctx *ctx, int argc, char **argv);
int cli_config(struct cli_ctx *ctx, int argc, char **argv);
int cli_room(struct cli_ctx *ctx, int argc, char **argv);
int cli_org(struct cli_ctx *ctx, int argc, char **argv);

int cli_staff(struct cli_ctx *ctx, int argc, char **argv);

/* `hubdesk team ...`. */
int cli_team(struct cli_ctx *ctx, int argc, char **argv);

/* `hubdesk booking ...`. */
int cli_booking(struct cli_ctx *ctx, int argc, char **argv);

/* `hubdesk closure ...`. */
int cli_closure(struct cli_ctx *ctx, int argc, char **argv);
int cli_centre(struct cli_ctx *ctx, int argc, char **argv);

/* `hubdesk load FILE.db` (cli_load.c). */
int cli_load(struct cli_ctx *ctx, int argc, char **argv);

/* `hubdesk visitor ...`. */
int cli_visitor(struct cli_ctx *ctx, int argc, char **argv);

/* `hubdesk backup PATH` and `hubdesk restore PATH` (cli_backup.c). */
int cli_backup(struct cli_ctx *ctx, int argc, char **argv);
int cli_restore(struct cli_ctx *ctx, int argc, char **argv);

/* `hubdesk maintain`: what is due: the print spool's retry, the check-out
 * at closing time, the retention erase. */
int cli_maintain(struct cli_ctx *ctx, int argc, char **argv);

/* `report`, `export` and `import` (cli_report.c, cli_export.c). */
int cli_report_cmd(struct cli_ctx *ctx, int argc, char **argv);
int cli_export(struct cli_ctx *ctx, int argc, char **argv);
int cli_import(struct cli_ctx *ctx, int argc, char **argv);

/* `print test|status|retry` and `verify TEXT` (cli_print.c). */
int cli_print(struct cli_ctx *ctx, int argc, char **argv);
int cli_verify(struct cli_ctx *ctx, int argc, char **argv);

/* `org|team set-pin ID`: kind is enum booker_kind. */
int cli_set_pin(struct cli_ctx *ctx, int argc, char **argv, enum booker_kind kind);

/* Reads a PIN of min..12 digits: twice without echo from a terminal, else
 * one line of stdin. HD_BAD_INPUT (message printed) for a wrong shape or two
 * entries that differ; pin is wiped then. */
enum hd_status cli_read_pin(const char *label, int min, int max, char *pin, size_t pinsz);

/* On a terminal with no accounts yet, asks for the first administrator. */
enum hd_status cli_first_admin(struct cli_ctx *ctx);

/* Usage of the whole command line on stdout. */
void cli_usage(void);

/* When standard output or error is a terminal, what a command prints to it
 * shows control characters, direction overrides and invalid UTF-8 as
 * U+FFFD (cli_out.c); files and pipes get the bytes as they are. Call
 * before a command prints anything. */
void cli_guard_terminal(void);

/* A progress line (printf-style, may begin or end with carriage returns of
 * its own) over the last one, when standard error is a terminal: its
 * carriage returns act, everything else is shown as cli_guard_terminal
 * shows it. Nothing when standard error is not a terminal. */
void cli_progress(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
