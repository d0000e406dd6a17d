/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test_printing.c - the document model and its three renderings: ESC/POS
 * (GB18030 text, the QR raster, the cut, lines within the paper), PDF and the
 * screen preview. With HUBDESK_SAMPLE_DIR set it also writes there the
 * sample as ESC/POS jobs for 80 and 58 mm (sample.bin, sample58.bin), their
 * QR rasters as PBM images (sample.pbm, sample58.pbm), the PDF (sample.pdf)
 * and the preview (sample.txt), for tests/print/test_render.sh to decode. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <iconv.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/text.h"
#include "printing/cups.h"
#include "printing/doc.h"
#include "printing/escpos.h"
#include "printing/pdf.h"
#include "printing/preview.h"
#include "pdfutil.h"

#define SAMPLE_QR "HD1-V-42-0123456789"
#define SAMPLE_TITLE "访客登记凭条"
#define SAMPLE_WHEN 1795395600 /* 2026-11-23 09:00 Asia/Shanghai */

/* The first n bytes of needle in hay (len bytes), or NULL (memmem is a GNU
 * extension). */
static const void *find(const void *hay, size_t len, const void *needle, size_t n)
{
	const unsigned char *h = hay;
	size_t i;

	for (i = 0; n <= len && i <= len - n; i++)
		if (memcmp(h + i, needle, n) == 0)
			return h + i;
	return NULL;
}

static struct doc *sample_doc(bool reprint)
{
	struct doc *d = doc_new(SAMPLE_TITLE);

	d->reprint = reprint;
	doc_line(d, "姓名", "张三丰");
	doc_line(d, "来访事由",
		 "登记/变更/注销指导，以及年检年报、评估和财务指导等多项咨询 "
		 "(with some English words to wrap as words)");
	doc_line(d, "被访", "社会组织服务中心办公室");
	doc_line(d, "电话", "138****5678");
	doc_line(d, "Arrived at a very long English label", "09:00");
	doc_rule(d);
	doc_text(d, "请离开时出示此凭条扫码签退。Please show this slip when you leave.", true,
		 false);
	doc_text(d, "谢谢", false, true);
	doc_qr(d, SAMPLE_QR);
	doc_footer(d, "某某街道社会组织服务中心", SAMPLE_WHEN,
		   "个人信息仅用于访客登记，保存 180 天后删除。");
	return d;
}

/* s converted to GB18030 (malloc'd, *n bytes). */
static char *to_gb(const char *s, size_t *n)
{
	iconv_t cd = iconv_open("GB18030", "UTF-8");
	size_t inleft = strlen(s), outleft = 4 * inleft + 4;
	char *out = calloc(1, outleft), *in = (char *)s, *o = out;

	assert_true(cd != (iconv_t)-1);
	assert_true(iconv(cd, &in, &inleft, &o, &outleft) != (size_t)-1);
	*n = (size_t)(o - out);
	iconv_close(cd);
	return out;
}

static bool has_gb(const unsigned char *buf, size_t len, const char *utf8)
{
	size_t n;
	char *gb = to_gb(utf8, &n);
	bool found = find(buf, len, gb, n) != NULL;

	free(gb);
	return found;
}

static unsigned char *render(const struct doc *d, int mm, size_t *len)
{
	struct hd_err err = { 0 };
	unsigned char *out = NULL;

	assert_int_equal(escpos_render(d, mm, &out, len, &err), HD_OK);
	assert_non_null(out);
	return out;
}

/* What walking a job found. */
struct walk {
	int max_cols; /* widest printed line, in columns of normal characters */
	int lines;    /* lines of text */
	int rasters;  /* GS v 0 images */
	bool known;   /* every command was one we know and the text decoded */
};

/* Columns of printed bytes seg[0..n) (GB18030), or -1 if they do not decode. */
static int gb_columns(const char *seg, size_t n)
{
	iconv_t cd = iconv_open("UTF-8", "GB18030");
	char *in = (char *)seg, *utf = calloc(1, 4 * n + 4), *o = utf;
	size_t inleft = n, outleft = 4 * n + 3;
	int w = -1;

	if (iconv(cd, &in, &inleft, &o, &outleft) != (size_t)-1 && inleft == 0)
		w = text_width(utf);
	iconv_close(cd);
	free(utf);
	return w;
}

