/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cli_record.c - a record's field list as command-line options. */
#include "tui/cli_record.h"

void cli_record_opts(const struct record_def *def, struct cli_opt *opts)
{
	int i, n = 0;

	for (i = 0; i < def->count; i++)
		if (def->fields[i].option)
			opts[n++] = (struct cli_opt){ def->fields[i].option, true, NULL };
	opts[n] = (struct cli_opt){ NULL, false, NULL };
}

enum hd_status cli_record_draft(const struct cli_opt *opts, const struct record_def *def,
				void *draft)
{
	const struct record_field *f;
	struct hd_err err;
	const char *v;
	int i;

	for (i = 0; i < def->count; i++) {
		f = &def->fields[i];
		if (f->option && (v = cli_opt(opts, f->option)) &&
		    record_parse(f, v, draft, &err) != HD_OK)
			return cli_report(&err);
	}
	return HD_OK;
}
