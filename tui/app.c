/* SPDX-License-Identifier: GPL-3.0-or-later */
/* app.c - the full-screen desk: terminal set-up, the screen stack, the top
 * line, the status and key lines, global keys, resize and the idle reset. */
#include "tui/app.h"

#include <curses.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/booking.h"
#include "core/clock.h"
#include "core/db.h"
#include "core/i18n.h"
#include "core/lists.h"
#include "core/settings.h"
#include "core/staff.h"
#include "core/visit.h"
#include "printing/spool.h"
#include "core/text.h"
#include "tui/compose.h"
#include "tui/draw.h"
#include "tui/keyline.h"
#include "tui/scan.h"
#include "tui/topline.h"

#define TICK_MS 250
#define SCAN_PAUSE_MS 80
#define FOLLOW_MS 2000 /* how often the jobs CUPS prints for us are asked after */
#define IDLE_WARN_MS \
	15000 /* the countdown shows this long before the idle reset (half
			    * the wait at most) */

void app_message(struct app *a, enum role role, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(a->message, sizeof(a->message), fmt, ap);
	va_end(ap);
	a->message_role = role;
	a->message_key = a->keys_read;
}

/* A message from before the key that changes the screen is the old
 * screen's: it goes. */
static void drop_old_message(struct app *a)
{
	if (a->message_key != a->keys_read)
		a->message[0] = '\0';
}

void app_push(struct app *a, const struct screen_ops *ops, const void *arg)
{
	if (a->depth >= APP_STACK)
		return;
	drop_old_message(a);
	a->stack[a->depth].ops = ops;
	a->stack[a->depth].title = ops->title ? ops->title : (const char *)arg;
	a->stack[a->depth].st = ops->open ? ops->open(a, arg) : NULL;
	a->depth++;
}

void app_open(struct app *a, const struct screen_ops *ops, const void *arg)
{
	struct screen *s = a->depth > 0 ? &a->stack[a->depth - 1] : NULL;

	if (s && s->ops == ops && ops->reopen)
		ops->reopen(a, s->st, arg);
	else
		app_push(a, ops, arg);
}

void app_pop(struct app *a)
{
	struct screen *s;

	if (a->depth <= 1)
		return;
	drop_old_message(a);
	s = &a->stack[--a->depth];
	if (s->ops->close)
		s->ops->close(a, s->st);
	s->st = NULL;
	s = &a->stack[a->depth - 1];
	if (s->ops->resume)
		s->ops->resume(a, s->st);
}

void app_home(struct app *a)
{
	while (a->depth > 1)
		app_pop(a);
}

static struct screen *top(struct app *a)
{
	return &a->stack[a->depth - 1];
}

static void draw_too_small(void)
{
	char line[160];

	erase();
	snprintf(line, sizeof(line), _("The terminal is %dx%d; hubdesk needs at least %dx%d."),
		 COLS, LINES, APP_MIN_COLS, APP_MIN_ROWS);
	mvaddstr(0, 0, line);
	mvaddstr(1, 0, _("Make the window larger (F10 leaves)."));
}

static int idle_countdown(struct app *a);

/* The status line: a scan being typed, the idle countdown, or the
 * message (a long one takes the row above too). */
static void draw_status(struct app *a)
{
	char line[512];
	int left;

	if (scan_showing(&a->scan)) {
		snprintf(line, sizeof(line), "%s %s", _("Scan:"), scan_text(&a->scan));
		draw_text(LINES - 2, 0, line, COLS, ROLE_LABEL, 1);
	} else if ((left = idle_countdown(a)) > 0) {
		snprintf(
			line, sizeof(line),
			_("No key for a while: in %d s the desk goes home and unsaved input is dropped. Any key stays."),
			left);
		draw_wrapped(LINES - 2, 0, line, COLS, 2, ROLE_WARNING);
	} else if (text_width(a->message) <= COLS) {
		draw_text(LINES - 2, 0, a->message, COLS, a->message_role, 1);
	} else {
		draw_fill(LINES - 3, 0, COLS, ROLE_NORMAL);
		draw_wrapped(LINES - 2, 0, a->message, COLS, 2, a->message_role);
	}
}

