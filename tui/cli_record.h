/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_record.h - a record's field list (core/record.h) as command-line
 * options: the option table made from it, and the options given read into
 * a typed draft. */
#ifndef HD_CLI_RECORD_H
#define HD_CLI_RECORD_H

#include "core/record.h"
#include "tui/cli.h"

/* Fills opts (def->count + 1 entries) with the options of def's fields
 * that have one, each taking a value, then the end. */
void cli_record_opts(const struct record_def *def, struct cli_opt *opts);

/* Every field option given (after cli_parse) read into its member of
 * draft, in the fields' order; the others are left as they are. A value
 * that is not a number or list entry is said (cli_report) and its status
 * returned: HD_BAD_INPUT. */
enum hd_status cli_record_draft(const struct cli_opt *opts, const struct record_def *def,
				void *draft);

#endif
