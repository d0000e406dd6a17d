/* SPDX-License-Identifier: GPL-3.0-or-later */
/* text.c - UTF-8 decoding, validity, display width, cutting by columns,
 * trimming and sanitising for the terminal. */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700 /* wcwidth() */
#endif
#include "core/text.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <uninorm.h>
#include <wchar.h>

#include "core/xalloc.h"

int utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c, min;
	int n, i;

	if (!s || len == 0)
		return -1;
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] >= 0xC2 && u[0] <= 0xDF) {
		n = 2;
		c = u[0] & 0x1F;
		min = 0x80;
	} else if ((u[0] & 0xF0) == 0xE0) {
		n = 3;
		c = u[0] & 0x0F;
		min = 0x800;
	} else if (u[0] >= 0xF0 && u[0] <= 0xF4) {
		n = 4;
		c = u[0] & 0x07;
		min = 0x10000;
	} else {
		return -1; /* continuation byte, overlong 0xC0/0xC1 or above 0xF4 */
	}
	if ((size_t)n > len)
		return -1;
	for (i = 1; i < n; i++) {
		if ((u[i] & 0xC0) != 0x80)
			return -1;
		c = (c << 6) | (u[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return -1;
	*cp = c;
	return n;
}

int utf8_encode(uint32_t cp, char out[4])
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp >= 0xD800 && cp <= 0xDFFF)
		return 0;
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	if (cp <= 0x10FFFF) {
		out[0] = (char)(0xF0 | (cp >> 18));
		out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[3] = (char)(0x80 | (cp & 0x3F));
		return 4;
	}
	return 0;
}

/* Decodes the character at s (NUL-terminated); on an invalid sequence sets
 * *cp to 0 and returns 1, so the caller steps over one byte. */
static int next_char(const char *s, uint32_t *cp, bool *valid)
{
	size_t len = strnlen(s, 4);
	int n = utf8_decode(s, len, cp);

	*valid = n > 0;
	if (n > 0)
		return n;
	*cp = 0;
	return 1;
}

bool text_valid_utf8(const char *s)
{
	uint32_t cp;
	bool valid;

	if (!s)
		return false;
	while (*s) {
		s += next_char(s, &cp, &valid);
		if (!valid)
			return false;
	}
	return true;
}

bool text_is_control(uint32_t cp)
{
	if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F))
		return true;
	/* Line and paragraph separators, direction marks, embeddings,
	 * overrides and isolates: they move or reorder what follows. */
	return cp == 0x200E || cp == 0x200F || (cp >= 0x2028 && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF;
}

/* Characters that show nothing and only make one text look like another. */
static bool invisible(uint32_t cp)
{
	return cp == 0x00AD || cp == 0x034F || cp == 0x061C || cp == 0x115F || cp == 0x1160 ||
	       (cp >= 0x180B && cp <= 0x180F) || (cp >= 0x200B && cp <= 0x200D) ||
	       (cp >= 0x2060 && cp <= 0x2064) || cp == 0x3164 || (cp >= 0xFE00 && cp <= 0xFE0F) ||
	       cp == 0xFEFF || cp == 0xFFA0 || (cp >= 0xE0100 && cp <= 0xE01EF);
}

/* Spaces of every kind (the ASCII ones, no-break, the typographic ones,
 * ideographic). */
