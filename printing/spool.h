/* SPDX-License-Identifier: GPL-3.0-or-later */
/* spool.h - the print spool: every document is stored in the spool table
 * before it is sent, and marked done only when CUPS took it. When CUPS or the
 * queue is away, or no printer is set, the document waits (and is also
 * written to the spool folder as <kind>-<record id>-<copy>.pdf|.bin) until
 * spool_retry() delivers it. A failed print is never the failure of the
 * action that printed: the desk is told, and the document waits.
 *
 * The spool folder is HUBDESK_SPOOL, else "spool" beside the database. */
#ifndef HD_SPOOL_H
#define HD_SPOOL_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "core/actor.h"
#include "core/db.h"
#include "core/spool_row.h"
#include "core/status.h"

#define SPOOL_PATH_MAX 512
#define SPOOL_QUEUE_MAX 128
#define SPOOL_STALE_SECONDS 600 /* a 'sending' row older than this was left by a crash */

enum spool_format { SPOOL_ESCPOS, SPOOL_PDF };

/* What became of one print. */
struct spool_outcome {
	bool delivered;              /* CUPS took it */
	int cups_job;                /* its CUPS job id when delivered */
	int copy;                    /* 1 the first print of the record, 2, 3 ... reprints */
	char queue[SPOOL_QUEUE_MAX]; /* where it went or was meant to go ("" none) */
	char file[SPOOL_PATH_MAX];   /* the spool file when it waits ("" none) */
	char message[512];           /* for the desk, translated: sent, or why it waits */
};

/* A row of the spool (the document's bytes stay in the database). */
struct spool_entry {
	long long id, record_id;
	enum spool_kind kind;
	int copy;
	enum spool_format format;
	char queue[SPOOL_QUEUE_MAX];
	enum spool_state state;
	int attempts;
	char last_error[256];
	int cups_job;
	char file[SPOOL_PATH_MAX];
	time_t created, updated;
};

/* Stores the document (the copy number is 1 + the earlier prints of
 * kind/record_id), audits it as "print" (first copy) or "reprint", then
 * sends it to queue ("" = no printer: it waits). *spool_id is the row. HD_OK
 * whenever the row was stored, delivered or not (see out); HD_BAD_INPUT for
 * no kind or no data, HD_FAIL when the database cannot store it. */
enum hd_status spool_print(struct db *db, const struct hd_actor *who, enum spool_kind kind,
			   long long record_id, enum spool_format format, const char *queue,
			   const unsigned char *data, size_t len, long long *spool_id,
			   struct spool_outcome *out, struct hd_err *err);

/* The same in two steps, for a document that carries its own spool id (the
 * test page's QR): spool_reserve() opens a transaction (BEGIN IMMEDIATE) and
 * inserts the row without data, giving *spool_id and *copy; for a kind that
 * is its own record (a test page, a list) with record_id 0 the record is the
 * row itself. Then exactly one of
 * spool_send() (stores the data, audits, commits, sends) or spool_cancel()
 * (rolls the row back). On a failed reserve no transaction is left open:
 * HD_BAD_INPUT for an unknown kind, HD_FAIL when the database fails. */
enum hd_status spool_reserve(struct db *db, enum spool_kind kind, long long record_id,
			     enum spool_format format, const char *queue, long long *spool_id,
			     int *copy, struct hd_err *err);
/* HD_OK once the data is stored, delivered or not (see out); HD_BAD_INPUT
 * for no data, HD_NOT_FOUND for an unknown spool_id, HD_FAIL when the
 * database cannot store it. */
enum hd_status spool_send(struct db *db, const struct hd_actor *who, long long spool_id,
			  const unsigned char *data, size_t len, struct spool_outcome *out,
			  struct hd_err *err);
void spool_cancel(struct db *db);

/* Follows the jobs CUPS took ('printing' rows): a completed job (or one CUPS
 * has forgotten) makes its document done; one CUPS aborted, cancelled or
 * stopped (a stopped one is cancelled first) makes it wait again with the
 * reason, to be sent again; one still pending or printing is waited on,
 * never sent twice. *printed and *failed count what ended. HD_FAIL when the
 * database fails. */
enum hd_status spool_follow(struct db *db, int *printed, int *failed, struct hd_err *err);

/* Sends every waiting document, in id order, each at most once: a row is
 * marked 'sending' in its own BEGIN IMMEDIATE transaction before it goes,
 * so two desks cannot both send it, and goes back to 'waiting' when CUPS
 * does not take it; a 'sending' row older than SPOOL_STALE_SECONDS (left by
 * a crash) waits again first. A document whose queue is "" goes to the
 * printer now set for its format (ESC/POS: printer.receipt, PDF:
 * printer.a4). When CUPS cannot be reached the rest are not tried. The
 * spool file of a delivered document is removed. *delivered and
 * *still_waiting count the outcome. HD_FAIL only for the database. */
enum hd_status spool_retry(struct db *db, int *delivered, int *still_waiting, struct hd_err *err);

/* How many times kind/record_id was printed before (0: never). */
int spool_copies(struct db *db, enum spool_kind kind, long long record_id);

/* The request asked for with kind/record_id (print_request.h) whose
 * document could not be made now (the printing module missing, say) waits
 * for the spool's retry, why kept as its last error; nothing when there is
 * none. HD_OK, or HD_FAIL when the database fails. */
enum hd_status spool_defer(struct db *db, enum spool_kind kind, long long record_id,
			   const char *why, struct hd_err *err);

/* spool_retry for the desk's own retries: a document that failed rests
 * 2^(n-1) minutes after its n-th attempt (at most half an hour) before it
 * is tried again. HD_FAIL only for the database. */
enum hd_status spool_retry_due(struct db *db, int *delivered, int *still_waiting,
			       struct hd_err *err);

/* How many documents are not done (waiting, being sent, or printing in
 * CUPS); -1 when the database cannot say. */
int spool_waiting_count(struct db *db);

/* How many documents CUPS is printing (their jobs to follow); -1 when the
 * database cannot say. */
int spool_printing_count(struct db *db);

/* The documents not done, in id order, into *out (n of them; the caller
 * frees *out; NULL when none). HD_FAIL when the database fails. */
enum hd_status spool_list_waiting(struct db *db, struct spool_entry **out, int *n,
				  struct hd_err *err);

/* One row; HD_NOT_FOUND when there is none. */
enum hd_status spool_get(struct db *db, long long id, struct spool_entry *out, struct hd_err *err);

/* The spool folder of db into out: HUBDESK_SPOOL, else <database folder>/spool
 * (on a server: $XDG_STATE_HOME/hubdesk/spool, else ~/.local/state/hubdesk/spool). */
void spool_dir(struct db *db, char *out, size_t outsz);

/* "escpos" or "pdf". */
const char *spool_format_word(enum spool_format f);

#endif
