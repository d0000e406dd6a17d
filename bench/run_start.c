/* SPDX-License-Identifier: GPL-3.0-or-later */
/* run_start.c - whole processes, as a desk starts them: the program itself
 * (./hubdesk, started with posix_spawn and waited for), on the scratch
 * copy of the generated database, which by now holds 500 rooms with a day
 * of bookings today (run_bookings.c). The lines are the median of REPS runs
 * after WARM unmeasured ones:
 *
 *   cli_floor                   an empty C program (bench/floor/floor.c)
 *   cli_config_get              config get centre.name        (<= 3x cli_floor)
 *   cli_booking_list_50_rooms   booking list of yesterday, on which the
 *                               first 50 rooms have bookings  (<= 4x cli_floor)
 *   cli_booking_list_500_rooms  booking list of today: 500 rooms (<= 4x)
 *   cli_booking_add             booking add --no-print of a free slot, every
 *                               rule and a durable commit
 *   first_frame                 from the start to the home screen's title
 *                               on a terminal (a pty, 80x24, Chinese) (< 15 ms)
 *   rss_home                    the peak resident memory of the desk on its
 *                               home screen (kB)               (< 10 MB)
 *   rss_grid_500                ... after opening the day grid of 500 rooms (kB)
 *
 * Every child has HUBDESK_NOW at the bench's "now", so today is the day of
 * the 500 rooms' bookings. */
#include "bench/bench.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/db.h"
#include "core/xalloc.h"

#define WARM 5
#define REPS 100
#define PTY_REPS 20
#define GRID_REPS 5
#define ADD_ROOMS 40 /* the newest rooms (free but for today): LIMIT 40 below */
#define ADD_DAYS 13  /* the days ahead they are booked on (booking.days_ahead: 14) */
#define SCREEN_TIMEOUT_MS 10000
#define QUIET_MS 300 /* no output for this long: the screen is drawn */
#define HOME_TITLE "首页"
#define GRID_TITLE "场地预约"

extern char **environ;

/* Runs argv to its end with its output thrown away: the milliseconds it
 * took, and its exit status in *code (-1 when it did not exit). */
static double run_once(const char *const argv[], int *code)
{
	posix_spawn_file_actions_t fa;
	double t0 = bench_ms();
	int status = 0;
	pid_t pid;

	*code = -1;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
	if (posix_spawn(&pid, argv[0], &fa, NULL, (char *const *)argv, environ) == 0 &&
	    waitpid(pid, &status, 0) == pid && WIFEXITED(status))
		*code = WEXITSTATUS(status);
	posix_spawn_file_actions_destroy(&fa);
	return bench_ms() - t0;
}

/* The median of REPS runs of argv (after WARM), each of which must exit 0. */
static enum hd_status measure_cli(const char *name, const char *const argv[], struct hd_err *err)
{
	double t[REPS];
	int i, code;

	if (!bench_wanted(name))
		return HD_OK;
	for (i = 0; i < WARM + REPS; i++) {
		double ms = run_once(argv, &code);

		if (code != 0)
			return hd_err_set(err, HD_FAIL, "", "%s: %s ... exited %d", name, argv[0],
					  code);
		if (i >= WARM)
			t[i - WARM] = ms;
	}
	bench_print_ms(name, bench_median(t, REPS));
	return HD_OK;
}

/* A local day as YYYY-MM-DD, days from t. */
static void day_text(time_t t, int days, char *out, size_t outsz)
{
	struct tm tm;

	t += (time_t)days * 86400;
	localtime_r(&t, &tm);
	strftime(out, outsz, "%Y-%m-%d", &tm);
}

/* REPS whole `booking add` of free slots: the newest rooms on the days
 * ahead, 10:00 to 11:00, by organisations that book in turn (a slot the
 * rules refuse, taken already or over the organisation's quota, is passed
 * over and not measured). */
