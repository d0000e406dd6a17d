/* SPDX-License-Identifier: GPL-3.0-or-later */
/* spool.c - the print spool: store first, send, mark done only when CUPS took
 * the document; otherwise keep it waiting, as a row and as a file. */
#include "printing/spool.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/audit.h"
#include "core/clock.h"
#include "core/db.h"
#include "core/i18n.h"
#include "core/json.h"
#include "core/settings.h"
#include "core/visit.h"
#include "core/xalloc.h"
#include "printing/cups.h"
#include "printing/render.h"

/* A request (core/print_request.h) is a row 'sending' without bytes: it
 * is not a copy printed yet, and the first print takes it. */
static const char SQL_COUNT_COPIES[] =
	"SELECT count(*) FROM spool WHERE kind = $1 AND record_id = $2"
	" AND NOT (state = 'sending' AND data IS NULL)";
static const char SQL_FIND_REQUEST[] =
	"SELECT id, copy FROM spool WHERE kind = $1 AND record_id = $2 AND state = 'sending'"
	" AND data IS NULL ORDER BY id LIMIT 1";
static const char SQL_TAKE_REQUEST[] =
	"UPDATE spool SET format = $2, queue = $3, updated = $4 WHERE id = $1";
static const char SQL_DEFER[] =
	"UPDATE spool SET state = 'waiting', attempts = attempts + 1, last_error = $3, updated = $4"
	" WHERE id = (SELECT id FROM spool WHERE kind = $1 AND record_id = $2"
	" AND state = 'sending' AND data IS NULL ORDER BY id LIMIT 1)";
static const char SQL_INSERT[] =
	"INSERT INTO spool(kind, record_id, copy, format, queue, state, created, updated)"
	" VALUES ($1, $2, $3, $4, $5, 'sending', $6, $6) RETURNING id";
static const char SQL_SELF_RECORD[] = "UPDATE spool SET record_id = id WHERE id = $1";
static const char SQL_SET_DATA[] = "UPDATE spool SET data = $2 WHERE id = $1 AND state = 'sending'";
static const char SQL_AUDIT_AFTER[] =
	"SELECT kind, record_id, copy, format, queue FROM spool WHERE id = $1";
static const char *const AUDIT_KEYS[] = { "kind", "record_id", "copy", "format", "queue", NULL };
/* CUPS took it: printing until CUPS says how its job ended. */
static const char SQL_DONE[] =
	"UPDATE spool SET state = 'printing', cups_job = $2, queue = $3, attempts = attempts + 1,"
	" last_error = NULL, file = NULL, updated = $4 WHERE id = $1";
static const char SQL_PRINTING[] =
	"SELECT id, coalesce(cups_job, 0), kind, record_id, copy FROM spool"
	" WHERE state = 'printing' ORDER BY id";
static const char SQL_PRINTED[] =
	"UPDATE spool SET state = 'done', updated = $2 WHERE id = $1 AND state = 'printing'";
static const char SQL_NOT_PRINTED[] =
	"UPDATE spool SET state = 'waiting', last_error = $2, updated = $3"
	" WHERE id = $1 AND state = 'printing'";
static const char SQL_WAIT[] =
	"UPDATE spool SET state = 'waiting', attempts = attempts + $2, last_error = $3,"
	" file = $4, updated = $5 WHERE id = $1";
static const char SQL_UNSTICK[] =
	"UPDATE spool SET state = 'waiting', updated = $1 WHERE state = 'sending' AND updated < $2";
/* With $3 set, only a document whose turn has come: after its n-th failed
 * attempt it rests 2^(n-1) minutes, at most half an hour (the desk's own
 * retries back off; a retry asked for by hand tries everything). */
static const char SQL_NEXT_WAITING[] =
	"SELECT id, data FROM spool WHERE state = 'waiting' AND id > $1"
	" AND ($3 = 0 OR attempts = 0 OR updated + CASE attempts WHEN 1 THEN 60 WHEN 2 THEN 120"
	" WHEN 3 THEN 240 WHEN 4 THEN 480 WHEN 5 THEN 960 ELSE 1800 END <= $2)"
	" ORDER BY id LIMIT 1";
