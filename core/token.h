/* SPDX-License-Identifier: GPL-3.0-or-later */
/* token.h - the signed QR text of slips and receipts: HD1-<K>-<N>-<MAC>.
 *
 * K is V (visit), B (booking), T (team filing) or P (a printed test page); N
 * the record's id in decimal (for P the print job's id in the spool); MAC the
 * first 10 Crockford base32 characters (50 bits) of HMAC-SHA256 over
 * "HD1-<K>-<N>" with the installation's secret key. A QR holds only this
 * opaque text, never personal data. */
#ifndef HD_TOKEN_H
#define HD_TOKEN_H

#include <stddef.h>

#include "core/actor.h"
#include "core/db.h"
#include "core/status.h"

#define TOKEN_MAX 48 /* bytes of the longest token, with the NUL */
#define TOKEN_MAC_CHARS 10

enum token_kind { TOKEN_VISIT = 'V', TOKEN_BOOKING = 'B', TOKEN_TEAM = 'T', TOKEN_PAGE = 'P' };

/* What text naming a record is: its number (digits only), a code (it
 * begins with HD, in either case, after spaces), or neither. */
enum token_ref { REF_NUMBER, REF_CODE, REF_NEITHER };
enum token_ref token_ref_of(const char *text);

/* The token of record id of kind, signed with the database's key, into
 * out (TOKEN_MAX bytes). HD_FAIL when the key cannot be read. */
enum hd_status token_make(struct db *db, enum token_kind kind, long long id, char *out,
			  size_t outsz, struct hd_err *err);

/* The same with a given 32-byte key (for tests and tools). */
void token_make_with_key(const unsigned char key[32], enum token_kind kind, long long id, char *out,
			 size_t outsz);

/* Reads scanned or typed text: upper case, Crockford's aliases (O->0,
 * I and L->1) and surrounding spaces allowed. HD_FORGED for anything that
 * is not a token of this installation (malformed, or a wrong MAC: the MAC is
 * checked first); the refusal is audited with who (NULL: not audited). On
 * HD_OK *kind and *id are the record's: for a code printed before its
 * centre's file was loaded into a district's database, where the record
 * is now (centre_moved_id). HD_FAIL when the key cannot be read or the
 * database fails. */
enum hd_status token_read(struct db *db, const struct hd_actor *who, const char *text,
			  enum token_kind *kind, long long *id, struct hd_err *err);

/* The parsing part of token_read with a given key; no audit. HD_FORGED for
 * anything that is not a token of that key. */
enum hd_status token_read_with_key(const unsigned char key[32], const char *text,
				   enum token_kind *kind, long long *id, struct hd_err *err);

/* The English word of a kind: "visit", "booking", "team", "page". */
const char *token_kind_word(enum token_kind kind);

#endif
