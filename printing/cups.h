/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cups.h - the one place that talks to CUPS (libcups 2.4): sending a
 * document to a queue with the destination API, the state of a queue, and
 * the list of destinations. The server is libcups' own choice (CUPS_SERVER,
 * client.conf, else the local scheduler). Every call is bounded: the server
 * is first reached with a connection of its own that gives up after
 * PRINT_TIMEOUT_MS, so a missing CUPS is told at once. Messages are for
 * people (translated). */
#ifndef HD_CUPS_H
#define HD_CUPS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/status.h"

#define PRINT_TIMEOUT_MS 3000

#define PRINT_MIME_ESCPOS "application/vnd.cups-raw"
#define PRINT_MIME_PDF "application/pdf"

/* Why a document was not taken. */
enum print_fault {
	PRINT_FAULT_NONE,     /* CUPS took it */
	PRINT_FAULT_AWAY,     /* CUPS cannot be reached */
	PRINT_FAULT_NO_QUEUE, /* no queue of that name */
	PRINT_FAULT_STOPPED,  /* the queue is stopped or rejects documents */
	PRINT_FAULT_OTHER     /* anything else CUPS said */
};

/* How a queue is, as the top line and `print status` show it. */
enum printer_condition {
	PRINTER_READY,    /* idle, accepting documents */
	PRINTER_PRINTING, /* processing a document */
	PRINTER_STOPPED,  /* stopped, or not accepting documents */
	PRINTER_UNKNOWN,  /* CUPS has no queue of that name */
	PRINTER_AWAY      /* CUPS cannot be reached */
};

struct printer_state {
	enum printer_condition condition;
	bool accepting;    /* printer-is-accepting-jobs */
	char message[256]; /* CUPS's printer-state-message (else its reasons), "" when none */
};

/* Sends len bytes of data as one job to queue. format is PRINT_MIME_ESCPOS
 * (raw, for the receipt queue) or PRINT_MIME_PDF; title names the job
 * in CUPS (no personal data). A stopped or rejecting queue is not sent to:
 * the document would sit there unprinted. HD_OK with *job the CUPS job id;
 * else HD_FAIL with *fault and a plain message. */
enum hd_status cups_submit(const char *queue, const char *format, const char *title,
			   const unsigned char *data, size_t len, int *job, enum print_fault *fault,
			   struct hd_err *err);

/* The state of queue, asked within PRINT_TIMEOUT_MS. A missing CUPS or queue
 * is a state, not a failure. */
void cups_state(const char *queue, struct printer_state *out);

/* What became of a job CUPS took. */
enum job_end {
	JOB_ACTIVE,     /* pending, held or printing: wait for it */
	JOB_COMPLETED,  /* printed */
	JOB_FAILED,     /* aborted, cancelled, or stopped (then cancelled here): not printed */
	JOB_GONE,       /* CUPS no longer knows the job, or its number names another
			 * document now (a print server that lost its jobs) */
	JOB_UNREACHABLE /* CUPS cannot be reached now */
};

/* Asks CUPS, within PRINT_TIMEOUT_MS, where job stands. title (may be NULL)
 * is the name the job was sent with: a job of another name is not it. A
 * stopped job is cancelled, so that a document sent again can never print
 * twice. why
 * (whysz bytes; may be NULL) says why a job failed, in words where the desk
 * knows the reason. */
enum job_end cups_job_end(int job, const char *title, char *why, size_t whysz);

/* A printer-state-reasons keyword the desk can act on in words, translated
 * ("media-empty-error": 缺纸), or NULL for one it does not know. */
const char *cups_reason_words(const char *keyword);

/* A word or two for a condition, translated ("ready", "stopped" ...). */
const char *cups_condition_text(enum printer_condition c);

/* The names of CUPS's destinations (cupsGetDests2), the default first, into
 * *names (n of them; the caller frees with cups_names_free()). HD_FAIL when
 * CUPS cannot be reached. */
enum hd_status cups_destinations(char ***names, int *n, struct hd_err *err);

/* Frees what cups_destinations gave (NULL is fine). */
void cups_names_free(char **names, int n);

#endif