static bool any_space(uint32_t cp)
{
	return cp == ' ' || cp == 0x00A0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
	       cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

/* libunistring, for its normalisation alone, is loaded the first time
 * text is normalised (a command that only reads never does). */
#define UNISTRING_LIBRARY "libunistring.so.2"

typedef uint8_t *(*normalize_fn)(uninorm_t nf, const uint8_t *s, size_t n, uint8_t *resultbuf,
				 size_t *lengthp);
static pthread_once_t unistring_once = PTHREAD_ONCE_INIT;
static normalize_fn normalize;
static uninorm_t nfc_form;

static void unistring_load(void)
{
	void *h = dlopen(UNISTRING_LIBRARY, RTLD_NOW | RTLD_LOCAL);

	if (h) {
		normalize = (normalize_fn)dlsym(h, "u8_normalize");
		nfc_form = dlsym(h, "uninorm_nfc");
	}
}

/* True when every character of s is one that NFC leaves as it is and
 * that never combines with its neighbours (Unicode's NFC quick check "Yes",
 * combining class 0): printable ASCII, the CJK ideographs, the CJK symbols
 * and punctuation but for the tone marks U+302A..U+302F, the full-width
 * forms of ASCII, and the quotation marks, dash, ellipsis and middle dot of
 * Chinese text. Such text, most of what is typed at a desk, is NFC already
 * and needs no library. */
static bool nfc_already(const char *s)
{
	size_t len = strlen(s), i;
	uint32_t cp;
	int n;

	for (i = 0; i < len; i += (size_t)n) {
		n = utf8_decode(s + i, len - i, &cp);
		if (n < 0)
			return false;
		if (!((cp >= 0x20 && cp <= 0x7E) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
		      (cp >= 0x3000 && cp <= 0x3029) || (cp >= 0x3030 && cp <= 0x303F) ||
		      (cp >= 0xFF01 && cp <= 0xFF5E) || (cp >= 0x2018 && cp <= 0x201D) ||
		      cp == 0x2014 || cp == 0x2026 || cp == 0x00B7))
			return false;
	}
	return true;
}

/* The NFC form of s (n bytes), malloc'd, its length in *nlen. */
static uint8_t *nfc_of(const char *s, size_t *nlen)
{
	if (nfc_already(s)) {
		*nlen = strlen(s);
		return (uint8_t *)xstrdup(s);
	}
	pthread_once(&unistring_once, unistring_load);
	if (!normalize || !nfc_form)
		xabort("text: " UNISTRING_LIBRARY " cannot be loaded (install libunistring2)");
	return normalize(nfc_form, (const uint8_t *)s, strlen(s), NULL, nlen);
}

char *text_normalise(const char *s, uint32_t *invisible_cp)
{
	size_t nlen = 0, i = 0, o = 0;
	uint8_t *nfc;
	char *out;
	uint32_t cp;
	int n;

	*invisible_cp = 0;
	nfc = nfc_of(s, &nlen);
	if (!nfc)
		xalloc_failed(); /* s is valid UTF-8 */
	out = xmalloc(nlen + 1);
	while (i < nlen) {
		n = utf8_decode((const char *)nfc + i, nlen - i, &cp);
		if (n < 0)
			n = 1, cp = TEXT_REPLACEMENT;
		if (invisible(cp)) {
			*invisible_cp = cp;
			free(nfc);
			free(out);
			return NULL;
		}
		if (any_space(cp)) {
			if (o > 0 && out[o - 1] != ' ')
				out[o++] = ' ';
		} else {
			memcpy(out + o, nfc + i, (size_t)n);
			o += (size_t)n;
		}
		i += (size_t)n;
	}
	if (o > 0 && out[o - 1] == ' ')
		o--;
	out[o] = '\0';
	free(nfc);
	return out;
}

bool text_has_control(const char *s)
{
	uint32_t cp;
	bool valid;

	if (!s)
		return false;
	while (*s) {
		s += next_char(s, &cp, &valid);
		if (valid && text_is_control(cp))
			return true;
	}
	return false;
}

size_t text_chars(const char *s)
{
	uint32_t cp;
	bool valid;
	size_t n = 0;

	if (!s)
		return 0;
	while (*s) {
		s += next_char(s, &cp, &valid);
		n++;
	}
	return n;
}

int text_cp_width(uint32_t cp)
{
	int w;

	if (text_is_control(cp))
		return 1;
	w = wcwidth((wchar_t)cp);
	if (w < 0)
		return 1;
	return w > 2 ? 2 : w;
}

int text_code_points(const char *s, uint32_t *cps, int max)
{
	size_t len = strlen(s);
	int n = 0, used;

	while (len > 0 && n < max) {
		used = utf8_decode(s, len, &cps[n]);
		if (used < 0)
			break;
		n++;
		s += used;
		len -= (size_t)used;
	}
	return n;
}

int text_width(const char *s)
{
	uint32_t cp;
	bool valid;
	int w = 0;

	if (!s)
		return 0;
	while (*s) {
		s += next_char(s, &cp, &valid);
		w += valid ? text_cp_width(cp) : 1;
	}
	return w;
}

/* Appends n bytes to out (outsz bytes, *used so far) if they fit with the
 * terminating NUL; returns false when they do not. */
static bool append(char *out, size_t outsz, size_t *used, const char *bytes, size_t n)
{
	if (*used + n + 1 > outsz)
		return false;
	memcpy(out + *used, bytes, n);
	*used += n;
	out[*used] = '\0';
	return true;
}

/* The bytes to draw for the character at s: the character itself, or U+FFFD
 * for a control, an invalid byte or (when strict) a character the locale
 * cannot print. Sets *src to the bytes consumed from s and returns the
 * number of bytes in buf. */
static size_t drawable(const char *s, bool strict, char buf[4], int *src, int *width)
{
	uint32_t cp;
	bool valid;
	int n = next_char(s, &cp, &valid);

	*src = n;
	if (!valid || text_is_control(cp) || (strict && wcwidth((wchar_t)cp) < 0)) {
		*width = 1;
		return (size_t)utf8_encode(TEXT_REPLACEMENT, buf);
	}
	*width = text_cp_width(cp);
	memcpy(buf, s, (size_t)n);
	return (size_t)n;
}

int text_cut(const char *s, int cols, char *out, size_t outsz)
{
	char buf[4];
	size_t used = 0, n;
	int w = 0, cw, src;

	if (!out || outsz == 0)
		return 0;
	out[0] = '\0';
	if (!s)
		return 0;
	while (*s) {
		n = drawable(s, true, buf, &src, &cw);
		if (w + cw > cols || !append(out, outsz, &used, buf, n))
			break;
		w += cw;
		s += src;
	}
	return w;
}

void text_sanitise(const char *s, char *out, size_t outsz)
{
	char buf[4];
	size_t used = 0, n;
	int cw, src;

	if (!out || outsz == 0)
		return;
	out[0] = '\0';
	if (!s)
		return;
	while (*s) {
		n = drawable(s, false, buf, &src, &cw);
		if (!append(out, outsz, &used, buf, n))
			break;
		s += src;
	}
}

/* Bytes of white space at s: an ASCII space or control space, or U+3000. */
static size_t space_len(const char *s)
{
	if (*s == ' ' || (*s >= '\t' && *s <= '\r'))
		return 1;
	if (strncmp(s, "\xE3\x80\x80", 3) == 0)
		return 3;
	return 0;
}

void text_trim(const char *s, char *out, size_t outsz)
{
	const char *end;
	size_t n, k;

	if (!out || outsz == 0)
		return;
	out[0] = '\0';
	if (!s)
		return;
	while ((k = space_len(s)) > 0)
		s += k;
	end = s + strlen(s);
	while (end > s) {
		if (end[-1] == ' ' || (end[-1] >= '\t' && end[-1] <= '\r'))
			end--;
		else if (end - s >= 3 && memcmp(end - 3, "\xE3\x80\x80", 3) == 0)
			end -= 3;
		else
			break;
	}
	n = (size_t)(end - s);
	if (n >= outsz) {
		/* Keep whole characters only: drop a cut sequence's lead and
		 * continuation bytes. */
		n = outsz - 1;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(out, s, n);
	out[n] = '\0';
}

bool text_given(const char *s)
{
	char t[8];

	if (!s)
		return false;
	text_trim(s, t, sizeof(t));
	return *t != '\0';
}