static const char SQL_CLAIM[] =
	"UPDATE spool SET state = 'sending', updated = $2 WHERE id = $1 AND state = 'waiting'";
static const char SQL_MADE[] = "UPDATE spool SET data = $2, format = $3, queue = $4 WHERE id = $1";
static const char SQL_FINISH[] =
	"UPDATE spool SET state = 'done', last_error = $2, file = NULL, updated = $3 WHERE id = $1";
static const char SQL_WAITING_COUNT[] = "SELECT count(*) FROM spool WHERE state != 'done'";
static const char SQL_PRINTING_COUNT[] = "SELECT count(*) FROM spool WHERE state = 'printing'";
static const char SQL_NOT_TAKEN_COUNT[] =
	"SELECT count(*) FROM spool WHERE state IN ('waiting', 'sending')";
#define ENTRY_COLUMNS                                                                             \
	"SELECT id, kind, record_id, copy, format, queue, state, attempts, last_error, cups_job," \
	" file, created, updated FROM spool"
static const char SQL_GET[] = ENTRY_COLUMNS " WHERE id = $1";
static const char SQL_LIST_WAITING[] = ENTRY_COLUMNS " WHERE state != 'done' ORDER BY id";

const char *spool_format_word(enum spool_format f)
{
	return f == SPOOL_PDF ? "pdf" : "escpos";
}

void spool_dir(struct db *db, char *out, size_t outsz)
{
	const char *env = getenv("HUBDESK_SPOOL");
	const char *path = db ? db_file(db) : NULL;
	const char *slash;

	if (env && *env) {
		snprintf(out, outsz, "%s", env);
		return;
	}
	/* A database on a server has no folder: the desk's own state folder. */
	if (db && db_is_server(db)) {
		const char *state = getenv("XDG_STATE_HOME"), *home = getenv("HOME");

		if (state && *state == '/')
			snprintf(out, outsz, "%s/hubdesk/spool", state);
		else
			snprintf(out, outsz, "%s/.local/state/hubdesk/spool",
				 home && *home ? home : "/tmp");
		return;
	}
	slash = path ? strrchr(path, '/') : NULL;
	if (!slash)
		snprintf(out, outsz, "spool");
	else if (slash == path)
		snprintf(out, outsz, "/spool");
	else
		snprintf(out, outsz, "%.*s/spool", (int)(slash - path), path);
}

/* mkdir -p with mode 0700 for what it creates. */
static int make_dirs(const char *dir)
{
	char path[SPOOL_PATH_MAX];
	char *p;

	if (snprintf(path, sizeof(path), "%s", dir) >= (int)sizeof(path))
		return -1;
	for (p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0700) != 0 && errno != EEXIST)
			return -1;
		*p = '/';
	}
	if (mkdir(path, 0700) != 0 && errno != EEXIST)
		return -1;
	return 0;
}

/* Writes the document to the spool folder as <kind>-<record>-<copy>.ext
 * (readable by its owner only: it may hold personal data). 0 and the path in
 * file, or -1 with errno. */
static int write_file(struct db *db, const struct spool_entry *e, const unsigned char *data,
		      size_t len, char *file, size_t filesz)
{
	char dir[SPOOL_PATH_MAX], tmp[SPOOL_PATH_MAX + 8];
	size_t done = 0;
	int fd, saved;

	spool_dir(db, dir, sizeof(dir));
	if (make_dirs(dir) != 0)
		return -1;
	if (snprintf(file, filesz, "%s/%s-%lld-%d.%s", dir, spool_kind_text(e->kind), e->record_id,
		     e->copy, e->format == SPOOL_PDF ? "pdf" : "bin") >= (int)filesz) {
		errno = ENAMETOOLONG;
		return -1;
	}
	snprintf(tmp, sizeof(tmp), "%s.part", file);
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0)
		return -1;
	while (done < len) {
		ssize_t w = write(fd, data + done, len - done);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			goto fail;
		done += (size_t)w;
	}
	if (fsync(fd) != 0 || close(fd) != 0) {
		fd = -1;
		goto fail;
	}
	if (rename(tmp, file) != 0) {
		fd = -1;
		goto fail;
	}
	return 0;
fail:
	saved = errno;
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	errno = saved;
	return -1;
}

