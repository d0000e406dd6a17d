/* SPDX-License-Identifier: GPL-3.0-or-later */
/* ime.c - librime behind a small interface: loading, deploying, letters and
 * candidates. */
#include "tui/ime.h"

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <rime_api.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/i18n.h"
#include "core/xalloc.h"

#define RIME_LIBRARY "librime.so.1"
#define SHARED_DIR "/usr/share/rime-data"
#define SCHEMA "pinyin_simp"
#define KEY_BACKSPACE_X 0xff08 /* the engine's name for Backspace (X keysym) */
#define OWN_MAX 4              /* the centre's words a composition offers */
#define PAGES_MAX 64           /* pages one can turn back through */
#define PREEDIT_BYTES 256

/* The engine's configuration, patched over the Debian data: one schema,
 * and nothing learnt from what is typed. Deployment runs again when these
 * change. */
static const char DEFAULT_PATCH[] = "# Written by hubdesk: its pinyin input uses one schema.\n"
				    "patch:\n"
				    "  schema_list:\n"
				    "    - schema: " SCHEMA "\n";
static const char SCHEMA_PATCH[] = "# Written by hubdesk: nothing typed is learnt or kept;\n"
				   "# pinyin only (no stroke lookup, no punctuation).\n"
				   "patch:\n"
				   "  translator/enable_user_dict: false\n"
				   "  schema/dependencies: []\n"
				   "  engine/translators:\n"
				   "    - script_translator\n";

enum engine_state { ENGINE_STOPPED, ENGINE_LOADING, ENGINE_READY, ENGINE_FAILED };

/* Where a page starts: the next own word and the next engine candidate. */
struct page_at {
	int own;
	long engine;
};

struct shown {
	char text[IME_WORD_BYTES];
	long engine;         /* the engine's index, or -1 for an own word */
	struct page_at next; /* where a page after this candidate starts */
};

struct ime {
	ime_words_fn words;
	void *words_ctx;
	pthread_t thread;
	bool thread_on;
	/* Written by the loading thread, read after it is joined. */
	enum engine_state state;
	char why[256];
	RimeApi *api;
	RimeSessionId session;

	char letters[IME_LETTERS_MAX + 1];
	char preedit[PREEDIT_BYTES];
	char own[OWN_MAX][IME_WORD_BYTES];
	int nown;
	struct page_at first, back[PAGES_MAX];
	int nback;
	struct shown cand[IME_PAGE + 1]; /* one more than a page: is there a next? */
	int ncand;
};

struct ime *ime_new(ime_words_fn words, void *words_ctx)
{
	struct ime *m = xcalloc(1, sizeof(*m));

	m->words = words;
	m->words_ctx = words_ctx;
	return m;
}

bool ime_user_dir(char *out, size_t outsz)
{
	const char *cache = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	int n;

	if (cache && *cache == '/')
		n = snprintf(out, outsz, "%s/hubdesk/rime", cache);
	else if (home && *home == '/')
		n = snprintf(out, outsz, "%s/.cache/hubdesk/rime", home);
	else
		return false;
	return n > 0 && (size_t)n < outsz;
}

/* mkdir -p of path, private to the user. */
static bool make_dirs(char *path)
{
	char *p;

	for (p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0700) != 0 && errno != EEXIST) {
			*p = '/';
			return false;
		}
		*p = '/';
	}
	return mkdir(path, 0700) == 0 || errno == EEXIST;
}

/* Writes text into dir/name unless it holds it already (a new file renamed
 * into place: a desk starting beside never reads half of it). */
static bool put_file(const char *dir, const char *name, const char *text)
{
	char path[4096], tmp[4200], old[1024];
	size_t len = strlen(text), got = 0;
	FILE *f;
	bool ok = false;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "r");
	if (f) {
		got = fread(old, 1, sizeof(old), f);
		fclose(f);
		if (got == len && memcmp(old, text, len) == 0)
			return true;
	}
	snprintf(tmp, sizeof(tmp), "%s.%ld.tmp", path, (long)getpid());
	f = fopen(tmp, "w");
	if (!f)
		return false;
	ok = fwrite(text, 1, len, f) == len;
	ok = fclose(f) == 0 && ok;
	if (ok)
		ok = rename(tmp, path) == 0;
	if (!ok)
		unlink(tmp);
	return ok;
}

/* Deploys the data when it changed (the first time about half a second,
 * then a few milliseconds of checking), one desk at a time. */