static enum hd_status measure_add(const char *bin, const char *db_path, time_t now,
				  struct hd_err *err)
{
	long long *rooms = NULL, *orgs = NULL;
	int nrooms = 0, norgs = 0, n = 0, slot, code;
	char room[24], org[24], day[16], from[32], to[32];
	const char *argv[] = { bin,      "--db",  db_path, "booking",    "add",
			       "--room", room,    "--org", org,          "--start",
			       from,     "--end", to,      "--no-print", NULL };
	double t[REPS];
	struct db *db = NULL;
	enum hd_status rc;

	if (!bench_wanted("cli_booking_add"))
		return HD_OK;
	rc = db_open(db_path, DB_EXISTING, &db, err);
	if (rc == HD_OK)
		rc = bench_read_ids(db, "SELECT id FROM room ORDER BY id DESC LIMIT 40", &rooms,
				    &nrooms, err);
	if (rc == HD_OK)
		rc = bench_read_ids(db,
				    "SELECT id FROM org WHERE out_date IS NULL"
				    " AND id IN (SELECT org_id FROM booking) ORDER BY id",
				    &orgs, &norgs, err);
	db_close(db);
	if (rc == HD_OK && (nrooms < ADD_ROOMS || norgs == 0))
		rc = hd_err_set(err, HD_FAIL, "", "cli_booking_add: no rooms or no bookers");
	for (slot = 0; rc == HD_OK && n < WARM + REPS && slot < ADD_ROOMS * ADD_DAYS; slot++) {
		double ms;

		snprintf(room, sizeof(room), "%lld", rooms[slot % ADD_ROOMS]);
		snprintf(org, sizeof(org), "%lld", orgs[slot % norgs]);
		day_text(now, 1 + slot / ADD_ROOMS, day, sizeof(day));
		snprintf(from, sizeof(from), "%s 10:00", day);
		snprintf(to, sizeof(to), "%s 11:00", day);
		ms = run_once(argv, &code);
		if (code == 3) /* refused by a rule */
			continue;
		if (code != 0)
			rc = hd_err_set(err, HD_FAIL, "", "cli_booking_add: exited %d", code);
		else if (n++ >= WARM)
			t[n - 1 - WARM] = ms;
	}
	if (rc == HD_OK && n < WARM + REPS)
		rc = hd_err_set(err, HD_FAIL, "", "cli_booking_add: %d of %d slots booked", n,
				WARM + REPS);
	if (rc == HD_OK)
		bench_print_ms("cli_booking_add", bench_median(t, REPS));
	free(rooms);
	free(orgs);
	return rc;
}

/* The desk on a terminal of its own. */
struct desk {
	pid_t pid;
	int fd;
	char seen[8192]; /* the latest output, for finding a title in */
	size_t len;
};

static bool desk_start(struct desk *d, const char *bin, const char *db_path)
{
	struct winsize ws = { .ws_row = 24, .ws_col = 80 };

	memset(d, 0, sizeof(*d));
	d->pid = forkpty(&d->fd, NULL, NULL, &ws);
	if (d->pid < 0)
		return false;
	if (d->pid == 0) {
		setenv("TERM", "xterm-256color", 1);
		setenv("LANG", "zh_CN.UTF-8", 1);
		unsetenv("LC_ALL");
		execl(bin, bin, "--db", db_path, (char *)NULL);
		_exit(127);
	}
	return true;
}

/* Reads what the desk writes for up to ms (until it is quiet for ms when
 * want is NULL); true once want has been written. */
static bool desk_read(struct desk *d, const char *want, int ms)
{
	struct pollfd p = { .fd = d->fd, .events = POLLIN };
	double until = bench_ms() + ms;
	ssize_t got;

	for (;;) {
		int left = (int)(until - bench_ms());

		if (left <= 0 || poll(&p, 1, left) <= 0)
			return false;
		if (d->len > sizeof(d->seen) / 2) { /* keep the newer half */
			memmove(d->seen, d->seen + d->len - sizeof(d->seen) / 4,
				sizeof(d->seen) / 4);
			d->len = sizeof(d->seen) / 4;
		}
		got = read(d->fd, d->seen + d->len, sizeof(d->seen) - d->len - 1);
		if (got <= 0)
			return false;
		d->len += (size_t)got;
		d->seen[d->len] = '\0';
		if (want && strstr(d->seen, want))
			return true;
		if (!want)
			until = bench_ms() + ms;
	}
}

