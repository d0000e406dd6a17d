/* SPDX-License-Identifier: GPL-3.0-or-later */
/* cups.c - sending documents to CUPS, and asking how its queues are. The
 * only file that calls libcups. */
#include "printing/cups.h"

#include <cups/cups.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/xalloc.h"

/* A connection of our own to the server libcups would use, which gives up
 * after PRINT_TIMEOUT_MS (to connect, and to wait for each answer); NULL
 * when the server cannot be reached. */
static http_t *connect_bounded(void)
{
	http_t *http = httpConnect2(cupsServer(), ippPort(), NULL, AF_UNSPEC, cupsEncryption(), 1,
				    PRINT_TIMEOUT_MS, NULL);

	if (http)
		httpSetTimeout(http, PRINT_TIMEOUT_MS / 1000.0, NULL, NULL);
	return http;
}

/* Appends the keywords of attr (but "none") to out, comma-separated: in
 * words where the desk knows them (words set), else as CUPS says them.
 * Returns how many were put in words. */
static int join_reasons(ipp_attribute_t *attr, bool words, char *out, size_t outsz)
{
	const char *w;
	size_t used;
	int i, known = 0;

	for (i = 0; attr && i < ippGetCount(attr); i++) {
		const char *r = ippGetString(attr, i, NULL);

		if (!r || strcmp(r, "none") == 0)
			continue;
		w = cups_reason_words(r);
		if (words && !w)
			continue;
		if (w && strstr(out, w))
			continue; /* said already (media-empty and media-needed) */
		known += w != NULL;
		used = strlen(out);
		snprintf(out + used, outsz - used, "%s%s", used ? _(", ") : "", w && words ? w : r);
	}
	return known;
}

/* Reads the answer to Get-Printer-Attributes into out. */
static void read_state(ipp_t *resp, struct printer_state *out)
{
	ipp_attribute_t *a;
	int state = IPP_PSTATE_IDLE;

	if ((a = ippFindAttribute(resp, "printer-state", IPP_TAG_ENUM)))
		state = ippGetInteger(a, 0);
	out->accepting = true;
	if ((a = ippFindAttribute(resp, "printer-is-accepting-jobs", IPP_TAG_BOOLEAN)))
		out->accepting = ippGetBoolean(a, 0) != 0;
	/* What the desk can act on in its own words first, else CUPS's
	 * message, else CUPS's keywords. */
	if (!join_reasons(ippFindAttribute(resp, "printer-state-reasons", IPP_TAG_KEYWORD), true,
			  out->message, sizeof(out->message)) &&
	    (a = ippFindAttribute(resp, "printer-state-message", IPP_TAG_TEXT)) &&
	    ippGetString(a, 0, NULL))
		snprintf(out->message, sizeof(out->message), "%s", ippGetString(a, 0, NULL));
	if (!out->message[0])
		join_reasons(ippFindAttribute(resp, "printer-state-reasons", IPP_TAG_KEYWORD),
			     false, out->message, sizeof(out->message));
	if (state == IPP_PSTATE_STOPPED || !out->accepting)
		out->condition = PRINTER_STOPPED;
	else if (state == IPP_PSTATE_PROCESSING)
		out->condition = PRINTER_PRINTING;
	else
		out->condition = PRINTER_READY;
}

/* Asks CUPS for attrs (n of them) of the object at path ("/printers/Q",
 * "/jobs/N"), named by uri_attr ("printer-uri", "job-uri"). The answer is
 * the caller's to ippDelete (NULL when none came). */
static ipp_t *ask(http_t *http, ipp_op_t op, const char *uri_attr, const char *path,
		  const char *const *attrs, int n)
{
	char uri[HTTP_MAX_URI];
	ipp_t *req = ippNewRequest(op);

	httpAssembleURI(HTTP_URI_CODING_ALL, uri, sizeof(uri), "ipp", NULL, "localhost", ippPort(),
			path);
	ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_URI, uri_attr, NULL, uri);
	ippAddString(req, IPP_TAG_OPERATION, IPP_TAG_NAME, "requesting-user-name", NULL,
		     cupsUser());
	if (n > 0)
		ippAddStrings(req, IPP_TAG_OPERATION, IPP_TAG_KEYWORD, "requested-attributes", n,
			      NULL, attrs);
	return cupsDoRequest(http, req, "/");
}