static void deploy(RimeApi *api, const char *dir)
{
	char lock[4200];
	int fd;

	snprintf(lock, sizeof(lock), "%s/hubdesk.lock", dir);
	fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd >= 0)
		flock(fd, LOCK_EX);
	if (api->start_maintenance(False))
		api->join_maintenance_thread();
	if (fd >= 0)
		close(fd); /* and the lock with it */
}

static void fail(struct ime *m, const char *why)
{
	snprintf(m->why, sizeof(m->why), "%s", why);
	m->state = ENGINE_FAILED;
}

/* The engine, once per process. */
static void *load(void *arg)
{
	struct ime *m = arg;
	RimeApi *(*get_api)(void);
	char dir[4096];
	void *lib;

	if (!ime_user_dir(dir, sizeof(dir)) || !make_dirs(dir) ||
	    !put_file(dir, "default.custom.yaml", DEFAULT_PATCH) ||
	    !put_file(dir, SCHEMA ".custom.yaml", SCHEMA_PATCH)) {
		fail(m, _("Pinyin input cannot keep its data: set HOME or XDG_CACHE_HOME to a "
			  "writable folder."));
		return NULL;
	}
	if (access(SHARED_DIR "/" SCHEMA ".schema.yaml", R_OK) != 0) {
		fail(m, _("Pinyin input needs its data: install rime-data-pinyin-simp."));
		return NULL;
	}
	lib = dlopen(RIME_LIBRARY, RTLD_NOW | RTLD_LOCAL);
	get_api = lib ? (RimeApi * (*)(void)) dlsym(lib, "rime_get_api") : NULL;
	m->api = get_api ? get_api() : NULL;
	if (!m->api) {
		fail(m, _("Pinyin input needs the librime1 library."));
		return NULL;
	}
	{
		RIME_STRUCT(RimeTraits, traits);

		traits.shared_data_dir = SHARED_DIR;
		traits.user_data_dir = dir;
		traits.distribution_name = "hubdesk";
		traits.distribution_code_name = "hubdesk";
		traits.distribution_version = "1";
		traits.app_name = "rime.hubdesk";
		traits.min_log_level = 3; /* fatal only: the screen is ours */
		traits.log_dir = dir;
		m->api->setup(&traits);
		m->api->initialize(&traits);
		deploy(m->api, dir);
	}
	m->session = m->api->create_session();
	if (!m->session || !m->api->select_schema(m->session, SCHEMA)) {
		fail(m, _("Pinyin input could not open its dictionary."));
		return NULL;
	}
	m->api->set_option(m->session, "ascii_mode", False);
	m->state = ENGINE_READY;
	return NULL;
}

void ime_warm(struct ime *m)
{
	if (m->state != ENGINE_STOPPED)
		return;
	m->state = ENGINE_LOADING;
	if (pthread_create(&m->thread, NULL, load, m) == 0)
		m->thread_on = true;
	else
		m->state = ENGINE_STOPPED; /* ime_start loads it then */
}

bool ime_start(struct ime *m, char *why, size_t whysz)
{
	if (m->state == ENGINE_STOPPED) {
		m->state = ENGINE_LOADING;
		load(m);
	}
	if (m->thread_on) {
		pthread_join(m->thread, NULL);
		m->thread_on = false;
	}
	if (m->state != ENGINE_READY && why)
		snprintf(why, whysz, "%s", m->why);
	return m->state == ENGINE_READY;
}

void ime_free(struct ime *m)
{
	if (!m)
		return;
	ime_start(m, NULL, 0);
	if (m->api && m->state == ENGINE_READY) {
		m->api->destroy_session(m->session);
		m->api->finalize();
	}
	free(m);
}

static bool is_own(const struct ime *m, const char *text)
{
	int i;

	for (i = 0; i < m->nown; i++)
		if (strcmp(m->own[i], text) == 0)
			return true;
	return false;
}

/* The candidates of the page at m->first: own words, then the engine's
 * without those already offered. */
static void fetch(struct ime *m)
{
	RimeCandidateListIterator it;
	struct page_at at = m->first;
	struct shown *c;

	m->ncand = 0;
	while (m->ncand <= IME_PAGE && at.own < m->nown) {
		c = &m->cand[m->ncand++];
		snprintf(c->text, sizeof(c->text), "%s", m->own[at.own++]);
		c->engine = -1;
		c->next = at;
	}
	if (m->ncand > IME_PAGE || !*m->letters)
		return;
	memset(&it, 0, sizeof(it));
	if (!m->api->candidate_list_from_index(m->session, &it, (int)at.engine))
		return;
	while (m->ncand <= IME_PAGE && m->api->candidate_list_next(&it)) {
		at.engine = it.index + 1;
		if (!it.candidate.text || is_own(m, it.candidate.text))
			continue;
		c = &m->cand[m->ncand++];
		snprintf(c->text, sizeof(c->text), "%s", it.candidate.text);
		c->engine = it.index;
		c->next = at;
	}
	m->api->candidate_list_end(&it);
}