static void read_entry(struct db_stmt *st, void *rec)
{
	struct spool_entry *e = rec;
	char kind[16], format[16], state[16];

	memset(e, 0, sizeof(*e));
	e->id = db_col_int(st, 0);
	db_column_text(st, 1, kind, sizeof(kind));
	e->kind = spool_kind_of(kind);
	e->record_id = db_col_int(st, 2);
	e->copy = (int)db_col_int(st, 3);
	db_column_text(st, 4, format, sizeof(format));
	e->format = strcmp(format, "pdf") == 0 ? SPOOL_PDF : SPOOL_ESCPOS;
	db_column_text(st, 5, e->queue, sizeof(e->queue));
	db_column_text(st, 6, state, sizeof(state));
	e->state = spool_state_of(state);
	e->attempts = (int)db_col_int(st, 7);
	db_column_text(st, 8, e->last_error, sizeof(e->last_error));
	e->cups_job = (int)db_col_int(st, 9);
	db_column_text(st, 10, e->file, sizeof(e->file));
	e->created = (time_t)db_col_int(st, 11);
	e->updated = (time_t)db_col_int(st, 12);
}

enum hd_status spool_get(struct db *db, long long id, struct spool_entry *out, struct hd_err *err)
{
	struct db_stmt *st = NULL;
	enum hd_status rc;
	enum db_step step;

	rc = db_prepare(db, SQL_GET, &st, err);
	if (rc != HD_OK)
		return rc;
	db_bind_int(st, 1, id);
	step = db_step(st);
	if (step == DB_ROW)
		read_entry(st, out);
	else if (step == DB_DONE)
		rc = hd_err_set(err, HD_NOT_FOUND, "id", _("no print job %lld in the spool"), id);
	else
		rc = db_step_fail(st, err);
	db_done(st);
	return rc;
}

/* Steps the prepared (and bound) statement *st once and finalises it; HD_OK
 * when it ran. */
static enum hd_status exec_stmt(struct db_stmt **st, struct hd_err *err)
{
	enum db_step step = db_step(*st);
	enum hd_status rc = step == DB_DONE || step == DB_ROW ? HD_OK : db_step_fail(*st, err);

	db_done(*st);
	*st = NULL;
	return rc;
}

/* The request of kind/record_id asked for with the record, when there is
 * one: it becomes this print (format and queue chosen now). HD_NOT_FOUND
 * when there is none. */
static enum hd_status take_request(struct db *db, enum spool_kind kind, long long record_id,
				   enum spool_format format, const char *queue, long long *spool_id,
				   int *copy, struct hd_err *err)
{
	struct db_stmt *st = NULL;
	enum hd_status rc;
	enum db_step step;

	rc = db_prepare(db, SQL_FIND_REQUEST, &st, err);
	if (rc != HD_OK)
		return rc;
	db_bind_text(st, 1, spool_kind_text(kind));
	db_bind_int(st, 2, record_id);
	step = db_step(st);
	if (step == DB_ROW) {
		*spool_id = db_col_int(st, 0);
		*copy = (int)db_col_int(st, 1);
	} else if (step == DB_DONE) {
		rc = HD_NOT_FOUND;
	} else {
		rc = db_step_fail(st, err);
	}
	db_done(st);
	if (rc != HD_OK)
		return rc;
	rc = db_prepare(db, SQL_TAKE_REQUEST, &st, err);
	if (rc != HD_OK)
		return rc;
	db_bind_int(st, 1, *spool_id);
	db_bind_text(st, 2, spool_format_word(format));
	db_bind_text(st, 3, queue ? queue : "");
	db_bind_int(st, 4, clock_now());
	return exec_stmt(&st, err);
}

