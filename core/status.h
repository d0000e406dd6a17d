/* SPDX-License-Identifier: GPL-3.0-or-later */
/* status.h - the one status type of hubdesk.
 *
 * The exit codes of the command line are also the core's status codes, so the
 * command line maps them one to one and the screens show the same message. */
#ifndef HD_STATUS_H
#define HD_STATUS_H

enum hd_status {
	HD_OK = 0,        /* done, or already done */
	HD_FAIL = 1,      /* failed for another reason (database, terminal, disk) */
	HD_BAD_INPUT = 2, /* bad usage or malformed input */
	HD_REFUSED = 3,   /* well-formed but refused by a rule */
	HD_NOT_FOUND = 4, /* unknown id, or the record of a genuine code is gone */
	HD_FORGED = 5     /* forged QR text */
};

#define HD_MSG_BYTES 512

/* An error for people: msg is already translated and names the field or rule;
 * field is the machine name of the field at fault ("" when none). */
struct hd_err {
	enum hd_status status;
	char field[32];
	char msg[HD_MSG_BYTES];
};

/* Fills err (when not NULL) and returns status (any of HD_OK ... HD_FORGED,
 * as given). msg is a printf format. */
enum hd_status hd_err_set(struct hd_err *err, enum hd_status status, const char *field,
			  const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* Clears err to HD_OK with empty field and message. */
void hd_err_clear(struct hd_err *err);

#endif
