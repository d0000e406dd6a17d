/* SPDX-License-Identifier: GPL-3.0-or-later */
/* status.c - filling struct hd_err. */
#include "core/status.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

enum hd_status hd_err_set(struct hd_err *err, enum hd_status status, const char *field,
			  const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return status;
	err->status = status;
	snprintf(err->field, sizeof(err->field), "%s", field ? field : "");
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	return status;
}

void hd_err_clear(struct hd_err *err)
{
	if (!err)
		return;
	err->status = HD_OK;
	err->field[0] = '\0';
	err->msg[0] = '\0';
}