/* Walks an ESC/POS job command by command, measuring each line of text with
 * the character width in force (GS !). */
static struct walk walk_job(const unsigned char *b, size_t len)
{
	struct walk wk = { .known = true };
	size_t i = 0, seg = 0, w, h;
	int mag = 1, cols = 0, c;

#define FLUSH()                                                         \
	do {                                                            \
		if (i > seg) {                                          \
			c = gb_columns((const char *)b + seg, i - seg); \
			if (c < 0)                                      \
				wk.known = false;                       \
			cols += c * mag;                                \
		}                                                       \
	} while (0)

	while (i < len) {
		if (b[i] == '\n') {
			FLUSH();
			if (cols > wk.max_cols)
				wk.max_cols = cols;
			wk.lines++;
			cols = 0;
			seg = ++i;
			continue;
		}
		if (b[i] != 0x1b && b[i] != 0x1c && b[i] != 0x1d) {
			if (b[i] < 0x20)
				wk.known = false;
			i++;
			continue;
		}
		FLUSH();
		if (i + 1 >= len) {
			wk.known = false;
			break;
		}
		if ((b[i] == 0x1b && b[i + 1] == '@') || (b[i] == 0x1c && b[i + 1] == '&')) {
			i += 2;
		} else if ((b[i] == 0x1b && strchr("aEd", b[i + 1])) ||
			   (b[i] == 0x1c && b[i + 1] == '!') || (b[i] == 0x1d && b[i + 1] == 'B')) {
			i += 3;
		} else if (b[i] == 0x1d && b[i + 1] == '!' && i + 2 < len) {
			mag = ((b[i + 2] >> 4) & 7) + 1;
			i += 3;
		} else if (b[i] == 0x1d && b[i + 1] == 'V' && i + 3 < len && b[i + 2] == 66) {
			i += 4;
		} else if (b[i] == 0x1d && b[i + 1] == 'v' && i + 7 < len) {
			w = b[i + 4] | (size_t)b[i + 5] << 8;
			h = b[i + 6] | (size_t)b[i + 7] << 8;
			i += 8 + w * h;
			wk.rasters++;
		} else {
			wk.known = false;
			i++;
		}
		seg = i;
	}
#undef FLUSH
	if (i != len || cols != 0)
		wk.known = false; /* cut short, or text after the last LF */
	return wk;
}

static void test_escpos_starts_with_init_and_chinese_mode(void **state)
{
	struct doc *d = sample_doc(false);
	unsigned char *job;
	size_t len;

	(void)state;
	job = render(d, 58, &len);
	assert_true(len > 4);
	assert_memory_equal(job, "\x1b@", 2);
	assert_non_null(find(job, len, "\x1c&", 2));
	free(job);
	doc_free(&d);
	assert_null(d);
}

static void test_escpos_title_and_text_are_gb18030(void **state)
{
	struct doc *d = sample_doc(false);
	unsigned char *job;
	size_t len;

	(void)state;
	job = render(d, 80, &len);
	assert_true(has_gb(job, len, SAMPLE_TITLE));
	assert_true(has_gb(job, len, "张三丰"));
	assert_true(has_gb(job, len, "姓名："));
	assert_true(has_gb(job, len, "2026-11-23 09:00"));
	assert_null(find(job, len, "张三丰", strlen("张三丰"))); /* no UTF-8 left */
	free(job);
	doc_free(&d);
}

