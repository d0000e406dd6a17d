/* SPDX-License-Identifier: GPL-3.0-or-later */
/* db_pg_lib.h - libpq, the PostgreSQL driver's own (core/db_pg.c): loaded
 * with dlopen on the first connection to a postgresql:// URI, so that a
 * desk on a SQLite file never maps libpq nor what it pulls in (Kerberos,
 * LDAP, TLS). The functions the driver calls are one list; each is reached
 * as pq->NAME(...). */
#ifndef HD_DB_PG_LIB_H
#define HD_DB_PG_LIB_H

#include <libpq-fe.h>

#include "core/status.h"

/* The soname of Debian's libpq5. */
#define PQ_LIBRARY "libpq.so.5"

/* X(return type, name, parameters) for every libpq function the driver
 * calls. */
#define PQ_FUNCTIONS(X)                                                                        \
	X(PGconn *, PQconnectdb, (const char *conninfo))                                       \
	X(void, PQfinish, (PGconn * conn))                                                     \
	X(void, PQreset, (PGconn * conn))                                                      \
	X(ConnStatusType, PQstatus, (const PGconn *conn))                                      \
	X(PGTransactionStatusType, PQtransactionStatus, (const PGconn *conn))                  \
	X(char *, PQerrorMessage, (const PGconn *conn))                                        \
	X(PQnoticeProcessor, PQsetNoticeProcessor,                                             \
	  (PGconn * conn, PQnoticeProcessor proc, void *arg))                                  \
	X(PGresult *, PQexec, (PGconn * conn, const char *query))                              \
	X(PGresult *, PQexecParams,                                                            \
	  (PGconn * conn, const char *command, int nParams, const Oid *paramTypes,             \
	   const char *const *paramValues, const int *paramLengths, const int *paramFormats,   \
	   int resultFormat))                                                                  \
	X(PGresult *, PQprepare,                                                               \
	  (PGconn * conn, const char *stmtName, const char *query, int nParams,                \
	   const Oid *paramTypes))                                                             \
	X(PGresult *, PQexecPrepared,                                                          \
	  (PGconn * conn, const char *stmtName, int nParams, const char *const *paramValues,   \
	   const int *paramLengths, const int *paramFormats, int resultFormat))                \
	X(ExecStatusType, PQresultStatus, (const PGresult *res))                               \
	X(char *, PQresultErrorMessage, (const PGresult *res))                                 \
	X(char *, PQresultErrorField, (const PGresult *res, int fieldcode))                    \
	X(int, PQntuples, (const PGresult *res))                                               \
	X(int, PQnfields, (const PGresult *res))                                               \
	X(Oid, PQftype, (const PGresult *res, int field_num))                                  \
	X(char *, PQgetvalue, (const PGresult *res, int tup_num, int field_num))               \
	X(int, PQgetisnull, (const PGresult *res, int tup_num, int field_num))                 \
	X(char *, PQcmdStatus, (PGresult * res))                                               \
	X(char *, PQcmdTuples, (PGresult * res))                                               \
	X(void, PQclear, (PGresult * res))                                                     \
	X(unsigned char *, PQunescapeBytea, (const unsigned char *strtext, size_t *retbuflen)) \
	X(void, PQfreemem, (void *ptr))

struct pq_lib {
#define PQ_MEMBER(ret, name, params) ret(*name) params;
	PQ_FUNCTIONS(PQ_MEMBER)
#undef PQ_MEMBER
};

/* libpq, loaded once per process (any thread may ask): HD_OK with *out,
 * or HD_FAIL with a message naming the package to install when the library
 * or one of its functions is missing. */
enum hd_status pq_lib(const struct pq_lib **out, struct hd_err *err);

#endif