enum hd_status spool_reserve(struct db *db, enum spool_kind kind, long long record_id,
			     enum spool_format format, const char *queue, long long *spool_id,
			     int *copy, struct hd_err *err)
{
	struct db_stmt *st = NULL;
	bool self = !spool_kind_of_record(kind) && record_id == 0;
	enum hd_status rc;
	time_t now = clock_now();

	*spool_id = 0;
	*copy = 1;
	if ((int)kind < 0 || kind >= SPOOL_KIND_COUNT)
		return hd_err_set(err, HD_BAD_INPUT, "kind", _("unknown kind of document: %s"),
				  spool_kind_text(kind));
	rc = db_begin(db, err);
	if (rc != HD_OK)
		return rc;
	if (!self) {
		rc = take_request(db, kind, record_id, format, queue, spool_id, copy, err);
		if (rc != HD_NOT_FOUND)
			goto done;
		rc = db_prepare(db, SQL_COUNT_COPIES, &st, err);
		if (rc != HD_OK)
			goto done;
		db_bind_text(st, 1, spool_kind_text(kind));
		db_bind_int(st, 2, record_id);
		if (db_step(st) != DB_ROW) {
			rc = db_step_fail(st, err);
			goto done;
		}
		*copy = (int)db_col_int(st, 0) + 1;
		db_done(st);
		st = NULL;
	}
	rc = db_prepare(db, SQL_INSERT, &st, err);
	if (rc != HD_OK)
		goto done;
	db_bind_text(st, 1, spool_kind_text(kind));
	db_bind_int(st, 2, record_id);
	db_bind_int(st, 3, *copy);
	db_bind_text(st, 4, spool_format_word(format));
	db_bind_text(st, 5, queue ? queue : "");
	db_bind_int(st, 6, now);
	if (db_step(st) != DB_ROW) {
		rc = db_step_fail(st, err);
		goto done;
	}
	*spool_id = db_col_int(st, 0);
	db_done(st);
	st = NULL;
	if (self) {
		rc = db_prepare(db, SQL_SELF_RECORD, &st, err);
		if (rc != HD_OK)
			goto done;
		db_bind_int(st, 1, *spool_id);
		rc = exec_stmt(&st, err);
	}
done:
	db_done(st);
	if (rc != HD_OK) {
		db_rollback(db);
		*spool_id = 0;
	}
	return rc;
}

void spool_cancel(struct db *db)
{
	db_rollback(db);
}

/* Marks row e done (CUPS job) or waiting again (reason, attempted when a
 * queue was tried, the spool file), in a transaction of its own. */
/* A row that will not be printed (no longer needed, or its record gone):
 * done, with the reason kept. */
static enum hd_status finish(struct db *db, const struct spool_entry *e, const char *reason,
			     struct hd_err *err)
{
	struct db_stmt *st = NULL;
	enum hd_status rc;

	rc = db_begin(db, err);
	if (rc == HD_OK)
		rc = db_prepare(db, SQL_FINISH, &st, err);
	if (rc == HD_OK) {
		db_bind_int(st, 1, e->id);
		db_bind_text(st, 2, reason);
		db_bind_int(st, 3, clock_now());
		rc = exec_stmt(&st, err);
	}
	rc = db_finish(db, rc, err);
	/* The copy kept while it waited goes too. */
	if (rc == HD_OK && *e->file)
		unlink(e->file);
	return rc;
}

static enum hd_status mark(struct db *db, const struct spool_entry *e, bool done_ok, int job,
			   const char *queue, bool attempted, const char *reason, const char *file,
			   struct hd_err *err)
{
	struct db_stmt *st = NULL;
	enum hd_status rc;

	rc = db_begin(db, err);
	if (rc != HD_OK)
		return rc;
	rc = db_prepare(db, done_ok ? SQL_DONE : SQL_WAIT, &st, err);
	if (rc != HD_OK)
		return db_finish(db, rc, err);
	db_bind_int(st, 1, e->id);
	if (done_ok) {
		db_bind_int(st, 2, job);
		db_bind_text(st, 3, queue);
		db_bind_int(st, 4, clock_now());
	} else {
		db_bind_int(st, 2, attempted ? 1 : 0);
		db_bind_text(st, 3, reason);
		if (file && *file)
			db_bind_text(st, 4, file);
		else
			db_bind_null(st, 4);
		db_bind_int(st, 5, clock_now());
	}
	rc = exec_stmt(&st, err);
	return db_finish(db, rc, err);
}

/* The name a document's job is sent with, by which it is known again. */
static void job_title(enum spool_kind kind, long long record_id, int copy, char *out, size_t outsz)
{
	snprintf(out, outsz, "hubdesk %s %lld-%d", spool_kind_text(kind), record_id, copy);
}