static void test_escpos_qr_raster_fits_the_paper(void **state)
{
	static const int mm[] = { 58, 80 }, max_bytes[] = { 48, 72 };
	struct doc *d = sample_doc(false);
	unsigned char *job;
	size_t len, off, k;
	int wb, h, i, black;

	(void)state;
	for (i = 0; i < 2; i++) {
		job = render(d, mm[i], &len);
		assert_int_equal(escpos_find_raster(job, len, &off, &wb, &h), 1);
		assert_true(wb > 0 && wb <= max_bytes[i]);
		assert_true(h > 21 * 3 && (size_t)wb * (size_t)h <= len - off);
		/* a white quiet zone on top, dark modules in the middle */
		for (k = 0; k < (size_t)wb * 12; k++)
			assert_int_equal(job[off + k], 0);
		for (black = 0, k = 0; k < (size_t)wb * (size_t)h; k++)
			black += job[off + k] != 0;
		assert_true(black > h);
		/* the code is about half the paper wide */
		assert_true(h >= wb * 8 * 4 / 10 && h <= wb * 8 * 6 / 10);
		/* its text follows, large */
		assert_non_null(find(job + off, len - off, SAMPLE_QR, strlen(SAMPLE_QR)));
		free(job);
	}
	doc_free(&d);
}

static void test_escpos_ends_with_a_cut(void **state)
{
	struct doc *d = sample_doc(true);
	unsigned char *job;
	size_t len;

	(void)state;
	job = render(d, 58, &len);
	assert_memory_equal(job + len - 4, "\x1dV\x42\x00", 4);
	free(job);
	doc_free(&d);
}

static void test_escpos_lines_never_exceed_the_paper(void **state)
{
	static const int mm[] = { 58, 80 }, cols[] = { 32, 48 };
	struct doc *d = sample_doc(true);
	unsigned char *job;
	struct walk wk;
	size_t len;
	int i;

	(void)state;
	doc_text(d,
		 "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八"
		 "九十一二三四五六七八九十",
		 false, false);
	doc_text(d, "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz0123456789", false, true);
	doc_line(d, "长", "中a中a中a中a中a中a中a中a中a中a中a中a中a中a中a中a中a中a中a中a中a");
	for (i = 0; i < 2; i++) {
		job = render(d, mm[i], &len);
		wk = walk_job(job, len);
		assert_true(wk.known);
		assert_int_equal(wk.rasters, 1);
		assert_true(wk.lines > 15);
		assert_true(wk.max_cols <= cols[i]);
		assert_true(wk.max_cols >= cols[i] - 2); /* the long lines are filled */
		free(job);
	}
	doc_free(&d);
}

static void test_escpos_invalid_bytes_become_a_placeholder(void **state)
{
	struct doc *d = doc_new("测试");
	unsigned char *job;
	struct walk wk;
	size_t len;

	(void)state;
	doc_line(d, "名\x01字",
		 "A\xFF"
		 "B\xED\xA0\x80"
		 "C\xE4\xB8");
	doc_text(d, "tab\there\x1b[2J", false, false);
	job = render(d, 58, &len);
	assert_non_null(find(job, len, "A?B???C?", 8));
	assert_non_null(find(job, len, "tab here?[2J", 12));
	assert_true(has_gb(job, len, "名?字："));
	wk = walk_job(job, len);
	assert_true(wk.known);
	free(job);
	doc_free(&d);
}

static void test_escpos_reprint_mark_only_when_set(void **state)
{
	struct doc *d = sample_doc(false);
	unsigned char *job;
	size_t len;

	(void)state;
	job = render(d, 58, &len);
	assert_false(has_gb(job, len, DOC_REPRINT_MARK));
	free(job);
	d->reprint = true;
	job = render(d, 58, &len);
	assert_true(has_gb(job, len, DOC_REPRINT_MARK));
	free(job);
	doc_free(&d);
}

static void test_escpos_refuses_other_widths_and_empty_qr(void **state)
{
	struct doc *d = sample_doc(false);
	struct hd_err err = { 0 };
	unsigned char *job = (unsigned char *)"x";
	size_t len = 1;

	(void)state;
	assert_int_equal(escpos_render(d, 70, &job, &len, &err), HD_BAD_INPUT);
	assert_null(job);
	assert_int_equal(len, 0);
	assert_true(err.msg[0] != '\0');
	doc_qr(d, "");
	assert_int_equal(escpos_render(d, 80, &job, &len, &err), HD_BAD_INPUT);
	assert_null(job);
	assert_string_equal(err.field, "qr");
	doc_free(&d);
}

