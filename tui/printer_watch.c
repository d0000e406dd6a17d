/* SPDX-License-Identifier: GPL-3.0-or-later */
/* printer_watch.c - a thread polling CUPS for the top line. */
#include "tui/printer_watch.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/xalloc.h"

struct printer_watch {
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	bool stop, poked, have;
	char receipt[WATCH_QUEUE_MAX], a4[WATCH_QUEUE_MAX];
	struct printer_state receipt_state, a4_state;
};

static void *watch_loop(void *arg)
{
	struct printer_watch *w = arg;
	char receipt[WATCH_QUEUE_MAX], a4[WATCH_QUEUE_MAX];
	struct printer_state rs, as;
	struct timespec until;

	pthread_mutex_lock(&w->lock);
	while (!w->stop) {
		snprintf(receipt, sizeof(receipt), "%s", w->receipt);
		snprintf(a4, sizeof(a4), "%s", w->a4);
		w->poked = false;
		pthread_mutex_unlock(&w->lock);
		/* CUPS is asked without the lock held: the keys never wait. */
		memset(&rs, 0, sizeof(rs));
		memset(&as, 0, sizeof(as));
		if (*receipt)
			cups_state(receipt, &rs);
		if (*a4)
			cups_state(a4, &as);
		pthread_mutex_lock(&w->lock);
		w->receipt_state = rs;
		w->a4_state = as;
		w->have = true;
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += WATCH_POLL_SECONDS;
		while (!w->stop && !w->poked &&
		       pthread_cond_timedwait(&w->wake, &w->lock, &until) == 0)
			;
	}
	pthread_mutex_unlock(&w->lock);
	return NULL;
}

struct printer_watch *watch_start(const char *receipt, const char *a4)
{
	struct printer_watch *w = xcalloc(1, sizeof(*w));

	snprintf(w->receipt, sizeof(w->receipt), "%s", receipt ? receipt : "");
	snprintf(w->a4, sizeof(w->a4), "%s", a4 ? a4 : "");
	pthread_mutex_init(&w->lock, NULL);
	pthread_cond_init(&w->wake, NULL);
	if (pthread_create(&w->thread, NULL, watch_loop, w) != 0) {
		pthread_mutex_destroy(&w->lock);
		pthread_cond_destroy(&w->wake);
		free(w);
		return NULL;
	}
	return w;
}

void watch_poke(struct printer_watch *w, const char *receipt, const char *a4)
{
	if (!w)
		return;
	pthread_mutex_lock(&w->lock);
	snprintf(w->receipt, sizeof(w->receipt), "%s", receipt ? receipt : "");
	snprintf(w->a4, sizeof(w->a4), "%s", a4 ? a4 : "");
	w->poked = true;
	pthread_cond_signal(&w->wake);
	pthread_mutex_unlock(&w->lock);
}

bool watch_get(struct printer_watch *w, struct printer_state *receipt, struct printer_state *a4,
	       bool *receipt_set, bool *a4_set)
{
	bool have;

	if (!w)
		return false;
	pthread_mutex_lock(&w->lock);
	have = w->have;
	*receipt = w->receipt_state;
	*a4 = w->a4_state;
	*receipt_set = *w->receipt != '\0';
	*a4_set = *w->a4 != '\0';
	pthread_mutex_unlock(&w->lock);
	return have;
}

void watch_stop(struct printer_watch *w)
{
	if (!w)
		return;
	pthread_mutex_lock(&w->lock);
	w->stop = true;
	pthread_cond_signal(&w->wake);
	pthread_mutex_unlock(&w->lock);
	pthread_join(w->thread, NULL);
	pthread_mutex_destroy(&w->lock);
	pthread_cond_destroy(&w->wake);
	free(w);
}