/* Sends the claimed row e (state 'sending') to queue and records what
 * happened; fills out. *fault says why it was not taken. */
static enum hd_status deliver(struct db *db, const struct spool_entry *e, const char *queue,
			      const unsigned char *data, size_t len, struct spool_outcome *out,
			      enum print_fault *fault, struct hd_err *err)
{
	char title[64], reason[sizeof(((struct hd_err *)0)->msg)];
	struct hd_err cerr;
	int job = 0;

	memset(out, 0, sizeof(*out));
	out->copy = e->copy;
	snprintf(out->queue, sizeof(out->queue), "%s", queue);
	*fault = PRINT_FAULT_NONE;
	job_title(e->kind, e->record_id, e->copy, title, sizeof(title));
	if (!*queue) {
		snprintf(reason, sizeof(reason), "%s", _("no printer is set for this document"));
	} else if (cups_submit(queue, e->format == SPOOL_PDF ? PRINT_MIME_PDF : PRINT_MIME_ESCPOS,
			       title, data, len, &job, fault, &cerr) == HD_OK) {
		out->delivered = true;
		out->cups_job = job;
		snprintf(out->message, sizeof(out->message), _("sent to printer %s (CUPS job %d)"),
			 queue, job);
		if (e->file[0])
			unlink(e->file);
		return mark(db, e, true, job, queue, true, NULL, NULL, err);
	} else {
		snprintf(reason, sizeof(reason), "%s", cerr.msg);
	}
	/* It waits: as a row, and as a file someone can print by hand. */
	if (e->file[0] && access(e->file, F_OK) == 0) {
		snprintf(out->file, sizeof(out->file), "%s", e->file);
	} else if (write_file(db, e, data, len, out->file, sizeof(out->file)) != 0) {
		snprintf(out->message, sizeof(out->message),
			 _("%s; the document waits in the print spool (it could not be saved as a "
			   "file: %s)"),
			 reason, strerror(errno));
		out->file[0] = '\0';
		return mark(db, e, false, 0, queue, *queue != '\0', reason, NULL, err);
	}
	snprintf(out->message, sizeof(out->message),
		 _("%s; the document waits in the print spool and was saved as %s"), reason,
		 out->file);
	return mark(db, e, false, 0, queue, *queue != '\0', reason, out->file, err);
}

enum hd_status spool_send(struct db *db, const struct hd_actor *who, long long spool_id,
			  const unsigned char *data, size_t len, struct spool_outcome *out,
			  struct hd_err *err)
{
	struct spool_entry e;
	struct db_stmt *st = NULL;
	enum print_fault fault;
	enum hd_status rc;
	char *after = NULL;

	memset(out, 0, sizeof(*out));
	if (!data || len == 0) {
		spool_cancel(db);
		return hd_err_set(err, HD_BAD_INPUT, "document", _("the document is empty"));
	}
	rc = spool_get(db, spool_id, &e, err);
	if (rc != HD_OK)
		goto fail;
	rc = db_prepare(db, SQL_SET_DATA, &st, err);
	if (rc != HD_OK)
		goto fail;
	db_bind_int(st, 1, spool_id);
	db_bind_blob(st, 2, data, len);
	rc = exec_stmt(&st, err);
	if (rc != HD_OK)
		goto fail;
	after = json_row(db, SQL_AUDIT_AFTER, spool_id, AUDIT_KEYS);
	rc = audit_log(db, who, e.copy > 1 ? "reprint" : "print", "spool", spool_id, NULL, after,
		       err);
	free(after);
	if (rc != HD_OK)
		goto fail;
	rc = db_commit(db, err);
	if (rc != HD_OK)
		return rc;
	/* Stored: from here on a failure is the printer's, not the action's. */
	deliver(db, &e, e.queue, data, len, out, &fault, err);
	hd_err_clear(err);
	return HD_OK;
fail:
	spool_cancel(db);
	return rc;
}

enum hd_status spool_print(struct db *db, const struct hd_actor *who, enum spool_kind kind,
			   long long record_id, enum spool_format format, const char *queue,
			   const unsigned char *data, size_t len, long long *spool_id,
			   struct spool_outcome *out, struct hd_err *err)
{
	enum hd_status rc;
	int copy;

