/* SPDX-License-Identifier: GPL-3.0-or-later */
/* actions.h - the keys of the desk in one list (action, key name, label,
 * help text, default keys): the help screen, the key line and the
 * dispatcher read it, so they never disagree. A screen names the actions it
 * handles (struct screen_ops keys and more); a key becomes the first of
 * them bound to it, then a global one, and the screen switches on that. */
#ifndef HD_ACTIONS_H
#define HD_ACTIONS_H

#include <stdbool.h>
#include <wchar.h>

#include "core/i18n.h"

/* A key in the table: a character as itself, a curses KEY_* code as KC(code),
 * a function key as KF(n); up to three keys a row, (0) for none (a row that
 * only describes keys bound elsewhere, as "Up/Dn"). */
#define ACTION_KEYCODE 0x40000000
#define KC(code) ((code) | ACTION_KEYCODE)
#define KF(n) KC(KEY_F(n))
#define ENTER_KEYS ('\r', '\n', KC(KEY_ENTER))
/* Terminals send Ctrl-Space as NUL, which ends a row's keys: the app reads
 * it as this key code. */
#define CTRL_SPACE KC(0)

/* Actions the key line does not show (no names): the moves in lists and
 * fields, the editing keys of a field, answers, menu numbers, and keys a
 * screen explains in its own words. */
// clang-format off
#define APP_MOVES(X)                                                               \
	X(ACT_UP, NULL, NULL, NULL, (KC(KEY_UP)))                                  \
	X(ACT_DOWN, NULL, NULL, NULL, (KC(KEY_DOWN)))                              \
	X(ACT_LEFT, NULL, NULL, NULL, (KC(KEY_LEFT)))                              \
	X(ACT_RIGHT, NULL, NULL, NULL, (KC(KEY_RIGHT)))                            \
	X(ACT_PAGE_UP, NULL, NULL, NULL, (KC(KEY_PPAGE)))                          \
	X(ACT_PAGE_DOWN, NULL, NULL, NULL, (KC(KEY_NPAGE)))                        \
	X(ACT_FIRST, NULL, NULL, NULL, (KC(KEY_HOME)))                             \
	X(ACT_LAST, NULL, NULL, NULL, (KC(KEY_END)))                               \
	X(ACT_CLICK, NULL, NULL, NULL, (KC(KEY_MOUSE)))                            \
	X(ACT_ENTER, NULL, NULL, NULL, ENTER_KEYS)                                 \
	X(ACT_PREV, NULL, NULL, NULL, (KC(KEY_BTAB)))                              \
	X(ACT_DELETE, NULL, NULL, NULL, (KC(KEY_DC)))                              \
	X(ACT_BACKSPACE, NULL, NULL, NULL, (KC(KEY_BACKSPACE), 127, 8))            \
	X(ACT_WORD_LEFT, NULL, NULL, NULL, (KC(KEY_SLEFT)))                        \
	X(ACT_WORD_RIGHT, NULL, NULL, NULL, (KC(KEY_SRIGHT)))                      \
	X(ACT_WORD_DELETE, NULL, NULL, NULL, (23))                                 \
	X(ACT_KILL_START, NULL, NULL, NULL, (21))                                  \
	X(ACT_KILL_END, NULL, NULL, NULL, (11))                                    \
	X(ACT_LINE_START, NULL, NULL, NULL, (1))                                   \
	X(ACT_LINE_END, NULL, NULL, NULL, (5))                                     \
	X(ACT_SPACE, NULL, NULL, NULL, (' '))                                      \
	X(ACT_YES, NULL, NULL, NULL, ('y', 'Y'))                                   \
	X(ACT_NO, NULL, NULL, NULL, ('n', 'N'))                                    \
	X(ACT_CLOSE, NULL, NULL, NULL, ('q'))                                      \
	X(ACT_QUIT_HOME, NULL, NULL, NULL, ('q', 'Q'))                             \
	X(ACT_CHOOSE_1, NULL, NULL, NULL, ('1'))                                   \
	X(ACT_CHOOSE_2, NULL, NULL, NULL, ('2'))                                   \
	X(ACT_CHOOSE_3, NULL, NULL, NULL, ('3'))                                   \
	X(ACT_CHOOSE_4, NULL, NULL, NULL, ('4'))                                   \
	X(ACT_CHOOSE_5, NULL, NULL, NULL, ('5'))                                   \
	X(ACT_CHOOSE_6, NULL, NULL, NULL, ('6'))                                   \
	X(ACT_CHOOSE_7, NULL, NULL, NULL, ('7'))                                   \
	X(ACT_CHOOSE_8, NULL, NULL, NULL, ('8'))                                   \
	X(ACT_CHOOSE_9, NULL, NULL, NULL, ('9'))                                   \
	X(ACT_REMOVE, NULL, NULL, NULL, ('x', KC(KEY_DC)))                         \
	X(ACT_WORKING_DAY, NULL, NULL, NULL, ('o'))                                \
	X(ACT_RESIZE, NULL, NULL, NULL, (KC(KEY_RESIZE)))