static void draw_all(struct app *a)
{
	struct screen *s = top(a);
	int cy, cx;

	a->too_small = COLS < APP_MIN_COLS || LINES < APP_MIN_ROWS;
	if (a->too_small) {
		curs_set(0);
		draw_too_small();
		refresh();
		return;
	}
	erase();
	curs_set(0);
	topline_draw(a, _(top(a)->title));
	compose_frame(a->compose);
	s->ops->draw(a, s->st);
	compose_draw(a->compose);
	/* The status and key lines go over the screen's body; the cursor goes
	 * back to the field the screen left it in. */
	getyx(stdscr, cy, cx);
	draw_status(a);
	keyline_draw(LINES - 1, s->ops->keys);
	move(cy, cx);
	refresh();
}

/* While another desk's write holds the database, the status line says so
 * (only it: drawing the screen would ask the database again). */
static void tell_wait(void *ctx, int waited_ms)
{
	struct app *a = ctx;

	(void)waited_ms;
	if (a->too_small)
		return;
	draw_text(LINES - 2, 0, _("Another desk is saving; please wait..."), COLS, ROLE_WARNING, 1);
	refresh();
}

bool app_allowed(struct app *a, enum access_action action)
{
	struct hd_err err;

	if (access_require(a->db, &a->actor, action, &err) == HD_OK)
		return true;
	app_message(a, ROLE_ERROR, "%s", err.msg);
	return false;
}

void app_signout(struct app *a, bool idle)
{
	if (a->actor.kind != ACTOR_STAFF)
		return;
	staff_signout(a->db, &a->actor, idle);
	app_message(a, ROLE_DIM,
		    idle ? _("No key for a while: %s was signed out.") : _("%s signed out."),
		    a->actor.name);
	a->kiosk = settings_on(a->db, SET_KIOSK_MODE);
	a->actor = actor_nobody(a->kiosk, a->desk);
}

void app_watch_printers(struct app *a)
{
	char receipt[WATCH_QUEUE_MAX], a4[WATCH_QUEUE_MAX];

	settings_text(a->db, SET_PRINTER_RECEIPT, receipt, sizeof(receipt));
	settings_text(a->db, SET_PRINTER_A4, a4, sizeof(a4));
	if (a->watch)
		watch_poke(a->watch, receipt, a4);
	else
		a->watch = watch_start(receipt, a4);
}

/* The terminal is gone (its window closed, the line hung up): reading it
 * fails at once instead of waiting, and nothing will come again. */
static bool terminal_lost(void)
{
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };

	return poll(&p, 1, 0) > 0 && (p.revents & (POLLHUP | POLLERR | POLLNVAL));
}

/* The answers to a yes/no question: F10 also leaves the app. */
static const int CONFIRM_KEYS[] = { ACT_QUIT, ACT_YES, ACT_NO, ACT_BACK, -1 };

bool app_confirm(struct app *a, const char *question)
{
	struct key_in k = { 0 };
	wint_t ch;
	int rc;

	app_message(a, ROLE_WARNING, _("%s (y/n)"), question);
	for (;;) {
		draw_all(a);
		rc = get_wch(&ch);
		if (rc == ERR && terminal_lost()) {
			a->quit = a->lost = true;
			return false;
		}
		if (rc == ERR)
			continue;
		k.code = rc == KEY_CODE_YES;
		k.ch = ch;
		switch (action_find(CONFIRM_KEYS, k, false)) {
		case ACT_QUIT:
			if (a->kiosk)
				break;
			a->quit = true; /* leaving the app drops the input too */
			a->message[0] = '\0';
			return true;
		case ACT_YES:
			a->message[0] = '\0';
			return true;
		case ACT_NO:
		case ACT_BACK:
			a->message[0] = '\0';
			return false;
		default:
			break;
		}
	}
}

static bool typing(struct app *a)
{
	struct screen *s = top(a);

	return s->ops->typing && s->ops->typing(a, s->st);
}