	memset(out, 0, sizeof(*out));
	if (!data || len == 0)
		return hd_err_set(err, HD_BAD_INPUT, "document", _("the document is empty"));
	rc = spool_reserve(db, kind, record_id, format, queue, spool_id, &copy, err);
	if (rc != HD_OK)
		return rc;
	return spool_send(db, who, *spool_id, data, len, out, err);
}

enum hd_status spool_defer(struct db *db, enum spool_kind kind, long long record_id,
			   const char *why, struct hd_err *err)
{
	struct db_stmt *st = NULL;
	enum hd_status rc = db_begin(db, err);

	if (rc != HD_OK)
		return rc;
	rc = db_prepare(db, SQL_DEFER, &st, err);
	if (rc != HD_OK)
		return db_finish(db, rc, err);
	db_bind_text(st, 1, spool_kind_text(kind));
	db_bind_int(st, 2, record_id);
	db_bind_text(st, 3, why ? why : "");
	db_bind_int(st, 4, clock_now());
	rc = exec_stmt(&st, err);
	return db_finish(db, rc, err);
}

/* Rows left 'sending' by a crash wait again. */
static enum hd_status unstick(struct db *db, struct hd_err *err)
{
	struct db_stmt *st = NULL;
	time_t now = clock_now();
	enum hd_status rc;

	rc = db_begin(db, err);
	if (rc != HD_OK)
		return rc;
	rc = db_prepare(db, SQL_UNSTICK, &st, err);
	if (rc != HD_OK)
		return db_finish(db, rc, err);
	db_bind_int(st, 1, now);
	db_bind_int(st, 2, now - SPOOL_STALE_SECONDS);
	rc = exec_stmt(&st, err);
	return db_finish(db, rc, err);
}

/* Claims the next waiting row after id `after`: marks it 'sending' in one
 * BEGIN IMMEDIATE transaction and copies its data (*data, the caller frees).
 * HD_NOT_FOUND when none is left. */
static enum hd_status claim_next(struct db *db, long long after, bool due_only,
				 struct spool_entry *e, unsigned char **data, size_t *len,
				 struct hd_err *err)
{
	struct db_stmt *st = NULL;
	const void *blob;
	enum hd_status rc;
	enum db_step step;
	long long id;

	*data = NULL;
	*len = 0;
	rc = db_begin(db, err);
	if (rc != HD_OK)
		return rc;
	rc = db_prepare(db, SQL_NEXT_WAITING, &st, err);
	if (rc != HD_OK)
		return db_finish(db, rc, err);
	db_bind_int(st, 1, after);
	db_bind_int(st, 2, clock_now());
	db_bind_int(st, 3, due_only);
	step = db_step(st);
	if (step != DB_ROW) {
		rc = step == DB_DONE ? HD_NOT_FOUND : db_step_fail(st, err);
		db_done(st);
		db_rollback(db);
		return rc;
	}
	id = db_col_int(st, 0);
	blob = db_col_blob(st, 1, len);
	if (*len > 0) {
		*data = xmalloc(*len);
		memcpy(*data, blob, *len);
	}
	db_done(st);
	st = NULL;
	rc = spool_get(db, id, e, err);
	if (rc == HD_OK)
		rc = db_prepare(db, SQL_CLAIM, &st, err);
	if (rc == HD_OK) {
		db_bind_int(st, 1, id);
		db_bind_int(st, 2, clock_now());
		rc = exec_stmt(&st, err);
	}
	rc = db_finish(db, rc, err);
	if (rc != HD_OK) {
		free(*data);
		*data = NULL;
	}
	return rc;
}

/* A request its desk did not make (the desk was gone before it could): made
 * now, by its kind and the printers set now, and stored in its row. When it
 * cannot be made the row waits with the reason, or, its record gone, is
 * finished. */