static void test_find_raster_refuses_a_cut_short_image(void **state)
{
	static const unsigned char head[] = { 0x1d, 'v', '0', 0, 2, 0, 3, 0, 0xff, 0xff };
	size_t off;
	int wb, h;

	(void)state;
	assert_int_equal(escpos_find_raster(head, sizeof(head), &off, &wb, &h), 0);
	assert_int_equal(escpos_find_raster((const unsigned char *)"abc", 3, &off, &wb, &h), 0);
}

static int width_screen(uint32_t cp)
{
	return text_cp_width(cp);
}

static void test_wrap_fits_never_splits_and_keeps_words(void **state)
{
	const char *text =
		"社会组织服务中心 community hub, 街镇 supercalifragilisticexpialidocious 你好";
	char **lines, joined[512] = "";
	int n, i, cols;

	(void)state;
	for (cols = 2; cols <= 40; cols++) {
		n = doc_wrap(text, cols, width_screen, &lines);
		joined[0] = '\0';
		for (i = 0; i < n; i++) {
			assert_true(text_width(lines[i]) <= cols);
			assert_true(text_valid_utf8(lines[i]));
			assert_true(lines[i][0] != '\0');
			strcat(joined, lines[i]);
		}
		/* nothing lost but the spaces at the breaks */
		assert_true(strlen(joined) <= strlen(text));
		assert_true(strlen(joined) + (size_t)n >= strlen(text) - 1);
		doc_lines_free(&lines, n);
		assert_null(lines);
	}
	n = doc_wrap("community hub", 10, width_screen, &lines);
	assert_int_equal(n, 2);
	assert_string_equal(lines[0], "community");
	assert_string_equal(lines[1], "hub");
	doc_lines_free(&lines, n);
	n = doc_wrap("一行\n\n第三行", 40, width_screen, &lines);
	assert_int_equal(n, 3);
	assert_string_equal(lines[1], "");
	assert_string_equal(lines[2], "第三行");
	doc_lines_free(&lines, n);
	n = doc_wrap("", 10, width_screen, &lines);
	assert_int_equal(n, 1);
	assert_string_equal(lines[0], "");
	doc_lines_free(&lines, n);
}

