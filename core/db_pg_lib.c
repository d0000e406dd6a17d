/* SPDX-License-Identifier: GPL-3.0-or-later */
/* db_pg_lib.c - libpq loaded on first use (see db_pg_lib.h). */
#include "core/db_pg_lib.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>

#include "core/i18n.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct pq_lib lib;
static bool loaded;

/* Resolves every function of the list in handle: false (and the missing
 * name in *missing) when one is not there. */
static bool resolve(void *handle, const char **missing)
{
	void *p;

#define PQ_RESOLVE(ret, name, params) \
	p = dlsym(handle, #name);     \
	if (!p) {                     \
		*missing = #name;     \
		return false;         \
	}                             \
	lib.name = (ret(*) params)p;
	PQ_FUNCTIONS(PQ_RESOLVE)
#undef PQ_RESOLVE
	return true;
}

enum hd_status pq_lib(const struct pq_lib **out, struct hd_err *err)
{
	enum hd_status rc = HD_OK;
	const char *missing = NULL;
	void *handle;

	pthread_mutex_lock(&lock);
	if (loaded)
		goto done;
	handle = dlopen(PQ_LIBRARY, RTLD_NOW | RTLD_LOCAL);
	if (!handle) {
		rc = hd_err_set(err, HD_FAIL, "db",
				_("PostgreSQL databases need the libpq5 library (%s)"), dlerror());
		goto done;
	}
	if (!resolve(handle, &missing)) {
		rc = hd_err_set(err, HD_FAIL, "db",
				_("the libpq library is too old: it has no %s (install libpq5)"),
				missing);
		dlclose(handle);
		goto done;
	}
	loaded = true; /* the library stays for the process's life */
done:
	pthread_mutex_unlock(&lock);
	*out = rc == HD_OK ? &lib : NULL;
	return rc;
}