#define APP_ACTIONS(X)                                                             \
	X(ACT_HELP, N_("F1"), N_("Help"), N_("help for this screen (also ? outside text fields)"), (KF(1), '?')) \
	X(ACT_BACK, N_("Esc"), N_("Back"), N_("back to the previous screen"), (27))                \
	X(ACT_SIGNIN, N_("F9"), N_("Sign in"), N_("sign in or out"), (KF(9)))                         \
	X(ACT_QUIT, N_("F10"), N_("Leave"), N_("leave hubdesk (on home also q)"), (KF(10)))            \
	X(ACT_PINYIN, N_("Ctrl-Space"), N_("Pinyin"), N_("pinyin input on/off (中/EN); Space or 1-9 pick, -/= page"), (CTRL_SPACE)) \
	X(ACT_MENU, N_("1-9"), N_("Choose"), N_("open a part of the desk from home"), (0))        \
	X(ACT_SCAN, N_("HD1-..."), N_("Scan"), N_("a scanned slip or receipt on home"), ('H', 'h'))        \
	X(ACT_NEXT, N_("Tab"), N_("Next"), N_("next field (Shift-Tab: previous)"), ('\t'))           \
	X(ACT_SAVE, N_("F2"), N_("Save"), N_("save the form (also Ctrl-S)"), (KF(2), 19))                 \
	X(ACT_PICK, N_("Up/Dn"), N_("Pick"), N_("move in a list; Enter takes"), (0))                 \
	X(ACT_SEARCH, N_("abc"), N_("Search"), N_("type a few characters of a name"), (0))        \
	X(ACT_ADD_ORG, N_("F4"), N_("New organisation"), N_("add an organisation"), (KF(4)))              \
	X(ACT_PICK_QUEUE, N_("1 2"), N_("Queue"), N_("pick the receipt (1) or A4 (2) queue from CUPS"), (0)) \
	X(ACT_WIDTH, N_("w"), N_("Width"), N_("receipt paper 80 or 58 mm"), ('w'))                      \
	X(ACT_TEST_PAGE, N_("t"), N_("Test page"), N_("print a test page"), ('t'))                      \
	X(ACT_RETRY, N_("r"), N_("Retry"), N_("send the documents waiting in the spool again"), ('r'))   \
	X(ACT_CHECKOUT, N_("o"), N_("Check out"), N_("check the selected visitor out"), ('o'))          \
	X(ACT_ROLL_CALL, N_("e"), N_("Roll call"), N_("evacuation roll call: Enter marks people accounted for"), ('e')) \
	X(ACT_DETAIL, N_("Enter"), N_("Detail"), N_("the selected entry's detail"), ENTER_KEYS)   \
	X(ACT_ERASE, N_("x"), N_("Erase"), N_("erase this person's data (staff, on request)"), ('x'))     \
	X(ACT_PRINT_LIST, N_("p"), N_("Print"), N_("print the list of who is here for the fire warden"), ('p')) \
	X(ACT_CELL, N_("Arrows"), N_("Move"), N_("move between rooms and half hours"), (0)) \
	X(ACT_OPEN_CELL, N_("Enter"), N_("Book/Open"), N_("a free cell: book it; a booking: its detail"), ENTER_KEYS) \
	X(ACT_DAY, N_("PgUp/PgDn"), N_("Day"), N_("the day before or after"), (0)) \
	X(ACT_TODAY, N_("t"), N_("Today"), N_("back to today"), ('t')) \
	X(ACT_WEEK, N_("w"), N_("Week"), N_("the week of the selected room, or back to the day"), ('w')) \
	X(ACT_FIND_ROOM, N_("/"), N_("Free room"), N_("find a room free for a time and a head count"), ('/')) \
	X(ACT_APPROVALS, N_("a"), N_("Approvals"), N_("team bookings waiting for staff"), ('a')) \
	X(ACT_MY_BOOKINGS, N_("y"), N_("Yours"), N_("your organisation's or team's bookings, with its booking PIN"), ('y')) \
	X(ACT_CANCEL, N_("c"), N_("Cancel"), N_("cancel this booking"), ('c')) \
	X(ACT_MOVE, N_("m"), N_("Reschedule"), N_("move this booking: choose a free cell in the grid"), ('m')) \
	X(ACT_CHECKIN, N_("i"), N_("Check in"), N_("check this booking in"), ('i')) \
	X(ACT_REPRINT, N_("p"), N_("Reprint"), N_("print the receipt again"), ('p')) \
	X(ACT_REPRINT_SLIP, N_("p"), N_("Reprint"), N_("print the visitor's slip again (marked as a reprint)"), ('p')) \
	X(ACT_REPRINT_SELECTED, N_("r"), N_("Reprint"), N_("print the selected visitor's slip again (marked as a reprint)"), ('r')) \
	X(ACT_APPROVE, N_("y"), N_("Approve"), N_("approve the selected booking; of a series, all its dates or one"), ('y')) \
	X(ACT_REJECT, N_("r"), N_("Reject"), N_("reject the selected booking, with a reason"), ('r')) \
	X(ACT_REVIEW, N_("r"), N_("Review"), N_("reviewed by the residents' committee: 待初审 to 已初审 (staff)"), ('r')) \
	X(ACT_FILE, N_("f"), N_("File"), N_("file the team (已备案) and print its filing receipt (staff)"), ('f')) \
	X(ACT_CLASSIFY, N_("c"), N_("Classify"), N_("classify the filed team (已分类, staff)"), ('c')) \
	X(ACT_STEP_BACK, N_("b"), N_("Step back"), N_("take the last step back, with a reason (staff)"), ('b')) \
	X(ACT_DEREGISTER, N_("d"), N_("Deregister"), N_("deregister the team (已注销), with a reason; the record stays (staff)"), ('d')) \
	X(ACT_ACTIVITY, N_("a"), N_("Activity"), N_("record that the team met today (also its annual check)"), ('a')) \
	X(ACT_ROLL, N_("F5"), N_("Roll"), N_("teams due for the annual check or idle six months; residences ending"), (KF(5))) \
	X(ACT_OPEN, N_("Enter"), N_("Open"), N_("the selected record's page"), ENTER_KEYS) \
	X(ACT_EDIT, N_("e"), N_("Edit"), N_("edit this record (staff)"), ('e')) \
	X(ACT_BOOKER_PIN, N_("k"), N_("Booking PIN"), N_("set the booking PIN residents book with (staff)"), ('k')) \
	X(ACT_EDIT_VALUE, N_("Enter"), N_("Change"), N_("change the selected setting; Enter saves, Esc leaves it"), ENTER_KEYS) \
	X(ACT_BACKUP_NOW, N_("7"), N_("Backup"), N_("write today's copy of the database now (admin)"), ('7')) \
	X(ACT_FILTER, N_("Tab"), N_("Filter"), N_("filter by date, person, desk or kind of action"), ('\t')) \
	X(ACT_ADD, N_("n"), N_("New"), N_("add a new one"), ('n')) \
	X(ACT_DISABLE, N_("d"), N_("Disable"), N_("disable the selected account (admin)"), ('d')) \
	X(ACT_RESET_PIN, N_("r"), N_("Reset PIN"), N_("give the selected account a new PIN (admin)"), ('r')) \
	X(ACT_CLOSE_ROOM, N_("c"), N_("Close"), N_("close the selected room for a period, listing the bookings inside"), ('c')) \
	X(ACT_CLOSURES, N_("h"), N_("Closures"), N_("the days the whole centre is closed (holidays, 调休)"), ('h')) \
	X(ACT_MONTH, N_("PgUp/PgDn"), N_("Month"), N_("the month before or after"), (0)) \
	X(ACT_HALF_YEAR, N_("h"), N_("Half year"), N_("the half year of the period, for the half-yearly figures; again: its month"), ('h')) \
	X(ACT_SECTION, N_("Left/Right"), N_("Section"), N_("visits, rooms, teams, organisations"), (0)) \
	X(ACT_SCROLL, N_("Up/Dn"), N_("Scroll"), N_("scroll the section"), (0)) \
	X(ACT_CHART_STYLE, N_("a"), N_("ASCII"), N_("charts in plain ASCII, for terminals that draw block characters wide; again: blocks"), ('a')) \
	X(ACT_SAVE_REPORT, N_("s"), N_("Save"), N_("save the report as PDF and CSV in the spool folder, to hand on"), ('s')) \
	X(ACT_CENTRE, N_("c"), N_("Centre"), N_("the centre whose figures are shown: the district's total, then each centre (district accounts)"), ('c')) \
	APP_MOVES(X)