/* The keys of every screen, tried after the screen's own: those the key
 * line shows, and q leaving from home. */
static const int GLOBAL_KEYS[] = { ACT_HELP, ACT_BACK, ACT_SIGNIN, ACT_QUIT, ACT_QUIT_HOME, -1 };

static void global_key(struct app *a, struct key_in k)
{
	struct screen *s = top(a);

	switch (k.act) {
	case ACT_HELP:
		if (s->ops != &SCREEN_HELP)
			app_push(a, &SCREEN_HELP, s->ops);
		break;
	case ACT_QUIT:
		app_leave(a);
		break;
	case ACT_SIGNIN:
		if (a->actor.kind == ACTOR_STAFF)
			app_signout(a, false);
		else if (s->ops != &SCREEN_SIGNIN)
			app_push(a, &SCREEN_SIGNIN, NULL);
		break;
	case ACT_BACK:
		if (a->depth <= 1)
			break;
		if (s->ops->dirty && s->ops->dirty(a, s->st) &&
		    !app_confirm(a, _("Leave and drop what was typed?")))
			return;
		app_pop(a);
		break;
	case ACT_QUIT_HOME:
		if (a->depth == 1)
			app_leave(a);
		break;
	default:
		break;
	}
}

/* The action k is on screen s: the first of its own actions bound to k,
 * else a global one; while a text field has the keys, printable characters
 * are text. */
static enum action key_action(struct app *a, struct screen *s, struct key_in k)
{
	bool t = typing(a);
	enum action act = action_find(s->ops->keys, k, t);

	if (act == ACT_NONE)
		act = action_find(s->ops->more, k, t);
	if (act == ACT_NONE)
		act = action_find(GLOBAL_KEYS, k, t);
	return act;
}

void app_leave(struct app *a)
{
	if (!a->kiosk) {
		a->quit = true;
		return;
	}
	/* A sign-in open already (F9, or F10 before) gives way to a fresh one
	 * asking who is leaving. */
	if (top(a)->ops == &SCREEN_SIGNIN)
		app_pop(a);
	app_push(a, &SCREEN_SIGNIN, SIGNIN_TO_LEAVE);
}

/* How long without a key before the idle reset: idle.seconds, five times
 * that on a staff or admin form. */
static int64_t idle_limit_ms(struct app *a)
{
	return (int64_t)a->idle_seconds * 1000 * (top(a)->ops->patient ? 5 : 1);
}

/* True when the idle reset would change something: a screen open, input
 * typed, or someone signed in. */
static bool idle_would_act(struct app *a)
{
	struct screen *s = top(a);

	return a->depth > 1 || (s->ops->dirty && s->ops->dirty(a, s->st)) ||
	       a->actor.kind == ACTOR_STAFF;
}

/* Seconds left before the idle reset, when it is near (0: not near). */
static int idle_countdown(struct app *a)
{
	int64_t left = idle_limit_ms(a) - (clock_monotonic_ms() - a->last_key_ms);

	if (left > IDLE_WARN_MS || left > idle_limit_ms(a) / 2 || left <= 0 || !idle_would_act(a))
		return 0;
	return (int)((left + 999) / 1000);
}

static void idle_check(struct app *a)
{
	int64_t now = clock_monotonic_ms();
	struct screen *s;

	if (now - a->last_key_ms < idle_limit_ms(a))
		return;
	a->last_key_ms = now;
	if (!idle_would_act(a))
		return;
	app_home(a);
	s = top(a);
	if (s->ops->close)
		s->ops->close(a, s->st);
	s->st = s->ops->open ? s->ops->open(a, NULL) : NULL;
	app_message(a, ROLE_DIM, "%s", _("No key for a while: back home, unsaved input dropped."));
	app_signout(a, true);
}

/* Every second: the spool's count for the top line. Every minute: the
 * no-shows and lapsed bookings written down (readers see them at once
 * anyway), the check-out at closing time, and, when a printer is ready, the documents
 * waiting are sent again (the watch said CUPS answers, so this does not
 * hold up the keys). */
