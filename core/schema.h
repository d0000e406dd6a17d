/* SPDX-License-Identifier: GPL-3.0-or-later */
/* schema.h - the numbered migrations of the database. Migration N brings
 * user_version N-1 to N; landed migrations are never edited. */
#ifndef HD_SCHEMA_H
#define HD_SCHEMA_H

/* The SQL of migrations 1..schema_count(), or NULL beyond. */
const char *schema_migration(int version);

/* The number of migrations (the latest user_version). */
int schema_count(void);

/* The version PostgreSQL's schema is made whole at. */
#define SCHEMA_PG_BASE 17

/* PostgreSQL (core/schema_pg.c) starts at version 17 whole. The script
 * that makes the whole schema of version 17 on an empty database, several
 * statements for one simple query (one transaction); static text. */
const char *schema_pg_create(void);

/* The PostgreSQL script of migration VERSION, for versions after 17 (NULL
 * for 17 and before, and beyond the last); static text. */
const char *schema_pg_migration(int version);

#endif
