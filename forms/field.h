/* SPDX-License-Identifier: GPL-3.0-or-later */
/* field.h - one field of a form: its kind, limits and validation, the editor
 * holding what was typed, and the choice or suggestion list it offers. Keys
 * arrive as pure C events, so the model is tested without a terminal.
 *
 * A choice field picks from a fixed list (core/lists.h): a digit or two pick
 * by number, other text filters by Chinese name, English name or code word.
 * A suggest field asks a callback for entries matching its text (people,
 * organisations, teams) each time the text changes. */
#ifndef HD_FIELD_H
#define HD_FIELD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/lists.h"
#include "core/status.h"
#include "forms/editor.h"

enum field_kind {
	FIELD_TEXT,    /* free text of 1..max characters (0.. when optional) */
	FIELD_PHONE,   /* a mobile or landline, normalised */
	FIELD_NUMBER,  /* a whole number in min..max */
	FIELD_DATE,    /* YYYY-MM-DD */
	FIELD_TIME,    /* HH:MM */
	FIELD_CHOICE,  /* an entry of a struct hd_list */
	FIELD_SUGGEST, /* an entry offered by a suggest callback */
	FIELD_PIN      /* min..max digits, drawn hidden, wiped after use */
};

/* The keys a form understands; the front-end maps terminal keys onto them. */
enum form_key {
	FK_CHAR, /* a typed character, in form_event.cp */
	FK_LEFT,
	FK_RIGHT,
	FK_HOME,
	FK_END,
	FK_WORD_LEFT,
	FK_WORD_RIGHT,
	FK_BACKSPACE,
	FK_DELETE,
	FK_WORD_DELETE, /* Ctrl-W */
	FK_KILL_START,  /* Ctrl-U */
	FK_KILL_END,    /* Ctrl-K */
	FK_UP,
	FK_DOWN,
	FK_TAB,
	FK_BTAB, /* Shift-Tab */
	FK_ENTER,
	FK_SUBMIT, /* F2 or Ctrl-S */
	FK_ESC
};

struct form_event {
	enum form_key key;
	uint32_t cp; /* the character of FK_CHAR */
};

/* What a key did, for the caller to redraw, submit or leave. */
enum form_result {
	FORM_NONE,    /* nothing changed */
	FORM_CHANGED, /* text, cursor or list changed: redraw the field */
	FORM_MOVED,   /* the focus moved to another field */
	FORM_SUBMIT,  /* the user asked to submit: call form_validate() */
	FORM_ESC      /* the user asked to leave: ask if form_dirty() */
};

#define SUGGEST_MAX 8                                     /* entries a suggest list shows */
#define FIELD_MATCH_MAX 32                                /* entries a choice list shows */
#define FIELD_ERROR_MAX sizeof(((struct hd_err *)0)->msg) /* as long as any message */

struct suggestion {
	long long id;    /* the record's id */
	char label[168]; /* what the editor takes, e.g. a name of 40 characters */
	char detail[64]; /* shown beside it, e.g. a masked phone */
};

/* Fills out with up to max entries matching query (UTF-8, possibly empty)
 * and returns how many. ctx is the field's suggest_ctx. */
typedef int (*suggest_fn)(void *ctx, const char *query, struct suggestion *out, int max);

/* How to build a field. The strings are not copied: they must outlive the
 * field (string literals and gettext results do). Zero max_chars, or zero
 * min and max, take defaults for the kind. */
struct field_spec {
	const char *name;  /* machine name, as the command line's option ("name") */
	const char *label; /* translated label, named by messages */
	enum field_kind kind;
	bool required;
	int max_chars;
	long min, max;              /* FIELD_NUMBER: the range; FIELD_PIN: the number of digits */
	const struct hd_list *list; /* FIELD_CHOICE only */
	suggest_fn suggest;         /* FIELD_SUGGEST; also a phone field, whose text stays
				     * when an entry is taken (chosen_id says which) */
	void *suggest_ctx;
	bool free_text; /* FIELD_SUGGEST: typed text is accepted without a pick */
};