/* Every few seconds while CUPS prints documents of ours and answers: their
 * jobs are asked after; one CUPS ended without printing waits again, and
 * the desk is told. */
static void follow_jobs(struct app *a)
{
	struct printer_state r, f;
	bool r_set, f_set;
	int printed, failed;
	struct hd_err err;

	if (spool_printing_count(a->db) <= 0 || !watch_get(a->watch, &r, &f, &r_set, &f_set) ||
	    !((r_set && r.condition != PRINTER_AWAY) || (f_set && f.condition != PRINTER_AWAY)))
		return;
	if (spool_follow(a->db, &printed, &failed, &err) == HD_OK && failed > 0)
		app_message(
			a, ROLE_WARNING,
			_("%d documents did not print (see administration 6); they wait to be sent again."),
			failed);
	a->waiting = spool_waiting_count(a->db);
}

static void background(struct app *a, int64_t now, int64_t *last_retry, int64_t *last_follow)
{
	struct printer_state r, f;
	bool r_set, f_set;
	int delivered, waiting, released, closed;
	struct hd_err err;

	a->waiting = spool_waiting_count(a->db);
	if (now - *last_follow >= FOLLOW_MS) {
		*last_follow = now;
		follow_jobs(a);
	}
	if (now - *last_retry < 60 * 1000)
		return;
	*last_retry = now;
	booking_release_due(a->db, &released, &err);
	if (visit_close_day(a->db, &a->actor, &closed, &err) == HD_OK && closed > 0)
		app_message(a, ROLE_DIM, _("Closing time: %d visitors checked out automatically."),
			    closed);
	if (a->waiting <= 0 || !watch_get(a->watch, &r, &f, &r_set, &f_set))
		return;
	if (!((r_set && r.condition == PRINTER_READY) || (f_set && f.condition == PRINTER_READY)))
		return;
	if (spool_retry_due(a->db, &delivered, &waiting, &err) == HD_OK && delivered > 0) {
		app_message(a, ROLE_OK, _("%d waiting documents printed."), delivered);
		a->waiting = waiting;
	}
}

/* A key to the screen on top, then to the global keys if it did not take
 * it. */
static void deliver_screen(struct app *a, struct key_in k)
{
	struct screen *s = top(a);

	k.act = key_action(a, s, k);
	if (k.act != ACT_QUIT) {
		switch (s->ops->key(a, s->st, k)) {
		case KR_HANDLED:
			return;
		case KR_CLOSE:
			app_pop(a);
			return;
		case KR_IGNORED:
			break;
		}
	}
	global_key(a, k);
}

/* A key to the pinyin input first while it composes or may start to. */
static void deliver(struct app *a, struct key_in k)
{
	if (!compose_key(a, k, typing(a), deliver_screen))
		deliver_screen(a, k);
}

/* Scans work on every screen: a code being typed is held from the screen
 * and acted on at Enter; the screen on top then reads its data again. */
static void scan_or_deliver(struct app *a, struct key_in k)
{
	char text[sizeof(a->scan.text)];
	struct screen *s;

	a->keys_read++;
	switch (scan_feed(&a->scan, k)) {
	case SCAN_PASS:
		deliver(a, k);
		return;
	case SCAN_HELD:
		return;
	case SCAN_FLUSH:
		scan_replay(a, &a->scan, deliver);
		scan_or_deliver(a, k);
		return;
	case SCAN_READY:
		snprintf(text, sizeof(text), "%s", scan_text(&a->scan));
		scan_clear(&a->scan);
		scan_act(a, text);
		s = top(a);
		if (s->ops->resume)
			s->ops->resume(a, s->st);
		else if (s->ops->tick)
			s->ops->tick(a, s->st);
		return;
	}
}

/* The keys that work while the terminal is too small: leaving. */
static const int TOO_SMALL_KEYS[] = { ACT_QUIT, ACT_QUIT_HOME, -1 };