/* The desk's peak resident memory so far (kB), 0 when unknown. */
static long desk_peak_kb(const struct desk *d)
{
	char path[64], line[256];
	long kb = 0;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)d->pid);
	f = fopen(path, "r");
	while (f && fgets(line, sizeof(line), f))
		if (sscanf(line, "VmHWM: %ld kB", &kb) == 1)
			break;
	if (f)
		fclose(f);
	return kb;
}

static void desk_stop(struct desk *d)
{
	int status;

	kill(d->pid, SIGTERM);
	waitpid(d->pid, &status, 0);
	close(d->fd);
}

/* first_frame and rss_home over PTY_REPS starts; rss_grid_500 over
 * GRID_REPS, each after 2 (room booking) on the home screen. */
static enum hd_status measure_desk(const char *bin, const char *db_path, struct hd_err *err)
{
	double t[PTY_REPS], home[PTY_REPS], grid[GRID_REPS];
	struct desk d;
	int i;

	for (i = 0; i < PTY_REPS + GRID_REPS; i++) {
		double t0 = bench_ms();
		bool seen;

		if (!desk_start(&d, bin, db_path))
			return hd_err_set(err, HD_FAIL, "", "first_frame: no pty: %s",
					  strerror(errno));
		seen = desk_read(&d, HOME_TITLE, SCREEN_TIMEOUT_MS);
		if (seen && i < PTY_REPS) {
			t[i] = bench_ms() - t0;
			desk_read(&d, NULL, QUIET_MS);
			home[i] = (double)desk_peak_kb(&d);
		} else if (seen) {
			d.len = 0;
			seen = write(d.fd, "2", 1) == 1 &&
			       desk_read(&d, GRID_TITLE, SCREEN_TIMEOUT_MS);
			desk_read(&d, NULL, QUIET_MS);
			grid[i - PTY_REPS] = (double)desk_peak_kb(&d);
		}
		desk_stop(&d);
		if (!seen)
			return hd_err_set(err, HD_FAIL, "", "first_frame: the desk showed no %s",
					  i < PTY_REPS ? HOME_TITLE : GRID_TITLE);
	}
	if (bench_wanted("first_frame"))
		bench_print_ms("first_frame", bench_median(t, PTY_REPS));
	if (bench_wanted("rss_home"))
		printf("rss_home: %.0f kB\n", bench_median(home, PTY_REPS));
	if (bench_wanted("rss_grid_500"))
		printf("rss_grid_500: %.0f kB\n", bench_median(grid, GRID_REPS));
	fflush(stdout);
	return HD_OK;
}

enum hd_status bench_start_measures(const char *db_path, const char *bin, const char *floor_bin,
				    struct hd_err *err)
{
	char *saved = bench_save_now();
	time_t now = bench_visits_now();
	char today[16], yesterday[16];
	const char *floor_argv[] = { floor_bin, NULL };
	const char *config_argv[] = { bin, "--db", db_path, "config", "get", "centre.name", NULL };
	const char *list50_argv[] = { bin,    "--db",   db_path,   "booking",
				      "list", "--date", yesterday, NULL };
	const char *list500_argv[] = { bin,    "--db",   db_path, "booking",
				       "list", "--date", today,   NULL };
	enum hd_status rc;

	bench_set_now(now);
	day_text(now, 0, today, sizeof(today));
	day_text(now, -1, yesterday, sizeof(yesterday));
	rc = measure_cli("cli_floor", floor_argv, err);
	if (rc == HD_OK)
		rc = measure_cli("cli_config_get", config_argv, err);
	if (rc == HD_OK)
		rc = measure_cli("cli_booking_list_50_rooms", list50_argv, err);
	if (rc == HD_OK)
		rc = measure_cli("cli_booking_list_500_rooms", list500_argv, err);
	if (rc == HD_OK)
		rc = measure_add(bin, db_path, now, err);
	if (rc == HD_OK)
		rc = measure_desk(bin, db_path, err);
	bench_restore_now(saved);
	return rc;
}