// clang-format on

#define ACTION_ENUM(id, key, label, help, keys) id,
enum action { ACT_NONE = -1, APP_ACTIONS(ACTION_ENUM) ACT_COUNT };
#undef ACTION_ENUM

#define ACTION_KEYS_MAX 3

struct action_info {
	const char *key;   /* the key's name as shown (msgid: some are words); NULL: never shown */
	const char *label; /* short label for the key line (msgid) */
	const char *help;  /* a line of help (msgid) */
	int keys[ACTION_KEYS_MAX]; /* its keys (see KC), 0 after the last */
};

/* One key as read: a character, or a curses key code; and the action it is
 * on the screen it went to (the app looks it up before the screen sees it). */
struct key_in {
	bool code; /* ch is a KEY_* code */
	wint_t ch;
	enum action act;
};

/* The actions that work on every screen, as the key line and help show
 * them (help, back, sign in, leave), -1 ended. */
extern const int ACTIONS_GLOBAL[];

/* The action's key name, label, help and keys (ACT_HELP's for one out of
 * range); a static row, not to be freed. */
const struct action_info *action_info(enum action a);

/* True when k is one of the keys of a. */
bool action_has_key(enum action a, struct key_in k);

/* True when k is a printable character: text, where a field has the
 * keys. */
bool key_is_text(struct key_in k);

/* The first action of acts (-1 ended, may be NULL) bound to k, or
 * ACT_NONE. While typing, a printable character is text: ACT_NONE. */
enum action action_find(const int *acts, struct key_in k, bool typing);

#endif