static void loop(struct app *a)
{
	int64_t last_tick = 0, last_retry = 0, last_follow = 0, now;
	struct key_in k = { 0 };
	struct screen *s;
	wint_t ch;
	int rc;

	while (!a->quit) {
		draw_all(a);
		/* The printers are watched from the first frame on: the thread
		 * (and CUPS, loaded in it) never holds the first frame up. */
		if (!a->watching) {
			a->watching = true;
			app_watch_printers(a);
		}
		/* A scanner types a code in a few milliseconds: a lone H held
		 * back goes to the screen after a short pause. */
		timeout(scan_pause(&a->scan) ? SCAN_PAUSE_MS : TICK_MS);
		rc = get_wch(&ch);
		now = clock_monotonic_ms();
		if (rc == ERR && terminal_lost()) {
			a->quit = a->lost =
				true; /* unsaved input is dropped, as by the idle reset */
			break;
		}
		if (rc == ERR) {
			if (scan_pause(&a->scan))
				scan_replay(a, &a->scan, deliver);
			idle_check(a);
			if (now - last_tick >= 1000) {
				background(a, now, &last_retry, &last_follow);
				s = top(a);
				if (s->ops->tick)
					s->ops->tick(a, s->st);
				last_tick = now;
			}
			continue;
		}
		a->last_key_ms = now;
		k.code = rc == KEY_CODE_YES || ch == 0; /* NUL: Ctrl-Space (CTRL_SPACE) */
		k.ch = ch;
		if (action_has_key(ACT_RESIZE, k))
			continue;
		if (a->too_small) {
			if (action_find(TOO_SMALL_KEYS, k, false) != ACT_NONE && !a->kiosk)
				a->quit = true;
			continue;
		}
		scan_or_deliver(a, k);
	}
}

static int start_terminal(void)
{
	const char *term = getenv("TERM");
	SCREEN *scr;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		cli_say(HD_FAIL, "%s",
			_("the full-screen desk needs a terminal; give a command to use the command line (see hubdesk --help)"));
		return -1;
	}
	scr = newterm(NULL, stdout, stdin);
	if (!scr) {
		cli_say(HD_FAIL,
			_("the terminal type %s is unknown; set TERM to one this machine knows (e.g. xterm-256color)"),
			term ? term : "(none)");
		return -1;
	}
	set_term(scr);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	timeout(TICK_MS);
	mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED, NULL);
	theme_init();
	return 0;
}

int app_run(struct cli_ctx *ctx)
{
	struct app a;
	enum hd_status rc;

	memset(&a, 0, sizeof(a));
	a.db_path = ctx->db_path;
	a.desk = ctx->desk;
	rc = cli_open(ctx);
	if (rc != HD_OK)
		return rc;
	a.db = ctx->db;
	a.kiosk = settings_on(a.db, SET_KIOSK_MODE);
	a.actor = actor_nobody(a.kiosk, ctx->desk);
	if (a.kiosk) {
		/* raw() keeps these keys from the terminal already; no signal
		 * from elsewhere ends a kiosk either. */
		signal(SIGINT, SIG_IGN);
		signal(SIGQUIT, SIG_IGN);
		signal(SIGTSTP, SIG_IGN);
	}
	settings_text(a.db, SET_CENTRE_NAME, a.centre, sizeof(a.centre));
	a.idle_seconds = (int)settings_int(a.db, SET_IDLE_SECONDS);
	if (start_terminal() != 0)
		return HD_FAIL; /* the caller closes the database */
	a.last_key_ms = clock_monotonic_ms();
	a.compose = compose_new(&a);
	db_on_wait(tell_wait, &a);
	app_push(&a, &SCREEN_HOME, NULL);
	loop(&a);
	db_on_wait(NULL, NULL);
	app_home(&a);
	if (a.stack[0].ops->close)
		a.stack[0].ops->close(&a, a.stack[0].st);
	endwin();
	watch_stop(a.watch);
	compose_free(a.compose);
	if (a.lost)
		fprintf(stderr, "%s\n", _("hubdesk: the terminal was lost; the desk is closed."));
	return a.lost ? HD_FAIL : HD_OK;
}
