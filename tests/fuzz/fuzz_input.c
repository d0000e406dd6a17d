/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz_input.c - libFuzzer harness for everything that reads text from
 * people, scanners and files: UTF-8 decoding, width and cutting, the line
 * editor, every validator (with the normal form text is kept in), spreadsheet
 * cells, CSV files as imports read them (any bytes, decoded and parsed),
 * choice lists, settings, the clock override and the QR token parser.
 * Built and run by `make fuzz`, not by `make check`. */
#include <locale.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/csv.h"
#include "core/lists.h"
#include "core/settings.h"
#include "core/sheet.h"
#include "core/text.h"
#include "core/token.h"
#include "core/validate.h"
#include "forms/editor.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void text_checks(const char *s)
{
	char out[256], big[EDITOR_TEXT_MAX];
	uint32_t cp;

	(void)text_valid_utf8(s);
	(void)text_has_control(s);
	(void)text_chars(s);
	(void)text_width(s);
	(void)text_cut(s, (int)(strlen(s) % 40), out, sizeof(out));
	text_sanitise(s, out, sizeof(out));
	if (!text_valid_utf8(out))
		abort();
	text_trim(s, big, sizeof(big));
	(void)utf8_decode(s, strlen(s), &cp);
}

static void validator_checks(const char *s)
{
	char out[TEXT_BYTES];
	struct hd_err err;
	bool ok;
	long n;
	int m;
	time_t t;

	if (valid_text(s, "f", 0, NAME_MAX_CHARS, out, sizeof(out), &err) == HD_OK) {
		uint32_t cp;
		char *again = text_normalise(out, &cp);

		if (text_has_control(out) || !text_valid_utf8(out) ||
		    text_chars(out) > NAME_MAX_CHARS || !again || strcmp(again, out) != 0)
			abort(); /* kept text is already in its normal form */
		free(again);
	}
	if (valid_phone(s, "f", out, sizeof(out), &err) == HD_OK) {
		char masked[64];

		phone_mask(out, masked, sizeof(masked));
	}
	(void)valid_date(s, "f", out, sizeof(out), &err);
	(void)valid_time(s, "f", &m, &err);
	(void)valid_int(s, "f", -5, 5000, &n, &err);
	(void)valid_credit_code(s, "f", out, sizeof(out), &ok, &err);
	(void)list_parse(&LIST_PURPOSE, s, &m, &err);
	(void)settings_validate(SET_CLOSED_WEEKDAYS, s, out, sizeof(out), &err);
	(void)settings_validate(SET_PRINTER_A4, s, out, sizeof(out), &err);
	(void)clock_parse_iso(s, &t);
	(void)clock_parse_local(s, "f", &t, &err);
}

/* A spreadsheet's cell read as a date or a time is one the forms take. */
static void sheet_checks(const char *s)
{
	char out[TEXT_BYTES], again[TEXT_BYTES];
	struct hd_err err;
	int m;

	if (sheet_date(s, "f", out, sizeof(out), &err) == HD_OK &&
	    valid_date(out, "f", again, sizeof(again), &err) != HD_OK)
		abort();
	if (sheet_time(s, "f", out, sizeof(out), &err) == HD_OK &&
	    valid_time(out, "f", &m, &err) != HD_OK)
		abort();
	(void)sheet_credit_code(s, "f", out, sizeof(out), &err);
}

/* Any bytes as an imported file: decoded (UTF-8, GB18030, refused
 * UTF-16), then parsed; every field of every record is valid UTF-8. */
static void csv_checks(const uint8_t *data, size_t size)
{
	struct csv_table t = { 0 };
	struct hd_err err;
	enum csv_encoding enc;
	char *text = NULL;
	int r, f;

	if (csv_decode((const char *)data, size, &text, &enc, &err) != HD_OK)
		return;
	if (csv_parse(text, &t, &err) == HD_OK)
		for (r = 0; r < t.nrecords; r++)
			for (f = 0; f < t.records[r].nfields; f++)
				if (!text_valid_utf8(t.records[r].fields[f]))
					abort();
	csv_free(&t);
	free(text);
}

/* A token read back must be the one made from what was read. */
static void token_checks(const char *s)
{
	static const unsigned char key[32] = { 7, 1, 2, 3 };
	char again[TOKEN_MAX];
	enum token_kind kind;
	long long id;

	if (token_read_with_key(key, s, &kind, &id, NULL) != HD_OK)
		return;
	token_make_with_key(key, kind, id, again, sizeof(again));
	if (token_read_with_key(key, again, &kind, &id, NULL) != HD_OK)
		abort();
}

static void editor_checks(const uint8_t *data, size_t size, const char *s)
{
	struct editor ed;
	struct editor_view v;
	char out[EDITOR_TEXT_MAX];
	size_t i;

	editor_init(&ed, 40);
	(void)editor_insert(&ed, s);
	for (i = 0; i < size; i++) {
		switch (data[i] % 12) {
		case 0:
			editor_left(&ed);
			break;
		case 1:
			editor_right(&ed);
			break;
		case 2:
			editor_backspace(&ed);
			break;
		case 3:
			editor_delete(&ed);
			break;
		case 4:
			editor_delete_word(&ed);
			break;
		case 5:
			editor_home(&ed);
			break;
		case 6:
			editor_end(&ed);
			break;
		case 7:
			editor_word_left(&ed);
			break;
		case 8:
			editor_kill_end(&ed);
			break;
		default:
			(void)editor_insert_cp(&ed, 0x4E00u + data[i]);
			break;
		}
		editor_view(&ed, 1 + data[i] % 20, &v);
		if (v.cursor_col < 0 || v.cols > 1 + data[i] % 20)
			abort();
	}
	(void)editor_text(&ed, out, sizeof(out));
	if (!text_valid_utf8(out) || text_has_control(out))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool ready;
	char *s;

	if (!ready) {
		setlocale(LC_ALL, "C.UTF-8");
		ready = true;
	}
	s = malloc(size + 1);
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	text_checks(s);
	validator_checks(s);
	sheet_checks(s);
	token_checks(s);
	editor_checks(data, size, s);
	csv_checks(data, size);
	free(s);
	return 0;
}