void cups_state(const char *queue, struct printer_state *out)
{
	static const char *const ATTRS[] = { "printer-state", "printer-state-message",
					     "printer-state-reasons", "printer-is-accepting-jobs" };
	char path[HTTP_MAX_URI];
	http_t *http;
	ipp_t *resp;

	memset(out, 0, sizeof(*out));
	out->condition = PRINTER_AWAY;
	if (!queue || !*queue) {
		out->condition = PRINTER_UNKNOWN;
		return;
	}
	http = connect_bounded();
	if (!http)
		return;
	snprintf(path, sizeof(path), "/printers/%s", queue);
	resp = ask(http, IPP_OP_GET_PRINTER_ATTRIBUTES, "printer-uri", path, ATTRS,
		   (int)(sizeof(ATTRS) / sizeof(ATTRS[0])));
	if (resp && ippGetStatusCode(resp) <= IPP_STATUS_OK_CONFLICTING)
		read_state(resp, out);
	else if (resp && ippGetStatusCode(resp) == IPP_STATUS_ERROR_NOT_FOUND)
		out->condition = PRINTER_UNKNOWN;
	else /* no IPP answer, or a refusal: not a CUPS we can use */
		snprintf(out->message, sizeof(out->message), "%s", cupsLastErrorString());
	ippDelete(resp);
	httpClose(http);
}

static enum hd_status away(enum print_fault *fault, struct hd_err *err)
{
	*fault = PRINT_FAULT_AWAY;
	return hd_err_set(err, HD_FAIL, "printer", _("the print service (CUPS) cannot be reached"));
}

static enum hd_status no_queue(const char *queue, enum print_fault *fault, struct hd_err *err)
{
	*fault = PRINT_FAULT_NO_QUEUE;
	return hd_err_set(err, HD_FAIL, "printer",
			  _("CUPS has no printer queue named %s; check the printer settings"),
			  queue);
}

static enum hd_status stopped(const char *queue, const struct printer_state *st,
			      enum print_fault *fault, struct hd_err *err)
{
	const char *why = st ? st->message : "";

	*fault = PRINT_FAULT_STOPPED;
	if (st && !st->accepting)
		return *why ? hd_err_set(err, HD_FAIL, "printer",
					 _("printer %s does not accept documents now: %s"), queue,
					 why)
			    : hd_err_set(err, HD_FAIL, "printer",
					 _("printer %s does not accept documents now"), queue);
	return *why ? hd_err_set(err, HD_FAIL, "printer", _("printer %s is stopped: %s"), queue,
				 why)
		    : hd_err_set(err, HD_FAIL, "printer", _("printer %s is stopped"), queue);
}

/* The failure of the last CUPS request, by its IPP status. */
static enum hd_status failed(const char *queue, enum print_fault *fault, struct hd_err *err)
{
	switch (cupsLastError()) {
	case IPP_STATUS_ERROR_SERVICE_UNAVAILABLE:
		return away(fault, err);
	case IPP_STATUS_ERROR_NOT_FOUND:
		return no_queue(queue, fault, err);
	case IPP_STATUS_ERROR_NOT_ACCEPTING_JOBS:
	case IPP_STATUS_ERROR_PRINTER_IS_DEACTIVATED:
		return stopped(queue, NULL, fault, err);
	default:
		*fault = PRINT_FAULT_OTHER;
		return hd_err_set(err, HD_FAIL, "printer",
				  _("CUPS did not take the document for %s: %s"), queue,
				  cupsLastErrorString());
	}
}

/* Cancels job (best effort: a job CUPS has ended already stays as it is). */
static void cancel_job(http_t *http, const char *path)
{
	ippDelete(ask(http, IPP_OP_CANCEL_JOB, "job-uri", path, NULL, 0));
}

enum job_end cups_job_end(int job, const char *title, char *why, size_t whysz)
{
	static const char *const ATTRS[] = { "job-state", "job-state-reasons",
					     "job-printer-state-message", "job-name" };
	char path[32], unused[8];
	enum job_end end = JOB_UNREACHABLE;
	ipp_attribute_t *a;
	http_t *http;
	ipp_t *resp;
	int state;

	if (!why || !whysz) {
		why = unused;
		whysz = sizeof(unused);
	}
	why[0] = '\0';
	http = connect_bounded();
	if (!http)
		return JOB_UNREACHABLE;
	snprintf(path, sizeof(path), "/jobs/%d", job);
	resp = ask(http, IPP_OP_GET_JOB_ATTRIBUTES, "job-uri", path, ATTRS,
		   (int)(sizeof(ATTRS) / sizeof(ATTRS[0])));
	if (resp && ippGetStatusCode(resp) == IPP_STATUS_ERROR_NOT_FOUND) {
		end = JOB_GONE;
	} else if (resp && ippGetStatusCode(resp) <= IPP_STATUS_OK_CONFLICTING && title &&
		   (a = ippFindAttribute(resp, "job-name", IPP_TAG_NAME)) &&
		   strcmp(ippGetString(a, 0, NULL) ? ippGetString(a, 0, NULL) : "", title) != 0) {
		end = JOB_GONE;
	} else if (resp && ippGetStatusCode(resp) <= IPP_STATUS_OK_CONFLICTING) {
		a = ippFindAttribute(resp, "job-state", IPP_TAG_ENUM);
		state = a ? ippGetInteger(a, 0) : IPP_JSTATE_PENDING;
		if (state == IPP_JSTATE_COMPLETED) {
			end = JOB_COMPLETED;
		} else if (state >= IPP_JSTATE_STOPPED) {
			end = JOB_FAILED;
			if (state == IPP_JSTATE_STOPPED)
				cancel_job(http, path);
			if (!join_reasons(ippFindAttribute(resp, "job-state-reasons",
							   IPP_TAG_KEYWORD),
					  true, why, whysz) &&
			    (a = ippFindAttribute(resp, "job-printer-state-message",
						  IPP_TAG_TEXT)) &&
			    ippGetString(a, 0, NULL) && *ippGetString(a, 0, NULL))
				snprintf(why, whysz, "%s", ippGetString(a, 0, NULL));
			if (!why[0])
				join_reasons(ippFindAttribute(resp, "job-state-reasons",
							      IPP_TAG_KEYWORD),
					     false, why, whysz);
		} else {
			end = JOB_ACTIVE;
		}
	}
	ippDelete(resp);
	httpClose(http);
	return end;
}

