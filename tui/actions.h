/* SPDX-License-Identifier: GPL-3.0-or-later */
/* actions.h - the keys of the desk in one list (action, key name, help
 * text): the help screen, the key line and the dispatchers read it, so they
 * never disagree. */
#ifndef HD_ACTIONS_H
#define HD_ACTIONS_H

#include "core/i18n.h"

#define APP_ACTIONS(X)                                                             \
	X(ACT_HELP, N_("F1"), N_("Help"), N_("help for this screen (also ? outside text fields)")) \
	X(ACT_BACK, N_("Esc"), N_("Back"), N_("back to the previous screen"))                \
	X(ACT_SIGNIN, N_("F9"), N_("Sign in"), N_("sign in or out"))                         \
	X(ACT_QUIT, N_("F10"), N_("Leave"), N_("leave hubdesk (on home also q)"))            \
	X(ACT_MENU, N_("1-9"), N_("Choose"), N_("open a part of the desk from home"))        \
	X(ACT_SCAN, N_("HD1-..."), N_("Scan"), N_("a scanned slip or receipt on home"))        \
	X(ACT_NEXT, N_("Tab"), N_("Next"), N_("next field (Shift-Tab: previous)"))           \
	X(ACT_SAVE, N_("F2"), N_("Save"), N_("save the form (also Ctrl-S)"))                 \
	X(ACT_PICK, N_("Up/Dn"), N_("Pick"), N_("move in a list; Enter takes"))                 \
	X(ACT_SEARCH, N_("abc"), N_("Search"), N_("type a few characters of a name"))        \
	X(ACT_ADD_ORG, N_("F4"), N_("New organisation"), N_("add an organisation"))              \
	X(ACT_PICK_QUEUE, N_("1 2"), N_("Queue"), N_("pick the receipt (1) or A4 (2) queue from CUPS")) \
	X(ACT_WIDTH, N_("w"), N_("Width"), N_("receipt paper 80 or 58 mm"))                      \
	X(ACT_TEST_PAGE, N_("t"), N_("Test page"), N_("print a test page"))                      \
	X(ACT_RETRY, N_("r"), N_("Retry"), N_("send the documents waiting in the spool again"))   \
	X(ACT_CHECKOUT, N_("o"), N_("Check out"), N_("check the selected visitor out"))          \
	X(ACT_ROLL_CALL, N_("e"), N_("Roll call"), N_("evacuation roll call: Enter marks people accounted for")) \
	X(ACT_DETAIL, N_("Enter"), N_("Detail"), N_("the selected entry's detail"))   \
	X(ACT_ERASE, N_("x"), N_("Erase"), N_("erase this person's data (staff, on request)"))     \
	X(ACT_PRINT_LIST, N_("p"), N_("Print"), N_("print the list of who is here for the fire warden")) \
	X(ACT_CELL, N_("Arrows"), N_("Move"), N_("move between rooms and half hours")) \
	X(ACT_OPEN_CELL, N_("Enter"), N_("Book/Open"), N_("a free cell: book it; a booking: its detail")) \
	X(ACT_DAY, N_("PgUp/PgDn"), N_("Day"), N_("the day before or after")) \
	X(ACT_TODAY, N_("t"), N_("Today"), N_("back to today")) \
	X(ACT_WEEK, N_("w"), N_("Week"), N_("the week of the selected room, or back to the day")) \
	X(ACT_FIND_ROOM, N_("/"), N_("Free room"), N_("find a room free for a time and a head count")) \
	X(ACT_APPROVALS, N_("a"), N_("Approvals"), N_("team bookings waiting for staff")) \
	X(ACT_MY_BOOKINGS, N_("y"), N_("Yours"), N_("your organisation's or team's bookings, with its booking PIN")) \
	X(ACT_CANCEL, N_("c"), N_("Cancel"), N_("cancel this booking")) \
	X(ACT_MOVE, N_("m"), N_("Reschedule"), N_("move this booking: choose a free cell in the grid")) \
	X(ACT_CHECKIN, N_("i"), N_("Check in"), N_("check this booking in")) \
	X(ACT_REPRINT, N_("p"), N_("Reprint"), N_("print the receipt again")) \
	X(ACT_REPRINT_SLIP, N_("p"), N_("Reprint"), N_("print the visitor's slip again (marked as a reprint)")) \
	X(ACT_REPRINT_SELECTED, N_("r"), N_("Reprint"), N_("print the selected visitor's slip again (marked as a reprint)")) \
	X(ACT_APPROVE, N_("y"), N_("Approve"), N_("approve the selected booking; of a series, all its dates or one")) \
	X(ACT_REJECT, N_("r"), N_("Reject"), N_("reject the selected booking, with a reason")) \
	X(ACT_REVIEW, N_("r"), N_("Review"), N_("reviewed by the residents' committee: 待初审 to 已初审 (staff)")) \
	X(ACT_FILE, N_("f"), N_("File"), N_("file the team (已备案) and print its filing receipt (staff)")) \
	X(ACT_CLASSIFY, N_("c"), N_("Classify"), N_("classify the filed team (已分类, staff)")) \
	X(ACT_STEP_BACK, N_("b"), N_("Step back"), N_("take the last step back, with a reason (staff)")) \
	X(ACT_DEREGISTER, N_("d"), N_("Deregister"), N_("deregister the team (已注销), with a reason; the record stays (staff)")) \
	X(ACT_ACTIVITY, N_("a"), N_("Activity"), N_("record that the team met today (also its annual check)")) \
	X(ACT_ROLL, N_("F5"), N_("Roll"), N_("teams due for the annual check or idle six months; residences ending")) \
	X(ACT_OPEN, N_("Enter"), N_("Open"), N_("the selected record's page")) \
	X(ACT_EDIT, N_("e"), N_("Edit"), N_("edit this record (staff)")) \
	X(ACT_BOOKER_PIN, N_("k"), N_("Booking PIN"), N_("set the booking PIN residents book with (staff)")) \
	X(ACT_EDIT_VALUE, N_("Enter"), N_("Change"), N_("change the selected setting; Enter saves, Esc leaves it")) \
	X(ACT_BACKUP_NOW, N_("7"), N_("Backup"), N_("write today's copy of the database now (admin)")) \
	X(ACT_FILTER, N_("Tab"), N_("Filter"), N_("filter by date, person, desk or kind of action")) \
	X(ACT_ADD, N_("n"), N_("New"), N_("add a new one")) \
	X(ACT_DISABLE, N_("d"), N_("Disable"), N_("disable the selected account (admin)")) \
	X(ACT_RESET_PIN, N_("r"), N_("Reset PIN"), N_("give the selected account a new PIN (admin)")) \
	X(ACT_CLOSE_ROOM, N_("c"), N_("Close"), N_("close the selected room for a period, listing the bookings inside")) \
	X(ACT_CLOSURES, N_("h"), N_("Closures"), N_("the days the whole centre is closed (holidays, 调休)")) \
	X(ACT_MONTH, N_("PgUp/PgDn"), N_("Month"), N_("the month before or after")) \
	X(ACT_HALF_YEAR, N_("h"), N_("Half year"), N_("the half year of the period, for the half-yearly figures; again: its month")) \
	X(ACT_SECTION, N_("Left/Right"), N_("Section"), N_("visits, rooms, teams, organisations")) \
	X(ACT_SCROLL, N_("Up/Dn"), N_("Scroll"), N_("scroll the section")) \
	X(ACT_CHART_STYLE, N_("a"), N_("ASCII"), N_("charts in plain ASCII, for terminals that draw block characters wide; again: blocks")) \
	X(ACT_SAVE_REPORT, N_("s"), N_("Save"), N_("save the report as PDF and CSV in the spool folder, to hand on"))

#define ACTION_ENUM(id, key, label, help) id,
enum action { APP_ACTIONS(ACTION_ENUM) ACT_COUNT };
#undef ACTION_ENUM

struct action_info {
	const char *key;   /* the key's name as shown (msgid: some are words) */
	const char *label; /* short label for the key line (msgid) */
	const char *help;  /* a line of help (msgid) */
};

/* The action's key name, label and help. */
const struct action_info *action_info(enum action a);

#endif
