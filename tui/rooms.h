/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rooms.h - the screens behind administration's rooms (screen_rooms.c):
 * the room form, closing a room for a period, and the centre's closures. */
#ifndef HD_ROOMS_H
#define HD_ROOMS_H

#include "tui/app.h"

extern const struct screen_ops SCREEN_ROOM_NEW;   /* arg: NULL */
extern const struct screen_ops SCREEN_ROOM_EDIT;  /* arg: a long long room id */
extern const struct screen_ops SCREEN_ROOM_CLOSE; /* arg: a long long room id */
extern const struct screen_ops SCREEN_CLOSURES;   /* arg: NULL */

#endif
