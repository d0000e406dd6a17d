/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c - hubdesk-bench: the subcommands, and the generator, clock and
 * statistics they share. */
#include "bench/bench.h"

#include "core/db_sqlite.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void bench_rng_seed(struct bench_rng *r, uint64_t seed)
{
	r->state = seed;
}

uint64_t bench_rng_next(struct bench_rng *r)
{
	uint64_t z = (r->state += 0x9E3779B97F4A7C15ull);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

unsigned bench_rng_below(struct bench_rng *r, unsigned n)
{
	return (unsigned)(bench_rng_next(r) % n);
}

int bench_rng_range(struct bench_rng *r, int lo, int hi)
{
	return lo + (int)bench_rng_below(r, (unsigned)(hi - lo + 1));
}

double bench_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

double bench_quantile(double *v, int n, double p)
{
	int i;

	if (n <= 0)
		return 0;
	qsort(v, (size_t)n, sizeof(*v), cmp_double);
	i = (int)(p * (n - 1) + 0.5);
	return v[i < 0 ? 0 : i >= n ? n - 1 : i];
}

double bench_median(double *v, int n)
{
	if (n <= 0)
		return 0;
	qsort(v, (size_t)n, sizeof(*v), cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

bool bench_wanted(const char *name)
{
	const char *only = getenv("BENCH_ONLY"), *w;
	size_t len;

	if (!only || !*only)
		return true;
	for (w = only; *w; w += len) {
		w += strspn(w, " ,");
		len = strcspn(w, " ,");
		if (len > 0 && strncmp(name, w, len) == 0)
			return true;
	}
	return false;
}

void bench_print_ms(const char *name, double ms)
{
	printf("%s: %.3f ms\n", name, ms);
	fflush(stdout);
}

void bench_print_count(const char *name, double n)
{
	printf("%s: %.0f count\n", name, n);
	fflush(stdout);
}

void bench_settle_wal(struct db *db)
{
	/* A server keeps its own WAL: nothing to settle from here. */
	if (!db_is_server(db))
		sqlite3_wal_checkpoint_v2(db_sqlite(db), NULL, SQLITE_CHECKPOINT_PASSIVE, NULL,
					  NULL);
}

int bench_parse_count(const char *s, unsigned long long max, unsigned long long *out)
{
	char *end;

	if (!s || *s < '0' || *s > '9')
		return -1;
	errno = 0;
	*out = strtoull(s, &end, 10);
	if (errno || *end || *out > max)
		return -1;
	return 0;
}

void bench_set_now(time_t t)
{
	char iso[40];
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(iso, sizeof(iso), "%Y-%m-%dT%H:%M:%SZ", &tm);
	setenv("HUBDESK_NOW", iso, 1);
}

char *bench_save_now(void)
{
	const char *was = getenv("HUBDESK_NOW");

	return was ? strdup(was) : NULL;
}

void bench_restore_now(char *saved)
{
	if (saved)
		setenv("HUBDESK_NOW", saved, 1);
	else
		unsetenv("HUBDESK_NOW");
	free(saved);
}

static void usage(void)
{
	fputs("usage: hubdesk-bench gen --db PATH [--seed N] [--orgs N] [--teams N] [--visits N]\n"
	      "       hubdesk-bench run --db PATH [--bin HUBDESK --floor EMPTY_PROGRAM]\n"
	      "       hubdesk-bench start --db PATH --bin HUBDESK --floor EMPTY_PROGRAM\n"
	      "                          (the whole-process lines only, on a copy after run)\n"
	      "       hubdesk-bench pg --db URL       (the pg_ lines, on a loaded server)\n"
	      "       hubdesk-bench pinyin            (the pinyin input's lines only)\n",
	      stderr);
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "C.UTF-8");
	if (argc >= 2 && strcmp(argv[1], "gen") == 0)
		return bench_gen_main(argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "run") == 0)
		return bench_run_main(argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "pg") == 0)
		return bench_pg_main(argc - 1, argv + 1);
	if (argc == 8 && strcmp(argv[1], "start") == 0 && strcmp(argv[2], "--db") == 0 &&
	    strcmp(argv[4], "--bin") == 0 && strcmp(argv[6], "--floor") == 0) {
		struct hd_err err;

		hd_err_clear(&err);
		if (bench_start_measures(argv[3], argv[5], argv[7], &err) == HD_OK)
			return 0;
		fprintf(stderr, "hubdesk-bench: %s\n", err.msg);
		return 1;
	}
	if (argc == 2 && strcmp(argv[1], "pinyin") == 0) {
		struct hd_err err;

		hd_err_clear(&err);
		if (bench_pinyin_measures(&err) == HD_OK)
			return 0;
		fprintf(stderr, "hubdesk-bench: %s\n", err.msg);
		return 1;
	}
	usage();
	return 2;
}