/* The composition as the engine shows it, with its ü written v as typed:
 * ü is of ambiguous width, drawn one column or two by the terminal. */
static void put_preedit(struct ime *m, const char *pre)
{
	size_t n = 0;

	for (; *pre && n + 1 < sizeof(m->preedit); pre++) {
		if ((unsigned char)pre[0] == 0xc3 && (unsigned char)pre[1] == 0xbc) {
			m->preedit[n++] = 'v';
			pre++;
		} else {
			m->preedit[n++] = *pre;
		}
	}
	m->preedit[n] = '\0';
}

/* Reads the engine's state after a change: letters, composition, own words
 * (only while nothing is picked), and the first page. */
static void refresh(struct ime *m)
{
	RIME_STRUCT(RimeContext, ctx);
	const char *input = m->api->get_input(m->session), *p;
	bool picked = false;

	snprintf(m->letters, sizeof(m->letters), "%s", input ? input : "");
	m->preedit[0] = '\0';
	if (m->api->get_context(m->session, &ctx)) {
		if (ctx.composition.preedit)
			put_preedit(m, ctx.composition.preedit);
		m->api->free_context(&ctx);
	}
	for (p = m->preedit; *p; p++)
		if ((unsigned char)*p >= 0x80)
			picked = true;
	m->nown = 0;
	if (*m->letters && !picked && m->words)
		m->nown = m->words(m->words_ctx, m->letters, m->own, OWN_MAX);
	if (m->nown < 0)
		m->nown = 0;
	memset(&m->first, 0, sizeof(m->first));
	m->nback = 0;
	fetch(m);
}

bool ime_composing(const struct ime *m)
{
	return *m->letters != '\0';
}

bool ime_type(struct ime *m, char letter)
{
	if (m->state != ENGINE_READY || letter < 'a' || letter > 'z' ||
	    strlen(m->letters) >= IME_LETTERS_MAX)
		return false;
	if (!m->api->process_key(m->session, letter, 0))
		return false;
	refresh(m);
	return true;
}

void ime_back(struct ime *m)
{
	if (m->state != ENGINE_READY || !*m->letters)
		return;
	m->api->process_key(m->session, KEY_BACKSPACE_X, 0);
	refresh(m);
}

void ime_drop(struct ime *m)
{
	if (m->state != ENGINE_READY)
		return;
	m->api->clear_composition(m->session);
	refresh(m);
}

const char *ime_letters(const struct ime *m)
{
	return m->letters;
}

const char *ime_preedit(const struct ime *m)
{
	return m->preedit;
}

int ime_count(const struct ime *m)
{
	return m->ncand < IME_PAGE ? m->ncand : IME_PAGE;
}

const char *ime_candidate(const struct ime *m, int i)
{
	return i >= 0 && i < ime_count(m) ? m->cand[i].text : "";
}

bool ime_has_prev(const struct ime *m)
{
	return m->nback > 0;
}

bool ime_has_next(const struct ime *m, int shown)
{
	return shown > 0 && shown < m->ncand;
}

bool ime_page(struct ime *m, bool forward, int shown)
{
	if (forward) {
		if (!ime_has_next(m, shown) || m->nback >= PAGES_MAX)
			return false;
		m->back[m->nback++] = m->first;
		m->first = m->cand[shown - 1].next;
	} else {
		if (m->nback == 0)
			return false;
		m->first = m->back[--m->nback];
	}
	fetch(m);
	return true;
}

bool ime_pick(struct ime *m, int i, char *commit, size_t commitsz)
{
	RIME_STRUCT(RimeCommit, done);
	bool whole = false;

	if (i < 0 || i >= ime_count(m) || m->state != ENGINE_READY)
		return false;
	if (m->cand[i].engine < 0) {
		snprintf(commit, commitsz, "%s", m->cand[i].text);
		m->api->clear_composition(m->session);
		refresh(m);
		return true;
	}
	if (!m->api->select_candidate(m->session, (size_t)m->cand[i].engine))
		return false;
	if (m->api->get_commit(m->session, &done)) {
		snprintf(commit, commitsz, "%s", done.text ? done.text : "");
		m->api->free_commit(&done);
		whole = true;
	}
	refresh(m);
	return whole;
}