static enum hd_status make_request(struct db *db, struct spool_entry *e, char *queue, size_t qsz,
				   unsigned char **data, size_t *len, struct hd_err *err)
{
	struct db_stmt *st = NULL;
	struct hd_err rerr;
	enum hd_status rc;

	rc = render_request(db, e->kind, e->record_id, e->copy, &e->format, queue, qsz, data, len,
			    &rerr);
	if (rc == HD_NOT_FOUND)
		return finish(db, e, rerr.msg, err);
	if (rc != HD_OK)
		return mark(db, e, false, 0, queue, false, rerr.msg, NULL, err);
	rc = db_begin(db, err);
	if (rc == HD_OK)
		rc = db_prepare(db, SQL_MADE, &st, err);
	if (rc == HD_OK) {
		db_bind_int(st, 1, e->id);
		db_bind_blob(st, 2, *data, *len);
		db_bind_text(st, 3, spool_format_word(e->format));
		db_bind_text(st, 4, queue);
		rc = exec_stmt(&st, err);
	}
	return db_finish(db, rc, err);
}

/* A document of a record goes where its kind goes now, by the printers set
 * at this moment (a slip queued before the receipt printer was set goes to
 * it, as ESC/POS): queue becomes that printer; true when the document's
 * format differs, so that it must be made again. */
static bool rerouted(struct db *db, const struct spool_entry *e, char *queue, size_t qsz)
{
	char to[SPOOL_QUEUE_MAX];
	enum spool_format f;

	if (render_route(db, e->kind, &f, to, sizeof(to), NULL) != HD_OK)
		return false; /* a test page or a list goes where it was sent */
	snprintf(queue, qsz, "%s", to);
	return f != e->format;
}

/* A first slip of a visitor who has left is no longer needed (a reprint by
 * hand always prints). */
static bool still_needed(struct db *db, const struct spool_entry *e)
{
	struct visit v;

	if (e->kind != SPOOL_KIND_VISITOR || e->copy > 1)
		return true;
	return visit_get(db, e->record_id, &v, NULL) != HD_OK || v.time_out == 0;
}

struct job_row {
	long long id;
	int job;
	char title[64]; /* the name it was sent with */
};

static void read_job_row(struct db_stmt *st, void *rec)
{
	struct job_row *r = rec;
	enum spool_kind kind = spool_kind_of(db_col_text(st, 2));

	r->id = db_col_int(st, 0);
	r->job = (int)db_col_int(st, 1);
	job_title(kind, db_col_int(st, 3), (int)db_col_int(st, 4), r->title, sizeof(r->title));
}

/* Writes how a followed job ended: printed, or waiting again with why. */
static enum hd_status job_ended(struct db *db, long long id, bool printed, const char *why,
				struct hd_err *err)
{
	struct db_stmt *st = NULL;
	enum hd_status rc;

	rc = db_begin(db, err);
	if (rc == HD_OK)
		rc = db_prepare(db, printed ? SQL_PRINTED : SQL_NOT_PRINTED, &st, err);
	if (rc == HD_OK) {
		db_bind_int(st, 1, id);
		if (printed) {
			db_bind_int(st, 2, clock_now());
		} else {
			db_bind_text(st, 2, why);
			db_bind_int(st, 3, clock_now());
		}
		rc = exec_stmt(&st, err);
	}
	return db_finish(db, rc, err);
}

enum hd_status spool_follow(struct db *db, int *printed, int *failed, struct hd_err *err)
{
	char why[256], reason[320];
	struct job_row *rows = NULL;
	enum hd_status rc;
	enum job_end end;
	int n = 0, i;

	*printed = *failed = 0;
	rc = db_collect(db, SQL_PRINTING, NULL, 0, sizeof(*rows), read_job_row, (void **)&rows, &n,
			err);
	for (i = 0; rc == HD_OK && i < n; i++) {
		end = rows[i].job > 0 ? cups_job_end(rows[i].job, rows[i].title, why, sizeof(why))
				      : JOB_GONE;
		if (end == JOB_UNREACHABLE)
			break; /* the rest would get the same answer */
		if (end == JOB_ACTIVE)
			continue;
		if (end == JOB_FAILED || end == JOB_GONE) {
			/* A job CUPS no longer knows was lost with the print
			 * server's state (CUPS keeps the history of ended jobs,
			 * and the desk asks within seconds): it cannot print
			 * any more, so the document waits to be sent again. */
			if (end == JOB_GONE)
				snprintf(reason, sizeof(reason),
					 _("CUPS job %d did not print: the print service lost it"),
					 rows[i].job);
			else
				snprintf(reason, sizeof(reason), _("CUPS job %d did not print: %s"),
					 rows[i].job, *why ? why : _("no reason given"));
			rc = job_ended(db, rows[i].id, false, reason, err);
			(*failed)++;
		} else {
			rc = job_ended(db, rows[i].id, true, NULL, err);
			(*printed)++;
		}
	}
	free(rows);
	return rc;
}