enum hd_status cups_submit(const char *queue, const char *format, const char *title,
			   const unsigned char *data, size_t len, int *job, enum print_fault *fault,
			   struct hd_err *err)
{
	struct printer_state st;
	cups_dest_t *dest = NULL;
	cups_dinfo_t *info = NULL;
	enum hd_status rc = HD_FAIL;
	int id = 0;

	*job = 0;
	*fault = PRINT_FAULT_NONE;
	/* The bounded look first: a missing CUPS or queue is told at once,
	 * and a stopped queue is not given a document it would sit on. */
	cups_state(queue, &st);
	if (st.condition == PRINTER_AWAY)
		return away(fault, err);
	if (st.condition == PRINTER_UNKNOWN)
		return no_queue(queue, fault, err);
	if (st.condition == PRINTER_STOPPED)
		return stopped(queue, &st, fault, err);
	dest = cupsGetNamedDest(CUPS_HTTP_DEFAULT, queue, NULL);
	if (!dest)
		return failed(queue, fault, err);
	info = cupsCopyDestInfo(CUPS_HTTP_DEFAULT, dest);
	if (!info) {
		rc = failed(queue, fault, err);
		goto done;
	}
	if (cupsCreateDestJob(CUPS_HTTP_DEFAULT, dest, info, &id, title, 0, NULL) !=
		    IPP_STATUS_OK ||
	    id <= 0) {
		rc = failed(queue, fault, err);
		goto done;
	}
	if (cupsStartDestDocument(CUPS_HTTP_DEFAULT, dest, info, id, title, format, 0, NULL, 1) !=
	    HTTP_STATUS_CONTINUE) {
		rc = failed(queue, fault, err);
		goto cancel;
	}
	if (cupsWriteRequestData(CUPS_HTTP_DEFAULT, (const char *)data, len) !=
	    HTTP_STATUS_CONTINUE) {
		cupsFinishDestDocument(CUPS_HTTP_DEFAULT, dest, info);
		rc = failed(queue, fault, err);
		goto cancel;
	}
	if (cupsFinishDestDocument(CUPS_HTTP_DEFAULT, dest, info) != IPP_STATUS_OK) {
		rc = failed(queue, fault, err);
		goto cancel;
	}
	*job = id;
	rc = HD_OK;
	goto done;
cancel:
	/* A job left half-made would hold the queue; it is not ours to keep. */
	cupsCancelDestJob(CUPS_HTTP_DEFAULT, dest, id);
done:
	cupsFreeDestInfo(info);
	cupsFreeDests(1, dest);
	return rc;
}

static int by_default_then_name(const void *a, const void *b)
{
	const cups_dest_t *x = a, *y = b;

	if (x->is_default != y->is_default)
		return y->is_default - x->is_default;
	return strcmp(x->name, y->name);
}

enum hd_status cups_destinations(char ***names, int *n, struct hd_err *err)
{
	cups_dest_t *dests = NULL;
	http_t *probe;
	int count, i;

	*names = NULL;
	*n = 0;
	probe = connect_bounded();
	if (!probe)
		return hd_err_set(err, HD_FAIL, "printer",
				  _("the print service (CUPS) cannot be reached"));
	httpClose(probe);
	count = cupsGetDests2(CUPS_HTTP_DEFAULT, &dests);
	if (count <= 0)
		return HD_OK;
	qsort(dests, (size_t)count, sizeof(*dests), by_default_then_name);
	*names = xcalloc((size_t)count, sizeof(**names));
	for (i = 0; i < count; i++) {
		if (dests[i].instance)
			continue;
		(*names)[*n] = xstrdup(dests[i].name);
		(*n)++;
	}
	cupsFreeDests(count, dests);
	return HD_OK;
}

void cups_names_free(char **names, int n)
{
	int i;

	for (i = 0; names && i < n; i++)
		free(names[i]);
	free(names);
}