/* A field. Front-ends read the members; they change them only through the
 * functions below. */
struct field {
	const char *name;
	const char *label;
	enum field_kind kind;
	bool required;
	int max_chars;
	long min, max;
	const struct hd_list *list;
	suggest_fn suggest;
	void *suggest_ctx;
	bool free_text;

	struct editor ed;

	int match[FIELD_MATCH_MAX]; /* choice: numbers of the entries shown */
	int match_count;
	struct suggestion sugg[SUGGEST_MAX]; /* suggest: the entries shown */
	int sugg_count;
	int selected;        /* index of the selected entry shown */
	bool open;           /* the list is open: Up/Down move, Enter takes */
	int chosen;          /* choice: number picked, 0 for none */
	long long chosen_id; /* suggest: id taken, 0 for none */
	bool replace;        /* the next typed character replaces a pick */
	bool preset;         /* the text is a default or a stored value nobody
				       * touched yet: a typed character replaces it */
	bool dirty;          /* something was typed since init or reset */

	char value[EDITOR_TEXT_MAX]; /* normalised value after field_validate() */
	long long number;            /* number, minutes, choice number or id */
	char error[FIELD_ERROR_MAX]; /* message of the last failed validation, or "" */
};

/* Sets f up from spec, empty. */
void field_init(struct field *f, const struct field_spec *spec);

/* Prefills the text (a default or a stored value) without marking the field
 * dirty or asking for suggestions; a choice field picks the entry the text
 * names. The first character typed replaces it; moving the cursor or
 * deleting first edits it instead. Statuses as editor_set_text(). */
enum editor_status field_set_text(struct field *f, const char *utf8);

/* Inserts pasted or scanned text at the cursor, as typing would. Statuses as
 * editor_insert(). */
enum editor_status field_insert_text(struct field *f, const char *utf8);

/* Picks choice number n (editor shows its label). False if n is not in the
 * list or f is not a choice field. */
bool field_choose(struct field *f, int n);

/* Prefills a suggest field with a taken entry: id and its label. */
void field_set_suggestion(struct field *f, long long id, const char *label);

/* Handles an editing key, or Up/Down while the list is open. Typed
 * characters a phone, number, date or time field cannot hold are refused,
 * full-width digits and signs become ASCII. Returns FORM_CHANGED when text,
 * cursor or selection changed, else FORM_NONE (also for keys it leaves to
 * the form: Tab, Enter, Esc, and Up/Down with the list closed). */
enum form_result field_key(struct field *f, struct form_event ev);

/* Takes the selected entry of the open list (Enter) and closes it. True when
 * an entry was taken. */
bool field_take(struct field *f);

/* Closes the list when the focus leaves the field. */
void field_leave(struct field *f);

/* Entries of the list shown (open or not): choice matches or suggestions. */
int field_entry_count(const struct field *f);

/* Writes entry i of the list, sanitised for the terminal, into out: a
 * choice as "3 群众团队备案", a suggestion as its label and detail. */
void field_entry_text(const struct field *f, int i, char *out, size_t outsz);

/* The label of the picked choice, or NULL when none is picked. The string is
 * static; do not free it. */
const char *field_chosen_label(const struct field *f);

/* True when the field holds no text. */
bool field_is_empty(const struct field *f);

/* Checks the field with core/validate.h and the list: on HD_OK f->value holds
 * the normalised value ("" for an empty optional field) and f->number the
 * number, minutes, choice number or id. Otherwise HD_BAD_INPUT, f->error and
 * err (when not NULL) hold a message naming the field, err->field its name. */
enum hd_status field_validate(struct field *f, struct hd_err *err);

/* Pinyin letters being composed into the empty field (an input method's,
 * "" when it ends): its suggestions are those of the letters meanwhile,
 * then again those of its text. A field holding text keeps its list. */
void field_compose(struct field *f, const char *letters);

/* Empties the field: text, list, pick, value, error and dirty mark. */
void field_reset(struct field *f);

#endif