static void test_clean_replaces_controls_and_invalid_bytes(void **state)
{
	char *s;

	(void)state;
	s = doc_clean("a\tb\r\nc\x7f\xC0\xAF", true);
	assert_string_equal(s, "a b\nc\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
	free(s);
	s = doc_clean("a\nb", false);
	assert_string_equal(s, "a b");
	free(s);
	s = doc_clean(NULL, false);
	assert_string_equal(s, "");
	free(s);
}

static void test_pdf_is_a_pdf_of_some_size(void **state)
{
	struct doc *d = sample_doc(true);
	struct hd_err err = { 0 };
	unsigned char *pdf = NULL;
	size_t len = 0;

	(void)state;
	assert_int_equal(pdf_render(d, &pdf, &len, &err), HD_OK);
	assert_non_null(pdf);
	assert_true(len > 4000);
	assert_memory_equal(pdf, "%PDF-", 5);
	assert_non_null(find(pdf + len - 32, 32, "%%EOF", 5));
	assert_non_null(find(pdf, len, "FontFile", 8)); /* the CJK font is embedded */
	free(pdf);
	doc_free(&d);
}

static void test_pdf_long_documents_go_on_to_more_pages(void **state)
{
	struct doc *d = sample_doc(false);
	struct hd_err err = { 0 };
	unsigned char *pdf = NULL;
	const char *count;
	size_t len = 0;
	int i;

	(void)state;
	for (i = 0; i < 80; i++)
		doc_line(d, "备注", "一段较长的说明文字，用来把文档撑到第二页。");
	doc_qr(d, SAMPLE_QR);
	assert_int_equal(pdf_render(d, &pdf, &len, &err), HD_OK);
	count = find(pdf, len, "/Count ", 7);
	assert_non_null(count);
	assert_true(atoi(count + 7) >= 2);
	free(pdf);
	doc_qr(d, "");
	assert_int_equal(pdf_render(d, &pdf, &len, &err), HD_BAD_INPUT);
	assert_null(pdf);
	doc_free(&d);
}

/* Checks every line of s fits cols columns; returns the number of lines. */
static int check_lines(const char *s, int cols)
{
	char line[512];
	const char *p = s, *nl;
	int n = 0;

	while ((nl = strchr(p, '\n'))) {
		assert_true((size_t)(nl - p) < sizeof(line));
		memcpy(line, p, (size_t)(nl - p));
		line[nl - p] = '\0';
		assert_true(text_width(line) <= cols);
		assert_false(text_has_control(line));
		p = nl + 1;
		n++;
	}
	assert_string_equal(p, "");
	return n;
}

static void test_preview_has_title_wraps_and_shows_the_qr_text(void **state)
{
	struct doc *d = sample_doc(false);
	char *s;
	int cols;

	(void)state;
	doc_line(d, "控制", "a\x1b[2Jb\xff");
	for (cols = 8; cols <= 60; cols += 4) {
		s = preview_text(d, cols);
		assert_true(check_lines(s, cols) > 10);
		assert_false(strstr(s, DOC_REPRINT_MARK));
		if (cols >= 24) {
			assert_non_null(strstr(s, SAMPLE_TITLE));
			assert_non_null(strstr(s, "[" SAMPLE_QR "]"));
			assert_non_null(strstr(s, "2026-11-23 09:00"));
		}
		free(s);
	}
	s = preview_text(d, 2);
	check_lines(s, 8);
	free(s);
	doc_free(&d);
}

static void test_preview_shows_the_reprint_mark(void **state)
{
	struct doc *d = sample_doc(true);
	char *s = preview_text(d, 40);

	(void)state;
	assert_non_null(strstr(s, DOC_REPRINT_MARK));
	assert_true(strstr(s, DOC_REPRINT_MARK) > strstr(s, SAMPLE_TITLE));
	free(s);
	doc_free(&d);
}

/* The place of the seal comes after the lines to sign on, its label at
 * the right edge of a receipt and of the preview, on A4 as a drawing. */
static void test_seal_place_follows_the_lines_to_sign_on(void **state)
{
	static const int mm[] = { 58, 80 }, cols[] = { 32, 48 };
	struct doc *d = doc_new("团队备案回执");
	struct hd_err err = { 0 };
	unsigned char *job, *pdf = NULL;
	const char *lines = "团队负责人（签字）：____________\n日期：______年____月____日";
	char *s, *mark;
	struct walk wk;
	size_t len;
	int i;

	(void)state;
	doc_seal(d, lines, "（盖章）");
	s = preview_text(d, 40);
	check_lines(s, 40);
	mark = strstr(s, "（盖章）");
	assert_non_null(mark);
	assert_true(mark > strstr(s, "日期：______年____月____日"));
	/* Its own line: 32 spaces, then the label's 8 columns. */
	assert_true(mark - s > 33 && mark[-33] == '\n');
	assert_true(strspn(mark - 32, " ") == 32);
	assert_true(mark[strlen("（盖章）")] == '\n');
	free(s);
	for (i = 0; i < 2; i++) {
		job = render(d, mm[i], &len);
		wk = walk_job(job, len);
		assert_true(wk.known);
		assert_true(wk.max_cols == cols[i]); /* the label ends at the edge */
		free(job);
	}
	assert_int_equal(pdf_render(d, &pdf, &len, &err), HD_OK);
	assert_memory_equal(pdf, "%PDF-", 5);
	free(pdf);
	doc_free(&d);
}

static void write_file(const char *dir, const char *name, const void *data, size_t len)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

/* The raster as a PBM (P4) with a white margin of one byte (8 dots). */
static void write_pbm(const char *dir, const char *name, const unsigned char *job, size_t len)
{
	char head[64], path[512];
	size_t off;
	int wb, h, y;
	FILE *f;
	unsigned char blank[80] = { 0 };

	assert_int_equal(escpos_find_raster(job, len, &off, &wb, &h), 1);
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	assert_non_null(f);
	snprintf(head, sizeof(head), "P4\n%d %d\n", (wb + 2) * 8, h + 16);
	fputs(head, f);
	for (y = 0; y < 8; y++)
		fwrite(blank, 1, (size_t)wb + 2, f);
	for (y = 0; y < h; y++) {
		fputc(0, f);
		fwrite(job + off + (size_t)y * (size_t)wb, 1, (size_t)wb, f);
		fputc(0, f);
	}
	for (y = 0; y < 8; y++)
		fwrite(blank, 1, (size_t)wb + 2, f);
	assert_int_equal(fclose(f), 0);
}

static void test_sample_files_when_asked(void **state)
{
	const char *dir = getenv("HUBDESK_SAMPLE_DIR");
	struct doc *d;
	struct hd_err err = { 0 };
	unsigned char *out = NULL;
	size_t len;

	(void)state;
	if (!dir || !*dir)
		return; /* not skip(): TAP would count "not ok # SKIP" as a failure */
	d = sample_doc(true);
	out = render(d, 80, &len);
	write_file(dir, "sample.bin", out, len);
	write_pbm(dir, "sample.pbm", out, len);
	free(out);
	out = render(d, 58, &len);
	write_file(dir, "sample58.bin", out, len);
	write_pbm(dir, "sample58.pbm", out, len);
	free(out);
	assert_int_equal(pdf_render(d, &out, &len, &err), HD_OK);
	write_file(dir, "sample.pdf", out, len);
	free(out);
	out = (unsigned char *)preview_text(d, 40);
	write_file(dir, "sample.txt", out, strlen((char *)out));
	free(out);
	doc_free(&d);
}

static int group_setup(void **state)
{
	(void)state;
	setenv("TZ", "Asia/Shanghai", 1);
	tzset();
	return setlocale(LC_ALL, "C.UTF-8") ? 0 : -1;
}

static void test_cups_reasons_a_desk_can_act_on_are_told_in_words(void **state)
{
	(void)state;
	assert_string_equal(cups_reason_words("media-empty-error"), "out of paper");
	assert_string_equal(cups_reason_words("media-needed"), "out of paper");
	assert_string_equal(cups_reason_words("media-jam-warning"), "paper jam");
	assert_string_equal(cups_reason_words("offline-report"), "offline");
	assert_string_equal(cups_reason_words("connecting-to-device"), "cannot reach the printer");
	assert_null(cups_reason_words("media-emptyish"));
	assert_null(cups_reason_words("cups-waiting-for-job-completed"));
	assert_null(cups_reason_words(NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escpos_starts_with_init_and_chinese_mode),
		cmocka_unit_test(test_escpos_title_and_text_are_gb18030),
		cmocka_unit_test(test_escpos_qr_raster_fits_the_paper),
		cmocka_unit_test(test_escpos_ends_with_a_cut),
		cmocka_unit_test(test_escpos_lines_never_exceed_the_paper),
		cmocka_unit_test(test_escpos_invalid_bytes_become_a_placeholder),
		cmocka_unit_test(test_escpos_reprint_mark_only_when_set),
		cmocka_unit_test(test_escpos_refuses_other_widths_and_empty_qr),
		cmocka_unit_test(test_find_raster_refuses_a_cut_short_image),
		cmocka_unit_test(test_wrap_fits_never_splits_and_keeps_words),
		cmocka_unit_test(test_clean_replaces_controls_and_invalid_bytes),
		cmocka_unit_test(test_pdf_is_a_pdf_of_some_size),
		cmocka_unit_test(test_pdf_long_documents_go_on_to_more_pages),
		cmocka_unit_test(test_preview_has_title_wraps_and_shows_the_qr_text),
		cmocka_unit_test(test_preview_shows_the_reprint_mark),
		cmocka_unit_test(test_seal_place_follows_the_lines_to_sign_on),
		cmocka_unit_test(test_sample_files_when_asked),
		cmocka_unit_test(test_cups_reasons_a_desk_can_act_on_are_told_in_words),
	};

	setlocale(LC_ALL, "C.UTF-8");
	return cmocka_run_group_tests(tests, group_setup, pdf_group_teardown);
}
