/* SPDX-License-Identifier: GPL-3.0-or-later */
/* app.h - the full-screen desk (ncursesw): the application context, the
 * screens it stacks, and what every screen offers (draw, key, tick). */
#ifndef HD_APP_H
#define HD_APP_H

#include <stdbool.h>
#include <stdint.h>
#include <wchar.h>

#include "core/access.h"
#include "core/actor.h"
#include "core/db.h"
#include "core/validate.h"
#include "tui/actions.h"
#include "tui/cli.h"
#include "tui/printer_watch.h"
#include "tui/theme.h"

#define APP_MIN_COLS 80
#define APP_MIN_ROWS 24
#define APP_STACK 8

/* What a screen did with a key. */
enum key_result {
	KR_IGNORED, /* not handled: the app tries its global keys */
	KR_HANDLED,
	KR_CLOSE /* close this screen */
};

struct app;
struct compose;

/* Keys kept back while they may be a scanner's code (tui/scan.h). */
#define SCAN_HOLD_MAX 64
struct scan_hold {
	wint_t keys[SCAN_HOLD_MAX];
	int n;
	char text[SCAN_HOLD_MAX * 4 + 1];
};

/* A screen: one file under tui/, registered by its ops. */
struct screen_ops {
	const char *title; /* English msgid of the title; NULL: the arg given to app_push */
	void *(*open)(struct app *a, const void *arg); /* its state, or NULL */
	void (*close)(struct app *a, void *st);        /* frees the state */
	void (*draw)(struct app *a, void *st);         /* the body, rows 1..LINES-2 */
	enum key_result (*key)(struct app *a, void *st, struct key_in k);
	void (*tick)(struct app *a, void *st);   /* about every second; may be NULL */
	bool (*typing)(struct app *a, void *st); /* a text field has the keys; may be NULL */
	bool (*dirty)(struct app *a, void *st);  /* unsaved input; may be NULL */
	void (*resume)(struct app *a, void *st); /* on top again; may be NULL */
	void (*reopen)(struct app *a, void *st, const void *arg); /* app_open on top; may be NULL */
	const int *keys; /* actions for the key line, -1 ended */
	const int *more; /* actions it handles but does not show, -1 ended; may be NULL */
	bool patient;    /* a staff or admin form: the idle reset waits idle.seconds x 5 */
};

struct screen {
	const struct screen_ops *ops;
	void *st;
	const char *title; /* msgid: ops->title, or the arg of a screen without one */
};

struct app {
	const char *db_path; /* the database's file, for its copies */
	const char *desk;    /* the desk's name, as --desk gave it */
	struct db *db;
	struct hd_actor actor;
	char centre[NAME_BYTES];
	struct screen stack[APP_STACK];
	int depth;
	bool quit;
	bool too_small;
	int64_t last_key_ms;
	int idle_seconds;
	char message[512];
	enum role message_role;
	unsigned long keys_read;     /* keys handled so far */
	unsigned long message_key;   /* keys_read when the message was made */
	struct printer_watch *watch; /* the printers' state, from a thread */
	bool watching;               /* the watch was started (after the first frame) */
	int waiting;                 /* documents waiting in the spool */
	bool kiosk;                  /* kiosk.mode on: leaving needs staff, nobody is a resident */
	bool lost;                   /* the terminal went away: the app ends with exit code 1 */
	struct scan_hold scan;       /* a scanner's code being typed, held from the screen */
	struct compose *compose;     /* the built-in pinyin input (tui/compose.h) */
};

/* A slot of the room grid, for the booking form and the free-room finder. */
struct slot {
	long long room_id;
	char date[DATE_LEN];
	int start_min, end_min; /* minutes of the day */
	int people;             /* the head count asked for (0: none) */
};

/* The room grid's arg: the day it shows and the booking to move, chosen
 * with Enter on a free cell. A grid on top already, given one by app_open,
 * keeps its day and moves the booking. */
