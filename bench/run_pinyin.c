/* SPDX-License-Identifier: GPL-3.0-or-later */
/* run_pinyin.c - the built-in pinyin input (tui/ime.h) on the real engine
 * and data, in a cache folder of its own. Each start is a new process, as
 * at a desk (the engine is one a process). The lines are
 *
 *   pinyin_engine_deploy         the first start ever: the data deployed
 *   pinyin_engine_start          a start after that (median), which the
 *                                desk does in a thread when a form opens,
 *                                never before the first frame
 *   pinyin_first_candidates_p95  a letter typed to its candidates ready,
 *                                95th percentile over names typed whole
 *   pinyin_rss_engine            the resident memory the engine adds (kB) */
#include "bench/bench.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/xalloc.h"
#include "tui/ime.h"

#define STARTS 9
#define KEYS_MAX 2048

/* Names and words as a desk types them. */
static const char *const TYPED[] = {
	"zhangsanfeng", "wangxiaoming", "lijianguo",    "xiyanghonghechangtuan",
	"xyh",          "shequ",        "zhiyuanzhe",   "huodongshi",
	"zengguofan",   "shanxiong",    "jiefangjun",   "quweihui",
	"yueqi",        "chenjing",     "liuyang",      "zs",
	"wxm",          "sqzz",         "gongyicishan", "pengyou",
};

struct pinyin_run {
	double start_ms;
	long rss_before, rss_after; /* kB */
	int keys;
	double key_ms[KEYS_MAX];
	char why[256];
};

static long rss_kb(void)
{
	char line[256];
	long kb = -1;
	FILE *f = fopen("/proc/self/status", "r");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "VmRSS: %ld kB", &kb) == 1)
			break;
	fclose(f);
	return kb;
}

/* One desk process: starts the engine and, when asked, types every name
 * letter by letter. */
static void one_start(struct pinyin_run *r, bool type)
{
	struct ime *m;
	size_t i, j;
	double t0;

	r->rss_before = rss_kb();
	m = ime_new(NULL, NULL);
	t0 = bench_ms();
	if (!ime_start(m, r->why, sizeof(r->why))) {
		ime_free(m);
		return;
	}
	r->start_ms = bench_ms() - t0;
	for (i = 0; type && i < sizeof(TYPED) / sizeof(TYPED[0]); i++) {
		for (j = 0; TYPED[i][j] && r->keys < KEYS_MAX; j++) {
			t0 = bench_ms();
			ime_type(m, TYPED[i][j]);
			(void)ime_candidate(m, 0);
			r->key_ms[r->keys++] = bench_ms() - t0;
		}
		ime_drop(m);
	}
	r->rss_after = rss_kb();
	ime_free(m);
}

/* one_start in a child process; false when the engine did not start. */
static bool in_child(struct pinyin_run *shared, bool type)
{
	pid_t pid;
	int status;

	memset(shared, 0, sizeof(*shared));
	pid = fork();
	if (pid < 0)
		return false;
	if (pid == 0) {
		one_start(shared, type);
		_exit(0);
	}
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return false;
	return shared->start_ms > 0;
}

enum hd_status bench_pinyin_measures(struct hd_err *err)
{
	char cache[] = "/tmp/hd-bench-rime-XXXXXX", cmd[128];
	struct pinyin_run *run;
	double starts[STARTS];
	enum hd_status rc = HD_FAIL;
	int i;

	run = mmap(NULL, sizeof(*run), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (run == MAP_FAILED || !mkdtemp(cache)) {
		hd_err_set(err, HD_FAIL, NULL, "pinyin: no shared memory or cache folder");
		return HD_FAIL;
	}
	setenv("XDG_CACHE_HOME", cache, 1);
	if (!in_child(run, false)) {
		hd_err_set(err, HD_FAIL, NULL, "pinyin: the engine did not start: %s", run->why);
		goto done;
	}
	bench_print_ms("pinyin_engine_deploy", run->start_ms);
	for (i = 0; i < STARTS; i++) {
		if (!in_child(run, false))
			goto done;
		starts[i] = run->start_ms;
	}
	bench_print_ms("pinyin_engine_start", bench_median(starts, STARTS));
	if (!in_child(run, true))
		goto done;
	bench_print_ms("pinyin_first_candidates_p95", bench_quantile(run->key_ms, run->keys, 0.95));
	printf("pinyin_rss_engine: %ld kB\n", run->rss_after - run->rss_before);
	fflush(stdout);
	rc = HD_OK;
done:
	if (rc != HD_OK && !*err->msg)
		hd_err_set(err, HD_FAIL, NULL, "pinyin: a measuring process failed");
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", cache);
	if (system(cmd) != 0)
		fprintf(stderr, "bench: %s was not removed\n", cache);
	munmap(run, sizeof(*run));
	return rc;
}
