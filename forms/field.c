/* SPDX-License-Identifier: GPL-3.0-or-later */
/* field.c - a form field: editing keys, choice filtering and suggestions
 * (validation is in field_check.c). */
#include "forms/field.h"

#include <stdio.h>
#include <string.h>

#include "core/text.h"
#include "core/validate.h"

#define DEFAULT_NUMBER_MAX 999999999L

static int default_max_chars(enum field_kind kind)
{
	switch (kind) {
	case FIELD_PHONE:
		return 20;
	case FIELD_NUMBER:
		return 10;
	case FIELD_DATE:
		return 10;
	case FIELD_TIME:
		return 5;
	case FIELD_PIN:
		return 12;
	case FIELD_TEXT:
	case FIELD_CHOICE:
	case FIELD_SUGGEST:
		break;
	}
	return NAME_MAX_CHARS;
}

static void clear_list(struct field *f)
{
	f->match_count = 0;
	f->sugg_count = 0;
	f->selected = 0;
	f->open = false;
}

void field_init(struct field *f, const struct field_spec *spec)
{
	memset(f, 0, sizeof(*f));
	f->name = spec->name ? spec->name : "";
	f->label = spec->label ? spec->label : f->name;
	f->kind = spec->kind;
	f->required = spec->required;
	f->max_chars = spec->max_chars > 0 ? spec->max_chars : default_max_chars(spec->kind);
	f->min = spec->min;
	f->max = spec->max;
	if (f->min == 0 && f->max == 0 && f->kind == FIELD_PIN) {
		f->min = 4;
		f->max = 12;
	} else if (f->min == 0 && f->max == 0) {
		f->max = DEFAULT_NUMBER_MAX;
	}
	if (f->kind == FIELD_PIN && f->max_chars > f->max)
		f->max_chars = (int)f->max;
	f->list = spec->list;
	f->suggest = spec->suggest;
	f->suggest_ctx = spec->suggest_ctx;
	f->free_text = spec->free_text;
	editor_init(&f->ed, f->max_chars);
	field_reset(f);
}

void field_reset(struct field *f)
{
	editor_clear(&f->ed);
	clear_list(f);
	f->chosen = 0;
	f->chosen_id = 0;
	f->replace = false;
	f->preset = false;
	f->dirty = false;
	f->value[0] = '\0';
	f->number = 0;
	f->error[0] = '\0';
}

/* True when needle occurs in hay, ASCII letters compared without case. */
static bool contains_ci(const char *hay, const char *needle)
{
	size_t n = strlen(needle), i;

	if (!hay)
		return false;
	for (; *hay; hay++) {
		for (i = 0; i < n; i++) {
			unsigned char a = (unsigned char)hay[i], b = (unsigned char)needle[i];

			if (a >= 'A' && a <= 'Z')
				a = (unsigned char)(a - 'A' + 'a');
			if (b >= 'A' && b <= 'Z')
				b = (unsigned char)(b - 'A' + 'a');
			if (a != b)
				break;
		}
		if (i == n)
			return true;
	}
	return false;
}