struct grid_open {
	long day;          /* a day number (core/clock.h) */
	long long move_id; /* the booking to move, or 0 */
};

/* Runs the full-screen app on the database of ctx until the user leaves.
 * Returns the exit code (1 when the terminal or database cannot be used). */
int app_run(struct cli_ctx *ctx);

/* Opens a screen on top; arg goes to its open(). */
void app_push(struct app *a, const struct screen_ops *ops, const void *arg);

/* Opens a screen with arg: when that screen is on top already and takes a
 * new arg (ops->reopen), it keeps its state and gets arg; else as
 * app_push. */
void app_open(struct app *a, const struct screen_ops *ops, const void *arg);

/* Closes the top screen (never home). */
void app_pop(struct app *a);

/* Back to home, closing every other screen. */
void app_home(struct app *a);

/* Shows a message on the status line (printf format). It belongs to the
 * screen that made it: opening or leaving a screen clears a message made
 * before the key that did so. */
void app_message(struct app *a, enum role role, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* True when the person at the desk may take action; otherwise the refusal
 * (audited by the core) is shown on the status line. */
bool app_allowed(struct app *a, enum access_action action);

/* Signs the person at the desk out (idle: by the idle reset). */
void app_signout(struct app *a, bool idle);

/* Starts, or refreshes after a change, the watch of the configured
 * printers. */
void app_watch_printers(struct app *a);

/* Asks a yes/no question on the status line; true for y. */
bool app_confirm(struct app *a, const char *question);

/* The sign-in's arg when someone asks to leave a kiosk: it leaves for staff
 * and admins only. */
extern const char SIGNIN_LEAVE[];
#define SIGNIN_TO_LEAVE ((const void *)SIGNIN_LEAVE)

/* Leaving the app: at once, or in kiosk mode through the sign-in. */
void app_leave(struct app *a);

/* The screens. */
extern const struct screen_ops SCREEN_HOME;
extern const struct screen_ops SCREEN_HELP;
extern const struct screen_ops SCREEN_REGISTERS;
extern const struct screen_ops SCREEN_ORG_FORM;
extern const struct screen_ops SCREEN_ORG_EDIT; /* arg: a long long organisation id */
extern const struct screen_ops SCREEN_ADMIN;
extern const struct screen_ops SCREEN_SIGNIN; /* arg: NULL, or SIGNIN_TO_LEAVE */
extern const struct screen_ops SCREEN_PRINTERS;
extern const struct screen_ops SCREEN_CHECKIN;
extern const struct screen_ops SCREEN_PRESENT;
extern const struct screen_ops SCREEN_VISITOR;        /* arg: a long long visit id */
extern const struct screen_ops SCREEN_GRID;           /* arg: NULL (today), or a struct grid_open */
extern const struct screen_ops SCREEN_BOOKING;        /* arg: a struct slot */
extern const struct screen_ops SCREEN_BOOKING_DETAIL; /* arg: a long long booking id */
extern const struct screen_ops SCREEN_APPROVALS;
extern const struct screen_ops SCREEN_FREE_ROOM; /* arg: a struct slot (room unused) */
extern const struct screen_ops SCREEN_TEAM_FORM;
extern const struct screen_ops SCREEN_TEAM_EDIT; /* arg: a long long team id */
extern const struct screen_ops SCREEN_TEAM;      /* arg: a long long team id */
extern const struct screen_ops SCREEN_ORG;       /* arg: a long long organisation id */
extern const struct screen_ops SCREEN_ROLL;
extern const struct screen_ops SCREEN_SETTINGS;
extern const struct screen_ops SCREEN_AUDIT;
extern const struct screen_ops SCREEN_MY_BOOKINGS;
extern const struct screen_ops SCREEN_ROOMS;
extern const struct screen_ops SCREEN_ACCOUNTS;
extern const struct screen_ops SCREEN_REPORT;

#endif
