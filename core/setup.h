/* SPDX-License-Identifier: GPL-3.0-or-later */
/* setup.h - making a new installation: the secret key of its QR codes, and
 * the demo data of DESIGN.md (rooms, organisations, teams, all in Chinese). */
#ifndef HD_SETUP_H
#define HD_SETUP_H

#include <stdbool.h>

#include "core/actor.h"
#include "core/db.h"
#include "core/status.h"

/* Makes the installation's secret key if it has none. *created tells
 * whether this call initialised the database. HD_FAIL when the database
 * or the cryptography library fails. */
enum hd_status setup_init(struct db *db, const struct hd_actor *who, bool *created,
			  struct hd_err *err);

/* Loads the demo data in one transaction. HD_REFUSED when the database holds
 * rooms, organisations or teams already. */
enum hd_status setup_demo(struct db *db, const struct hd_actor *who, struct hd_err *err);

#endif
