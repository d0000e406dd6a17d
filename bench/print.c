/* SPDX-License-Identifier: GPL-3.0-or-later */
/* print.c - the print measures of `make bench`: a booking receipt (eight
 * Chinese label/value lines and a QR) rendered as ESC/POS for 80 mm paper
 * and as an A4 PDF, and, when BENCH_CUPS_QUEUE names a queue, the ESC/POS
 * job handed to CUPS with cups_submit. The document is built once, as the
 * desk builds it; each measure is the median of repeated runs after one
 * uncounted run (the first PDF loads the fonts, the first submission finds
 * the server). */
#include "bench/bench.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "printing/cups.h"
#include "printing/doc.h"
#include "printing/escpos.h"
#include "printing/pdf.h"

#define RENDER_REPS 51 /* renders of each format */
#define SUBMIT_REPS 21 /* jobs sent to the queue */
#define RECEIPT_MM 80

/* 2026-11-23 09:00 in Asia/Shanghai, as a fixed footer time. */
#define RECEIPT_WHEN ((time_t)1795395600)

/* A booking receipt as the desk prints one. */
static struct doc *receipt_doc(void)
{
	struct doc *d = doc_new("场地预约回执");

	doc_line(d, "预约编号", "20261123-0042");
	doc_line(d, "场地", "二楼多功能活动室（201）");
	doc_line(d, "预约方", "浦东新区阳光社工服务社");
	doc_line(d, "日期", "2026年11月25日 星期三");
	doc_line(d, "时间", "14:00-16:00");
	doc_line(d, "人数", "24");
	doc_line(d, "用途", "社区老年人智能手机使用培训");
	doc_line(d, "联系人", "王丽 138****5678");
	doc_rule(d);
	doc_text(d, "请于开始前后 15 分钟内在前台扫码签到，逾时未签到的预约将被释放。", false,
		 false);
	doc_qr(d, "HD1-B-42-7QK3M9TZ1D");
	doc_footer(d, "花园街道社会组织服务中心", RECEIPT_WHEN,
		   "二维码只含预约编号的签名，不含个人信息。");
	return d;
}

static enum hd_status render(const struct doc *d, bool pdf, unsigned char **out, size_t *len,
			     struct hd_err *err)
{
	return pdf ? pdf_render(d, out, len, err) : escpos_render(d, RECEIPT_MM, out, len, err);
}

/* Renders d RENDER_REPS times in one format; prints the median as name. */
static enum hd_status measure_render(const struct doc *d, bool pdf, const char *name,
				     struct hd_err *err)
{
	double t[RENDER_REPS], t0;
	enum hd_status rc;
	unsigned char *bytes;
	size_t len;
	int i;

	for (i = -1; i < RENDER_REPS; i++) {
		t0 = bench_ms();
		rc = render(d, pdf, &bytes, &len, err);
		if (rc != HD_OK)
			return rc;
		if (i >= 0)
			t[i] = bench_ms() - t0;
		free(bytes);
	}
	bench_print_ms(name, bench_median(t, RENDER_REPS));
	return HD_OK;
}

/* Sends the ESC/POS job to queue SUBMIT_REPS times and prints the median
 * as name: the submission alone, or with follow set until CUPS says the job
 * completed (the sink on loopback takes it). The desk never waits for the
 * latter: it follows its jobs every two seconds, off the key path. */
static enum hd_status measure_submit(const struct doc *d, const char *queue, bool follow,
				     const char *name, struct hd_err *err)
{
	double t[SUBMIT_REPS], t0;
	enum print_fault fault;
	enum job_end end;
	enum hd_status rc;
	unsigned char *bytes;
	size_t len;
	int i, job;

	rc = escpos_render(d, RECEIPT_MM, &bytes, &len, err);
	if (rc != HD_OK)
		return rc;
	for (i = -1; i < SUBMIT_REPS && rc == HD_OK; i++) {
		t0 = bench_ms();
		rc = cups_submit(queue, PRINT_MIME_ESCPOS, "hubdesk bench", bytes, len, &job,
				 &fault, err);
		/* Asked after as fast as CUPS answers, for at most ten seconds. */
		for (end = follow ? JOB_ACTIVE : JOB_COMPLETED;
		     rc == HD_OK && end == JOB_ACTIVE && bench_ms() - t0 < 10000;)
			end = cups_job_end(job, NULL, NULL, 0);
		if (rc == HD_OK && end != JOB_COMPLETED)
			rc = hd_err_set(err, HD_FAIL, "", "CUPS job %d did not complete", job);
		if (rc == HD_OK && i >= 0)
			t[i] = bench_ms() - t0;
	}
	free(bytes);
	if (rc == HD_OK)
		bench_print_ms(name, bench_median(t, SUBMIT_REPS));
	return rc;
}

enum hd_status bench_print_measures(struct hd_err *err)
{
	const char *queue = getenv("BENCH_CUPS_QUEUE");
	struct doc *d = receipt_doc();
	enum hd_status rc;

	rc = measure_render(d, false, "render_escpos_receipt", err);
	if (rc == HD_OK)
		rc = measure_render(d, true, "render_pdf_receipt", err);
	if (rc == HD_OK && queue && *queue)
		rc = measure_submit(d, queue, false, "cups_submit_escpos", err);
	if (rc == HD_OK && queue && *queue)
		rc = measure_submit(d, queue, true, "print_followed_escpos", err);
	doc_free(&d);
	pdf_release_fonts();
	return rc;
}
