/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_token.c - HD1 tokens: made and read back for every kind, any change
 * refused, the normalising of scanned text, another key refused, malformed
 * text refused as forged, and a forged read audited. */
#include "testutil.h"

#include <sodium.h>

#include "core/token.h"

static const enum token_kind KINDS[] = { TOKEN_VISIT, TOKEN_BOOKING, TOKEN_TEAM, TOKEN_PAGE };
static const char ALPHABET[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

static void key_of(unsigned char key[32], unsigned char fill)
{
	memset(key, fill, 32);
	key[0] = 0x42;
}

/* The token of an arbitrary body ("HD1-P-01"), signed as DESIGN.md says,
 * independently of core/token.c: HMAC-SHA256, its first 50 bits in
 * Crockford base32. Lets the tests sign bodies token_make never would. */
static void sign_body(const unsigned char key[32], const char *body, char *out, size_t outsz)
{
	unsigned char h[crypto_auth_hmacsha256_BYTES];
	unsigned long long bits = 0;
	char mac[TOKEN_MAC_CHARS + 1];
	int i;

	crypto_auth_hmacsha256(h, (const unsigned char *)body, strlen(body), key);
	for (i = 0; i < 7; i++)
		bits = (bits << 8) | h[i];
	bits >>= 6; /* 56 bits read, 50 kept */
	for (i = 0; i < TOKEN_MAC_CHARS; i++)
		mac[i] = ALPHABET[(bits >> (45 - 5 * i)) & 31];
	mac[TOKEN_MAC_CHARS] = '\0';
	snprintf(out, outsz, "%s-%s", body, mac);
}

static enum hd_status read_with(const unsigned char key[32], const char *text)
{
	enum token_kind kind;
	long long id;
	struct hd_err err;

	return token_read_with_key(key, text, &kind, &id, &err);
}

static void test_every_kind_reads_back_as_made(void **state)
{
	static const long long IDS[] = { 1, 7, 42, 100000, 999999999999999LL };
	unsigned char key[32];
	char tok[TOKEN_MAX], expect[TOKEN_MAX], body[32];
	enum token_kind kind;
	struct hd_err err;
	long long id;
	size_t k, i;

	(void)state;
	key_of(key, 1);
	for (k = 0; k < sizeof(KINDS) / sizeof(KINDS[0]); k++) {
		for (i = 0; i < sizeof(IDS) / sizeof(IDS[0]); i++) {
			token_make_with_key(key, KINDS[k], IDS[i], tok, sizeof(tok));
			snprintf(body, sizeof(body), "HD1-%c-%lld", (char)KINDS[k], IDS[i]);
			sign_body(key, body, expect, sizeof(expect));
			assert_string_equal(tok, expect);
			assert_true(strlen(tok) < TOKEN_MAX);
			assert_int_equal(token_read_with_key(key, tok, &kind, &id, &err), HD_OK);
			assert_int_equal(kind, KINDS[k]);
			assert_int_equal(id, IDS[i]);
		}
	}
	assert_string_equal(token_kind_word(TOKEN_VISIT), "visit");
	assert_string_equal(token_kind_word(TOKEN_BOOKING), "booking");
	assert_string_equal(token_kind_word(TOKEN_TEAM), "team");
	assert_string_equal(token_kind_word(TOKEN_PAGE), "page");
}

static void test_tokens_use_only_qr_alphanumeric_characters(void **state)
{
	unsigned char key[32];
	char tok[TOKEN_MAX];
	long long id;
	const char *p;

	(void)state;
	key_of(key, 2);
	for (id = 1; id < 200; id++) {
		token_make_with_key(key, TOKEN_BOOKING, id, tok, sizeof(tok));
		for (p = tok; *p; p++)
			assert_non_null(
				strchr("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:", *p));
	}
}

/* The next character of the alphabet: never c itself nor an alias of it. */
static char other_char(char c)
{
	const char *p = strchr(ALPHABET, c);

	if (c == '-' || !p)
		return '0';
	return p[1] ? p[1] : ALPHABET[0];
}

static void test_every_single_character_change_is_refused(void **state)
{
	unsigned char key[32];
	char tok[TOKEN_MAX], bad[TOKEN_MAX];
	enum token_kind kind;
	struct hd_err err;
	long long id;
	size_t k, i, n;
	int changes = 0;

	(void)state;
	key_of(key, 3);
	for (k = 0; k < sizeof(KINDS) / sizeof(KINDS[0]); k++) {
		token_make_with_key(key, KINDS[k], 4096, tok, sizeof(tok));
		n = strlen(tok);
		for (i = 0; i < n; i++) {
			memcpy(bad, tok, n + 1);
			bad[i] = other_char(tok[i]);
			assert_int_equal(token_read_with_key(key, bad, &kind, &id, &err),
					 HD_FORGED);
			assert_int_equal(err.status, HD_FORGED);
			assert_string_equal(err.field, "code");
			changes++;
			/* and every other character at that place too */
			for (const char *c = ALPHABET; *c; c++) {
				if (*c == tok[i])
					continue;
				bad[i] = *c;
				assert_int_equal(read_with(key, bad), HD_FORGED);
			}
		}
	}
	assert_true(changes > 60);
}

/* A token of kind and some id whose MAC holds the character want. */
static void token_with_mac_char(const unsigned char key[32], char want, char *tok, size_t toksz,
				long long *id_out)
{
	long long id;

	for (id = 1; id < 100000; id++) {
		token_make_with_key(key, TOKEN_VISIT, id, tok, toksz);
		if (strchr(strrchr(tok, '-'), want)) {
			*id_out = id;
			return;
		}
	}
	fail_msg("no MAC with %c", want);
}

/* tok with every want in its MAC replaced by alias. */
static void alias_mac(char *tok, char want, char alias)
{
	char *p;

	for (p = strrchr(tok, '-'); *p; p++)
		if (*p == want)
			*p = alias;
}

static void test_lower_case_aliases_and_spaces_are_accepted(void **state)
{
	static const struct {
		char canonical, alias;
	} ALIASES[] = { { '0', 'O' }, { '0', 'o' }, { '1', 'I' },
			{ '1', 'i' }, { '1', 'L' }, { '1', 'l' } };
	unsigned char key[32];
	char tok[TOKEN_MAX], text[TOKEN_MAX + 8];
	enum token_kind kind;
	struct hd_err err;
	long long id, want;
	size_t i;

	(void)state;
	key_of(key, 4);
	token_make_with_key(key, TOKEN_TEAM, 321, tok, sizeof(tok));
	for (i = 0; tok[i]; i++)
		text[i] = (char)(tok[i] >= 'A' && tok[i] <= 'Z' ? tok[i] + 32 : tok[i]);
	text[i] = '\0';
	assert_int_equal(token_read_with_key(key, text, &kind, &id, &err), HD_OK);
	assert_int_equal(kind, TOKEN_TEAM);
	assert_int_equal(id, 321);

	for (i = 0; i < sizeof(ALIASES) / sizeof(ALIASES[0]); i++) {
		token_with_mac_char(key, ALIASES[i].canonical, tok, sizeof(tok), &want);
		alias_mac(tok, ALIASES[i].canonical, ALIASES[i].alias);
		assert_int_equal(token_read_with_key(key, tok, &kind, &id, &err), HD_OK);
		assert_int_equal(kind, TOKEN_VISIT);
		assert_int_equal(id, want);
	}

	token_make_with_key(key, TOKEN_PAGE, 9, tok, sizeof(tok));
	snprintf(text, sizeof(text), "  %s ", tok);
	assert_int_equal(read_with(key, text), HD_OK);
	snprintf(text, sizeof(text), "\t%s\r\n", tok);
	assert_int_equal(read_with(key, text), HD_OK);
	snprintf(text, sizeof(text), "%s\n", tok);
	assert_int_equal(read_with(key, text), HD_OK);
}

static void test_aliases_are_not_taken_outside_the_mac(void **state)
{
	unsigned char key[32];
	char tok[TOKEN_MAX], bad[TOKEN_MAX];

	(void)state;
	key_of(key, 5);
	token_make_with_key(key, TOKEN_BOOKING, 10, tok, sizeof(tok));
	/* "HD1-B-10-...": the id's 0 and 1, and the prefix's 1, stay digits */
	memcpy(bad, tok, sizeof(tok));
	bad[7] = 'O';
	assert_int_equal(read_with(key, bad), HD_FORGED);
	memcpy(bad, tok, sizeof(tok));
	bad[6] = 'I';
	assert_int_equal(read_with(key, bad), HD_FORGED);
	memcpy(bad, tok, sizeof(tok));
	bad[2] = 'l';
	assert_int_equal(read_with(key, bad), HD_FORGED);
}

static void test_another_key_is_refused(void **state)
{
	unsigned char key[32], other[32];
	char tok[TOKEN_MAX];
	size_t k;

	(void)state;
	key_of(key, 6);
	key_of(other, 7);
	for (k = 0; k < sizeof(KINDS) / sizeof(KINDS[0]); k++) {
		token_make_with_key(other, KINDS[k], 5, tok, sizeof(tok));
		assert_int_equal(read_with(key, tok), HD_FORGED);
		assert_int_equal(read_with(other, tok), HD_OK);
	}
}

static void test_malformed_text_is_forged(void **state)
{
	unsigned char key[32];
	char tok[TOKEN_MAX], signed_body[TOKEN_MAX], text[96];
	const char *mac;
	size_t i;
	static const char *const BODIES[] = {
		"HD1-X-1",                /* unknown kind */
		"HD1-P-01",               /* leading zero */
		"HD1-P-0",                /* id 0 */
		"HD1-P-1234567890123456", /* 16 digits */
		"HD1-P--1",               /* extra dash */
		"HD1--P-1",               /* extra dash */
		"HD1-P-+1",               /* sign */
		"HD1-P- 1",               /* space inside */
		"HD2-P-1",                /* another version */
		"hd1-PP-1",               /* two-letter kind */
		"HD1-P",                  /* no id */
	};

	(void)state;
	key_of(key, 8);
	token_make_with_key(key, TOKEN_PAGE, 1, tok, sizeof(tok));
	mac = strrchr(tok, '-') + 1;
	assert_int_equal(read_with(key, NULL), HD_FORGED);
	assert_int_equal(read_with(key, ""), HD_FORGED);
	assert_int_equal(read_with(key, "   "), HD_FORGED);
	assert_int_equal(read_with(key, "HD1"), HD_FORGED);
	assert_int_equal(read_with(key, "HD1-"), HD_FORGED);
	assert_int_equal(read_with(key, "HD1-P-1"), HD_FORGED);
	assert_int_equal(read_with(key, "HD1-P-1-"), HD_FORGED);
	/* Correctly signed, but not in the shape of a token: still refused. */
	for (i = 0; i < sizeof(BODIES) / sizeof(BODIES[0]); i++) {
		sign_body(key, BODIES[i], signed_body, sizeof(signed_body));
		assert_int_equal(read_with(key, signed_body), HD_FORGED);
	}
	/* The MAC one short, one long, split by a dash, or trailed by a dash. */
	snprintf(text, sizeof(text), "HD1-P-1-%.9s", mac);
	assert_int_equal(read_with(key, text), HD_FORGED);
	snprintf(text, sizeof(text), "HD1-P-1-%s0", mac);
	assert_int_equal(read_with(key, text), HD_FORGED);
	snprintf(text, sizeof(text), "HD1-P-1-%.5s-%s", mac, mac + 5);
	assert_int_equal(read_with(key, text), HD_FORGED);
	snprintf(text, sizeof(text), "%s-", tok);
	assert_int_equal(read_with(key, text), HD_FORGED);
	snprintf(text, sizeof(text), "-%s", tok);
	assert_int_equal(read_with(key, text), HD_FORGED);
	snprintf(text, sizeof(text), "%s x", tok);
	assert_int_equal(read_with(key, text), HD_FORGED);
	snprintf(text, sizeof(text), "HD1-P-1-%.9sU", mac); /* U is not in the alphabet */
	assert_int_equal(read_with(key, text), HD_FORGED);
	/* Far too long. */
	memset(text, '1', sizeof(text) - 1);
	text[sizeof(text) - 1] = '\0';
	memcpy(text, "HD1-P-", 6);
	assert_int_equal(read_with(key, text), HD_FORGED);
	/* The well-formed original still reads. */
	assert_int_equal(read_with(key, tok), HD_OK);
}

static void test_database_tokens_and_forged_reads_are_audited(void **state)
{
	struct tdb *t = *state;
	char tok[TOKEN_MAX], bad[TOKEN_MAX];
	unsigned char other[32];
	enum token_kind kind;
	struct hd_err err;
	long long id;

	assert_int_equal(token_make(t->db, TOKEN_TEAM, 12, tok, sizeof(tok), &err), HD_OK);
	assert_int_equal(token_read(t->db, &t->who, tok, &kind, &id, &err), HD_OK);
	assert_int_equal(kind, TOKEN_TEAM);
	assert_int_equal(id, 12);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM audit WHERE action = 'code.forged'"),
			 0);

	memcpy(bad, tok, sizeof(tok));
	bad[strlen(bad) - 1] = other_char(bad[strlen(bad) - 1]);
	assert_int_equal(token_read(t->db, &t->who, bad, &kind, &id, &err), HD_FORGED);
	assert_non_null(strstr(err.msg, "genuine"));
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM audit WHERE action = 'code.forged'"
					" AND actor = 'command-line' AND desk = 'unit'"),
			 1);

	/* A token of another installation (another key) is forged too. */
	key_of(other, 9);
	token_make_with_key(other, TOKEN_TEAM, 12, bad, sizeof(bad));
	assert_int_equal(token_read(t->db, &t->who, bad, &kind, &id, &err), HD_FORGED);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM audit WHERE action = 'code.forged'"),
			 2);

	/* Without an actor nothing is written. */
	assert_int_equal(token_read(t->db, NULL, "garbage", &kind, &id, &err), HD_FORGED);
	assert_int_equal(tdb_int(t->db, "SELECT count(*) FROM audit WHERE action = 'code.forged'"),
			 2);
}

