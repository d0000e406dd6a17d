/* SPDX-License-Identifier: GPL-3.0-or-later */
/* roll.h - the list of who is here, printed for the fire warden: time in,
 * name and party of everyone in, and the head count. It goes to the receipt
 * printer (else A4, else it waits) and is erased with the visits' data
 * after retention.days. */
#ifndef HD_ROLL_H
#define HD_ROLL_H

#include "core/actor.h"
#include "core/db.h"
#include "core/status.h"
#include "printing/spool.h"

/* Prints the list of everyone in now. HD_OK whenever it was stored (see
 * out); HD_REFUSED for who may not see who is here. */
enum hd_status roll_print(struct db *db, const struct hd_actor *who, struct spool_outcome *out,
			  struct hd_err *err);

#endif