/* True when s is one or two ASCII digits. */
static bool is_short_number(const char *s)
{
	size_t n = strlen(s), i;

	if (n < 1 || n > 2)
		return false;
	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

static bool entry_matches(const struct field *f, const struct hd_choice *c, const char *text)
{
	char num[16];

	if (text[0] == '\0')
		return true;
	if (is_short_number(text)) {
		snprintf(num, sizeof(num), "%d", c->number);
		return strncmp(num, text, strlen(text)) == 0;
	}
	return contains_ci(c->zh, text) || contains_ci(c->en, text) || contains_ci(c->code, text) ||
	       contains_ci(list_label(f->list, c->number), text);
}

/* Refilters a choice field's entries by its text and picks the entry the
 * text names exactly (by number, name or code word). */
static void choice_filter(struct field *f)
{
	char raw[EDITOR_TEXT_MAX], text[EDITOR_TEXT_MAX];
	struct hd_err err;
	int i, n;

	clear_list(f);
	f->chosen = 0;
	if (!f->list)
		return;
	editor_text(&f->ed, raw, sizeof(raw));
	text_trim(raw, text, sizeof(text));
	if (text[0] != '\0' && list_parse(f->list, text, &n, &err) == HD_OK)
		f->chosen = n;
	for (i = 0; i < f->list->count && f->match_count < FIELD_MATCH_MAX; i++) {
		const struct hd_choice *c = &f->list->items[i];

		if (!entry_matches(f, c, text))
			continue;
		if (c->number == f->chosen)
			f->selected = f->match_count;
		f->match[f->match_count++] = c->number;
	}
}

/* Asks the callback for entries matching query (NULL: the text). */
static void suggest_refresh(struct field *f, const char *query)
{
	char text[EDITOR_TEXT_MAX];
	int n;

	clear_list(f);
	f->chosen_id = 0;
	if (!f->suggest)
		return;
	if (!query) {
		editor_text(&f->ed, text, sizeof(text));
		query = text;
	}
	n = f->suggest(f->suggest_ctx, query, f->sugg, SUGGEST_MAX);
	f->sugg_count = n < 0 ? 0 : n > SUGGEST_MAX ? SUGGEST_MAX : n;
}

void field_compose(struct field *f, const char *letters)
{
	if (!f->suggest || !editor_is_empty(&f->ed))
		return;
	suggest_refresh(f, letters && *letters ? letters : NULL);
	f->open = field_entry_count(f) > 0;
}

/* After the user changed the text: mark, clear the old error and refresh
 * the list, which opens when it has entries. */
static void edited(struct field *f)
{
	f->dirty = true;
	f->replace = false;
	f->preset = false;
	f->error[0] = '\0';
	if (f->kind == FIELD_CHOICE)
		choice_filter(f);
	else if (f->suggest)
		suggest_refresh(f, NULL);
	f->open = field_entry_count(f) > 0;
}

enum editor_status field_set_text(struct field *f, const char *utf8)
{
	enum editor_status st = editor_set_text(&f->ed, utf8);

	if (st == EDITOR_INVALID)
		return st;
	f->replace = false;
	f->preset = !editor_is_empty(&f->ed);
	clear_list(f);
	f->chosen_id = 0;
	if (f->kind == FIELD_CHOICE)
		choice_filter(f);
	f->open = false;
	return st;
}

enum editor_status field_insert_text(struct field *f, const char *utf8)
{
	enum editor_status st;

	if ((f->replace || f->preset) && text_valid_utf8(utf8) && !text_has_control(utf8) &&
	    utf8[0])
		editor_clear(&f->ed);
	st = editor_insert(&f->ed, utf8);
	if (st == EDITOR_OK || st == EDITOR_TRUNCATED)
		edited(f);
	return st;
}

/* Puts label into the editor as the pick's text (sanitised: it may come
 * from the database); the next typed character replaces it. */
static void show_pick(struct field *f, const char *label)
{
	char clean[EDITOR_TEXT_MAX];

	text_sanitise(label ? label : "", clean, sizeof(clean));
	editor_set_text(&f->ed, clean);
	f->replace = true;
	f->error[0] = '\0';
}

bool field_choose(struct field *f, int n)
{
	if (f->kind != FIELD_CHOICE || !f->list || !list_get(f->list, n))
		return false;
	show_pick(f, list_label(f->list, n));
	choice_filter(f);
	f->chosen = n;
	f->open = false;
	f->replace = true;
	return true;
}

void field_set_suggestion(struct field *f, long long id, const char *label)
{
	show_pick(f, label);
	clear_list(f);
	f->chosen_id = id;
}

bool field_take(struct field *f)
{
	struct suggestion s;

	if (!f->open || f->selected < 0 || f->selected >= field_entry_count(f))
		return false;
	if (f->kind == FIELD_CHOICE) {
		field_choose(f, f->match[f->selected]);
	} else if (f->kind == FIELD_SUGGEST) {
		s = f->sugg[f->selected];
		field_set_suggestion(f, s.id, s.label);
	} else if (f->suggest) {
		/* A field of another kind keeps its text; the form reads the pick. */
		f->chosen_id = f->sugg[f->selected].id;
		clear_list(f);
	} else {
		return false;
	}
	f->dirty = true;
	return true;
}

void field_leave(struct field *f)
{
	f->open = false;
}

/* Maps full-width ASCII forms (as a Chinese input method types them) and
 * the ideographic space to ASCII, for the kinds that hold ASCII only. */
static uint32_t narrow(uint32_t cp)
{
	if (cp >= 0xFF01 && cp <= 0xFF5E)
		return cp - 0xFEE0;
	if (cp == 0x3000)
		return ' ';
	return cp;
}

/* The character to insert for a typed cp, or 0 when the kind refuses it. */
static uint32_t typed_char(const struct field *f, uint32_t cp)
{
	uint32_t c = narrow(cp);
	bool digit = c >= '0' && c <= '9';

	switch (f->kind) {
	case FIELD_PHONE:
		return digit || c == ' ' || c == '-' || c == '+' ? c : 0;
	case FIELD_NUMBER:
		return digit || (c == '-' && f->min < 0) ? c : 0;
	case FIELD_DATE:
		return digit || c == '-' || c == '/' ? c : 0;
	case FIELD_TIME:
		return digit || c == ':' ? c : 0;
	case FIELD_PIN:
		return digit ? c : 0;
	case FIELD_CHOICE:
		return digit ? c : cp;
	case FIELD_TEXT:
	case FIELD_SUGGEST:
		break;
	}
	return cp;
}

static enum form_result type_char(struct field *f, uint32_t cp)
{
	uint32_t c = typed_char(f, cp);
	char b[4];

	if (c == 0 || text_is_control(c) || utf8_encode(c, b) == 0)
		return FORM_NONE;
	if (f->replace || f->preset)
		editor_clear(&f->ed);
	if (editor_insert_cp(&f->ed, c) != EDITOR_OK)
		return FORM_NONE;
	edited(f);
	return FORM_CHANGED;
}

/* Moves the selection of the open list by delta, staying inside it. */
static enum form_result move_selection(struct field *f, int delta)
{
	int n = field_entry_count(f), sel = f->selected + delta;

	if (!f->open || n == 0)
		return FORM_NONE;
	if (sel < 0)
		sel = 0;
	if (sel >= n)
		sel = n - 1;
	if (sel == f->selected)
		return FORM_NONE;
	f->selected = sel;
	return FORM_CHANGED;
}

enum form_result field_key(struct field *f, struct form_event ev)
{
	struct editor *ed = &f->ed;
	bool moved = false, changed = false;

	if (f->replace &&
	    (ev.key == FK_BACKSPACE || ev.key == FK_DELETE || ev.key == FK_WORD_DELETE)) {
		/* A pick is deleted as a whole, as a selected text would be. */
		editor_clear(ed);
		edited(f);
		return FORM_CHANGED;
	}
	switch (ev.key) {
	case FK_CHAR:
		return type_char(f, ev.cp);
	case FK_UP:
		return move_selection(f, -1);
	case FK_DOWN:
		return move_selection(f, 1);
	case FK_LEFT:
		moved = editor_left(ed);
		break;
	case FK_RIGHT:
		moved = editor_right(ed);
		break;
	case FK_HOME:
		moved = editor_home(ed);
		break;
	case FK_END:
		moved = editor_end(ed);
		break;
	case FK_WORD_LEFT:
		moved = editor_word_left(ed);
		break;
	case FK_WORD_RIGHT:
		moved = editor_word_right(ed);
		break;
	case FK_BACKSPACE:
		changed = editor_backspace(ed);
		break;
	case FK_DELETE:
		changed = editor_delete(ed);
		break;
	case FK_WORD_DELETE:
		changed = editor_delete_word(ed);
		break;
	case FK_KILL_START:
		changed = editor_kill_start(ed);
		break;
	case FK_KILL_END:
		changed = editor_kill_end(ed);
		break;
	case FK_TAB:
	case FK_BTAB:
	case FK_ENTER:
	case FK_SUBMIT:
	case FK_ESC:
		return FORM_NONE;
	}
	if (changed) {
		edited(f);
		return FORM_CHANGED;
	}
	if (moved) {
		f->replace = false;
		f->preset = false;
		return FORM_CHANGED;
	}
	return FORM_NONE;
}

int field_entry_count(const struct field *f)
{
	if (f->kind == FIELD_CHOICE)
		return f->match_count;
	if (f->suggest)
		return f->sugg_count;
	return 0;
}

void field_entry_text(const struct field *f, int i, char *out, size_t outsz)
{
	char line[sizeof(f->sugg[0].label) + sizeof(f->sugg[0].detail) + 16];

	if (outsz == 0)
		return;
	out[0] = '\0';
	if (i < 0 || i >= field_entry_count(f))
		return;
	if (f->kind == FIELD_CHOICE)
		snprintf(line, sizeof(line), "%d %s", f->match[i],
			 list_label(f->list, f->match[i]));
	else if (f->sugg[i].detail[0])
		snprintf(line, sizeof(line), "%s  %s", f->sugg[i].label, f->sugg[i].detail);
	else
		snprintf(line, sizeof(line), "%s", f->sugg[i].label);
	text_sanitise(line, out, outsz);
}

const char *field_chosen_label(const struct field *f)
{
	if (f->kind != FIELD_CHOICE || !f->list || f->chosen <= 0 || !list_get(f->list, f->chosen))
		return NULL;
	return list_label(f->list, f->chosen);
}

bool field_is_empty(const struct field *f)
{
	return editor_is_empty(&f->ed);
}