/* A number up to the highest of the file a centre was loaded from names
 * that record where it moved (centre_move); later numbers, and kinds that
 * did not move, read as they are. */
static void test_codes_printed_before_a_move_name_the_moved_record(void **state)
{
	struct tdb *t = *state;
	char tok[TOKEN_MAX];
	enum token_kind kind;
	struct hd_err err;
	long long id;

	assert_int_equal(db_exec(t->db,
				 "INSERT INTO centre_move(centre_id, kind, last_old, shift)"
				 " VALUES ($1, 'booking', 50, 1000), ($1, 'spool', 7, 30)",
				 db_centre(t->db), 0, 0, &err),
			 HD_OK);
	assert_int_equal(token_make(t->db, TOKEN_BOOKING, 50, tok, sizeof(tok), &err), HD_OK);
	assert_int_equal(token_read(t->db, &t->who, tok, &kind, &id, &err), HD_OK);
	assert_int_equal(kind, TOKEN_BOOKING);
	assert_int_equal(id, 1050);
	assert_int_equal(token_make(t->db, TOKEN_BOOKING, 51, tok, sizeof(tok), &err), HD_OK);
	assert_int_equal(token_read(t->db, &t->who, tok, &kind, &id, &err), HD_OK);
	assert_int_equal(id, 51);
	assert_int_equal(token_make(t->db, TOKEN_PAGE, 7, tok, sizeof(tok), &err), HD_OK);
	assert_int_equal(token_read(t->db, &t->who, tok, &kind, &id, &err), HD_OK);
	assert_int_equal(id, 37);
	assert_int_equal(token_make(t->db, TOKEN_VISIT, 3, tok, sizeof(tok), &err), HD_OK);
	assert_int_equal(token_read(t->db, &t->who, tok, &kind, &id, &err), HD_OK);
	assert_int_equal(kind, TOKEN_VISIT);
	assert_int_equal(id, 3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_kind_reads_back_as_made),
		cmocka_unit_test(test_tokens_use_only_qr_alphanumeric_characters),
		cmocka_unit_test(test_every_single_character_change_is_refused),
		cmocka_unit_test(test_lower_case_aliases_and_spaces_are_accepted),
		cmocka_unit_test(test_aliases_are_not_taken_outside_the_mac),
		cmocka_unit_test(test_another_key_is_refused),
		cmocka_unit_test(test_malformed_text_is_forged),
		cmocka_unit_test_setup_teardown(test_database_tokens_and_forged_reads_are_audited,
						tdb_setup, tdb_teardown),
		cmocka_unit_test_setup_teardown(
			test_codes_printed_before_a_move_name_the_moved_record, tdb_setup,
			tdb_teardown),
	};

	tdb_env();
	if (sodium_init() < 0)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
