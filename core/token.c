/* SPDX-License-Identifier: GPL-3.0-or-later */
/* token.c - making and reading HD1 tokens. */
#include "core/token.h"

#include <sodium.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/audit.h"
#include "core/centre_load.h"
#include "core/db.h"
#include "core/i18n.h"

static const char CROCKFORD[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

#define BODY_MAX 32
#define ID_MAX_DIGITS 15

/* The MAC of body: HMAC-SHA256, its first 50 bits in Crockford base32. */
static void mac_of(const unsigned char key[32], const char *body, char out[TOKEN_MAC_CHARS + 1])
{
	unsigned char h[crypto_auth_hmacsha256_BYTES];
	unsigned int bits = 0, acc = 0;
	int n = 0, i = 0;

	crypto_auth_hmacsha256(h, (const unsigned char *)body, strlen(body), key);
	while (n < TOKEN_MAC_CHARS) {
		if (bits < 5) {
			acc = (acc << 8) | h[i++];
			bits += 8;
		}
		out[n++] = CROCKFORD[(acc >> (bits - 5)) & 31];
		bits -= 5;
	}
	out[n] = '\0';
	sodium_memzero(h, sizeof(h));
}

void token_make_with_key(const unsigned char key[32], enum token_kind kind, long long id, char *out,
			 size_t outsz)
{
	char body[BODY_MAX], mac[TOKEN_MAC_CHARS + 1];

	snprintf(body, sizeof(body), "HD1-%c-%lld", (char)kind, id);
	mac_of(key, body, mac);
	snprintf(out, outsz, "%s-%s", body, mac);
}

enum hd_status token_make(struct db *db, enum token_kind kind, long long id, char *out,
			  size_t outsz, struct hd_err *err)
{
	unsigned char key[32];

	if (sodium_init() < 0)
		return hd_err_set(err, HD_FAIL, "", _("the cryptography library cannot start"));
	if (db_secret(db, key, err) != HD_OK)
		return HD_FAIL;
	token_make_with_key(key, kind, id, out, outsz);
	sodium_memzero(key, sizeof(key));
	return HD_OK;
}

static bool known_kind(char c)
{
	return c == TOKEN_VISIT || c == TOKEN_BOOKING || c == TOKEN_TEAM || c == TOKEN_PAGE;
}

/* Upper case, Crockford's aliases in the MAC, no surrounding spaces. */
static bool normalise(const char *text, char *out, size_t outsz)
{
	size_t len, start = 0, i, dashes = 0;

	if (!text)
		return false;
	len = strlen(text);
	while (start < len && (text[start] == ' ' || text[start] == '\t'))
		start++;
	while (len > start && (text[len - 1] == ' ' || text[len - 1] == '\t' ||
			       text[len - 1] == '\r' || text[len - 1] == '\n'))
		len--;
	if (len - start + 1 > outsz)
		return false;
	for (i = start; i < len; i++) {
		char c = text[i];

		if (c >= 'a' && c <= 'z')
			c = (char)(c - 32);
		if (c == '-')
			dashes++;
		if (dashes == 3 && c == 'O')
			c = '0';
		if (dashes == 3 && (c == 'I' || c == 'L'))
			c = '1';
		out[i - start] = c;
	}
	out[len - start] = '\0';
	return true;
}

enum hd_status token_read_with_key(const unsigned char key[32], const char *text,
				   enum token_kind *kind, long long *id, struct hd_err *err)
{
	char norm[TOKEN_MAX], body[BODY_MAX], mac[TOKEN_MAC_CHARS + 1];
	const char *p, *dash;
	size_t digits;
	long long n = 0;

	if (!normalise(text, norm, sizeof(norm)) || strncmp(norm, "HD1-", 4) != 0 ||
	    !known_kind(norm[4]) || norm[5] != '-')
		goto forged;
	p = norm + 6;
	dash = strchr(p, '-');
	digits = dash ? (size_t)(dash - p) : 0;
	if (digits == 0 || digits > ID_MAX_DIGITS || (p[0] == '0' && digits > 1))
		goto forged;
	for (size_t i = 0; i < digits; i++) {
		if (p[i] < '0' || p[i] > '9')
			goto forged;
		n = n * 10 + (p[i] - '0');
	}
	if (n <= 0 || strlen(dash + 1) != TOKEN_MAC_CHARS)
		goto forged;
	snprintf(body, sizeof(body), "%.*s", (int)(dash - norm), norm);
	mac_of(key, body, mac);
	if (sodium_memcmp(mac, dash + 1, TOKEN_MAC_CHARS) != 0)
		goto forged;
	*kind = (enum token_kind)norm[4];
	*id = n;
	return HD_OK;
forged:
	return hd_err_set(err, HD_FORGED, "code",
			  _("not a genuine code of this centre: the text was altered, or it comes "
			    "from elsewhere"));
}

enum hd_status token_read(struct db *db, const struct hd_actor *who, const char *text,
			  enum token_kind *kind, long long *id, struct hd_err *err)
{
	unsigned char key[32];
	enum hd_status rc;
	struct hd_err ignored;

	if (sodium_init() < 0)
		return hd_err_set(err, HD_FAIL, "", _("the cryptography library cannot start"));
	if (db_secret(db, key, err) != HD_OK)
		return HD_FAIL;
	rc = token_read_with_key(key, text, kind, id, err);
	sodium_memzero(key, sizeof(key));
	/* A code printed before its centre moved into a district's database
	 * names the record where it is now. */
	if (rc == HD_OK)
		rc = centre_moved_id(db, (char)*kind, *id, id, err);
	if (rc == HD_FORGED && who && db_begin(db, &ignored) == HD_OK)
		db_finish(db, audit_log(db, who, "code.forged", NULL, 0, NULL, NULL, &ignored),
			  &ignored);
	return rc;
}

enum token_ref token_ref_of(const char *text)
{
	const char *p = text ? text : "";

	while (*p == ' ')
		p++;
	if ((p[0] == 'H' || p[0] == 'h') && (p[1] == 'D' || p[1] == 'd'))
		return REF_CODE;
	for (p = text ? text : ""; *p >= '0' && *p <= '9'; p++)
		;
	return text && *text && !*p ? REF_NUMBER : REF_NEITHER;
}

const char *token_kind_word(enum token_kind kind)
{
	switch (kind) {
	case TOKEN_VISIT:
		return N_("visit");
	case TOKEN_BOOKING:
		return N_("booking");
	case TOKEN_TEAM:
		return N_("team");
	case TOKEN_PAGE:
		return N_("page");
	}
	return "?";
}