static int count_of(struct db *db, const char *sql);

static enum hd_status retry(struct db *db, bool due_only, int *delivered, int *still_waiting,
			    struct hd_err *err)
{
	int printed, failed;
	struct spool_outcome out;
	struct spool_entry e;
	enum print_fault fault;
	char queue[SETTING_VALUE_MAX];
	unsigned char *data = NULL;
	long long last = 0;
	enum hd_status rc;
	size_t len;

	*delivered = 0;
	*still_waiting = 0;
	rc = unstick(db, err);
	if (rc == HD_OK)
		rc = spool_follow(db, &printed, &failed, err);
	if (rc != HD_OK)
		return rc;
	for (;;) {
		rc = claim_next(db, last, due_only, &e, &data, &len, err);
		if (rc == HD_NOT_FOUND)
			break;
		if (rc != HD_OK)
			return rc;
		last = e.id;
		memset(&out, 0, sizeof(out));
		snprintf(queue, sizeof(queue), "%s", e.queue);
		if (!queue[0])
			settings_text(db,
				      e.format == SPOOL_PDF ? SET_PRINTER_A4 : SET_PRINTER_RECEIPT,
				      queue, sizeof(queue));
		fault = PRINT_FAULT_OTHER;
		if (data && rerouted(db, &e, queue, sizeof(queue))) {
			free(data); /* made for another printer: made again for this one */
			data = NULL;
		}
		if (!data)
			rc = make_request(db, &e, queue, sizeof(queue), &data, &len, err);
		if (rc == HD_OK && data && !still_needed(db, &e))
			rc = finish(db, &e, _("not printed: the visitor has left"), err);
		else if (rc == HD_OK && data)
			rc = deliver(db, &e, queue, data, len, &out, &fault, err);
		free(data);
		data = NULL;
		if (rc != HD_OK)
			return rc;
		if (out.delivered)
			(*delivered)++;
		if (fault == PRINT_FAULT_AWAY)
			break; /* the rest would only wait for the same answer */
	}
	/* Still waiting: not taken by CUPS (a document CUPS prints is not). */
	*still_waiting = count_of(db, SQL_NOT_TAKEN_COUNT);
	if (*still_waiting < 0)
		*still_waiting = 0;
	return HD_OK;
}

enum hd_status spool_retry(struct db *db, int *delivered, int *still_waiting, struct hd_err *err)
{
	return retry(db, false, delivered, still_waiting, err);
}

enum hd_status spool_retry_due(struct db *db, int *delivered, int *still_waiting,
			       struct hd_err *err)
{
	return retry(db, true, delivered, still_waiting, err);
}

static int count_of(struct db *db, const char *sql)
{
	struct db_stmt *st = NULL;
	int n = -1;

	if (db_prepare(db, sql, &st, NULL) == HD_OK && db_step(st) == DB_ROW)
		n = (int)db_col_int(st, 0);
	db_done(st);
	return n;
}

int spool_waiting_count(struct db *db)
{
	return count_of(db, SQL_WAITING_COUNT);
}

int spool_printing_count(struct db *db)
{
	return count_of(db, SQL_PRINTING_COUNT);
}

enum hd_status spool_list_waiting(struct db *db, struct spool_entry **out, int *n,
				  struct hd_err *err)
{
	return db_collect(db, SQL_LIST_WAITING, NULL, 0, sizeof(struct spool_entry), read_entry,
			  (void **)out, n, err);
}

int spool_copies(struct db *db, enum spool_kind kind, long long record_id)
{
	struct db_stmt *st = NULL;
	int n = 0;

	if (db_prepare(db, SQL_COUNT_COPIES, &st, NULL) == HD_OK) {
		db_bind_text(st, 1, spool_kind_text(kind));
		db_bind_int(st, 2, record_id);
		if (db_step(st) == DB_ROW)
			n = (int)db_col_int(st, 0);
	}
	db_done(st);
	return n;
}
